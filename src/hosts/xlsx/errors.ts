/**
 * Two kinds of failure leave the .xlsx host, and they must never be confused:
 * - `XlsxError`: the file cannot be used (not a workbook, damaged, too large). `message` is
 *   one Spanish line for the user (what is wrong, what to do); `detail` keeps the cause.
 * - `XlsxInternalError`: a defect of ours (an exception nothing anticipated). It must not
 *   read to the user as a damaged file; `detail` carries the original stack for the log
 *   and the detail view.
 * Inside the host, code that finds malformed markup throws `MalformedXml`; `guarded`
 * turns it into XlsxError('bad-xml') naming the part.
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
  | 'sheet-not-found'
  /** Two ZIP entries with the same part name: which one counts is ambiguous. */
  | 'duplicate-part'
  /** A cell, row or merged area beyond Excel's 1,048,576 rows × 16,384 columns. */
  | 'out-of-bounds';

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

/** A defect of ours, not of the file; `detail` has the original stack. */
export class XlsxInternalError extends Error {
  readonly detail: string;
  readonly cause: unknown;

  constructor(cause: unknown, where: string) {
    const why = cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause);
    super(`Error interno del lector de .xlsx (${where}): ${why}`);
    this.name = 'XlsxInternalError';
    this.cause = cause;
    this.detail = cause instanceof Error && cause.stack ? cause.stack : why;
  }
}

/**
 * Thrown by the host's own XML locators and scanners on markup they cannot make sense of;
 * `part` is filled in by whoever knows which part was being read (see `inPart`).
 */
export class MalformedXml extends Error {
  part: string | undefined;

  constructor(message: string, part?: string) {
    super(message);
    this.name = 'MalformedXml';
    this.part = part;
  }
}

/** Runs `fn` on one part: malformed markup found inside is reported against that part. */
export function inPart<T>(part: string, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof MalformedXml && e.part === undefined) e.part = part;
    throw e;
  }
}

/**
 * Every failure leaves the host as one of the two classes above: the file's own faults
 * (XlsxError, MalformedXml) as XlsxError, anything else as XlsxInternalError.
 */
export function guarded<T>(fn: () => T, where: string): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof XlsxError || e instanceof XlsxInternalError) throw e;
    if (e instanceof MalformedXml) {
      throw new XlsxError('bad-xml', messages.badXml(e.part ?? 'desconocida'), `${e.part ?? '?'}: ${e.message}`);
    }
    throw new XlsxInternalError(e, where);
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
  tooManyParts: (count: number, limit: number) =>
    `El archivo contiene ${count.toLocaleString('es-PE')} partes internas, más que el máximo de ${limit.toLocaleString('es-PE')} de un libro de Excel. No parece un reporte: ábralo en Excel y guárdelo de nuevo como Libro de Excel (.xlsx).`,
  partTooLarge: (part: string, size: number, limit: number) =>
    `Una parte del libro (${part}) ocupa ${megabytes(size)} al descomprimirla, más que el máximo de ${megabytes(limit)} que se puede leer. Quite las hojas que no sean el reporte (o sus filas vacías) y vuelva a intentarlo.`,
  copyTooLarge: () =>
    'La copia del libro superaría los límites de un archivo .xlsx (4 GB o 65,535 partes). Quite las hojas que no sean el reporte y vuelva a intentarlo.',
  duplicatePart: (part: string) =>
    `El archivo contiene dos veces la parte interna ${part}: no se puede saber cuál vale, así que está dañado. Ábralo en Excel y guárdelo de nuevo.`,
  outOfBounds: (part: string, what: string) =>
    `Una parte interna del libro (${part}) está dañada: ${what} está fuera de los límites de Excel (1,048,576 filas y 16,384 columnas). Abra el archivo en Excel y guárdelo de nuevo.`,
  sheetNotFound: (name: string, available: readonly string[]) =>
    `El libro no tiene una hoja llamada «${name}». Elija una de estas: ${available.map((s) => `«${s}»`).join(', ') || '(ninguna)'}.`,
};

function megabytes(bytes: number): string {
  return `${Math.round(bytes / 1e6).toLocaleString('es-PE')} MB`;
}
