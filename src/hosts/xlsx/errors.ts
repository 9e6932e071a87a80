/**
 * The one error the .xlsx host throws for a file it cannot use. `message` is one Spanish
 * line for the user (what is wrong, what to do); `detail` keeps the technical cause for logs.
 */
export type XlsxErrorCode =
  | 'not-zip'
  | 'encrypted'
  | 'legacy-xls'
  | 'ods'
  | 'empty'
  | 'truncated'
  | 'bad-xml'
  | 'too-large'
  | 'no-workbook'
  | 'sheet-not-found';

export class XlsxError extends Error {
  readonly code: XlsxErrorCode;
  /** Technical cause (parser message, part name); for logs, not for users. */
  readonly detail?: string;

  constructor(code: XlsxErrorCode, message: string, detail?: string) {
    super(message);
    this.name = 'XlsxError';
    this.code = code;
    this.detail = detail;
  }
}

const RESAVE = 'Ábralo en Excel y guárdelo como Libro de Excel (.xlsx).';

/** The user-facing sentences, one per situation. */
export const messages = {
  notZip: () => `El archivo no es un libro de Excel (.xlsx). ${RESAVE}`,
  pdf: () => 'El archivo es un PDF, no un libro de Excel. Use el archivo .xlsx del reporte de seguimiento del POI.',
  text: () => `El archivo es texto (CSV u otro), no un libro de Excel. ${RESAVE}`,
  unsupportedZip: (what: string) =>
    `El archivo .xlsx usa ${what}, que no se puede leer. ${RESAVE}`,
  encrypted: () =>
    'El libro está protegido con contraseña. Quite la contraseña en Excel (Archivo > Información > Proteger libro) y guárdelo de nuevo.',
  legacyXls: () =>
    'El archivo es un libro de Excel 97-2003 (.xls). Guárdelo como Libro de Excel (.xlsx) y vuelva a intentarlo.',
  ods: () =>
    'El archivo es una hoja de cálculo OpenDocument (.ods). Guárdelo como Libro de Excel (.xlsx) y vuelva a intentarlo.',
  empty: () => 'El archivo está vacío (0 bytes). Vuelva a descargarlo o a guardarlo desde Excel.',
  truncated: () =>
    'El archivo está incompleto o dañado. Vuelva a descargarlo o a guardarlo desde Excel.',
  badXml: (part: string) =>
    `Una parte interna del libro (${part}) está dañada. Abra el archivo en Excel y guárdelo de nuevo.`,
  tooLarge: (declared: number, limit: number) =>
    `El libro ocupa ${megabytes(declared)} al descomprimirlo, más que el máximo de ${megabytes(limit)}. Quite las hojas que no sean el reporte y vuelva a intentarlo.`,
  xlsb: () =>
    'El archivo es un Libro binario de Excel (.xlsb). Guárdelo como Libro de Excel (.xlsx) y vuelva a intentarlo.',
  noWorkbook: () => `El archivo comprimido no contiene un libro de Excel. ${RESAVE}`,
  sheetNotFound: (name: string, available: readonly string[]) =>
    `El libro no tiene una hoja llamada «${name}». Elija una de estas: ${available.map((s) => `«${s}»`).join(', ') || '(ninguna)'}.`,
};

function megabytes(bytes: number): string {
  return `${Math.round(bytes / 1e6).toLocaleString('es-PE')} MB`;
}
