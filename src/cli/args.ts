import { parseArgs } from 'node:util';
import { isIsoDate, localIsoDate } from '../engine/compute/deadlines';
import type { ProgrammedPhase } from '../engine/analysis';
import { parsePeriod } from '../engine/flat/period';
import { PROGRAMMED_PHASES } from '../engine/flat/parse-flat';

export interface CliOptions {
  readonly files: readonly string[];
  readonly json: boolean;
  readonly fechaCorte: string;
  readonly sheet?: string;
  readonly out?: string;
  readonly config?: string;
  /** Replace an existing --out file that poi-check did not write. */
  readonly overwrite: boolean;
  /** Export only: the months that count (`S1`, `S2`, `anual`, `MM`), as typed; checked. */
  readonly period?: string;
  /** Export only: the phase read as programmed. */
  readonly programmedPhase?: ProgrammedPhase;
  /** Several exports read as one entity (one JSON object, one generated report). */
  readonly consolidate: boolean;
  readonly help: boolean;
}

/** Wrong arguments: exit 2 with this one Spanish line. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export const USAGE = `Uso: poi-check [opciones] <archivo.xlsx | carpeta> [más archivos ...]
  --json                     imprime JSON (un objeto por archivo; una lista si son varios)
  --fecha-corte AAAA-MM-DD   fecha de corte del reporte para S.I. (por defecto: hoy)
  --hoja NOMBRE              hoja a leer (por defecto: la primera con el formato del reporte POI)
  --out RUTA                 escribe una copia recalculada (celdas calculadas y hoja Observaciones);
                             con varios archivos, una carpeta, o si RUTA es una carpeta, la copia se
                             llama <nombre>.recalculado.xlsx. Nunca sobrescribe una entrada.
                             De una exportación del Aplicativo («Exporta POI») la copia conserva la
                             exportación tal cual y agrega la hoja «Reporte de seguimiento».
  --periodo S1|S2|anual|MM   exportación: meses que cuentan (MM = de enero a ese mes, 01–12);
                             por defecto, el que corresponde a la fecha de corte
  --programacion RE|CS|AJ|A  exportación: fase que se lee como programado (por defecto, la
                             primera de RE, CS, AJ, A que tiene valores en cada AO)
  --consolidar               lee varias exportaciones (archivos o una carpeta) como una entidad:
                             un resultado y, con --out ARCHIVO.xlsx, un reporte generado
  --sobrescribir             permite reemplazar un archivo de --out que no es una copia de poi-check
  --config RUTA              JSON con severidades por regla: {"rules": {"negative-value": "off"}}
  -h, --help                 muestra esta ayuda`;

/** Add an option here and in CliOptions; string options are refused when empty. */
const OPTIONS = {
  json: { type: 'boolean', default: false },
  'fecha-corte': { type: 'string' },
  hoja: { type: 'string' },
  out: { type: 'string' },
  config: { type: 'string' },
  sobrescribir: { type: 'boolean', default: false },
  periodo: { type: 'string' },
  programacion: { type: 'string' },
  consolidar: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

/** Value examples for the "missing value" message. */
const EXAMPLES: Record<string, string> = {
  'fecha-corte': '--fecha-corte 2023-08-15',
  hoja: '--hoja "Reporte POI"',
  out: '--out copia.xlsx',
  config: '--config severidades.json',
  periodo: '--periodo S1',
  programacion: '--programacion RE',
};

/** `--json` was asked for, even when the rest of the line is wrong (the error is then JSON too). */
export function wantsJson(argv: readonly string[]): boolean {
  const end = argv.indexOf('--');
  return (end < 0 ? argv : argv.slice(0, end)).includes('--json');
}

export function parseCliArgs(argv: readonly string[], now = new Date()): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], allowPositionals: true, strict: true, options: OPTIONS });
  } catch (error) {
    throw new UsageError(parseErrorMessage(error));
  }
  const v = parsed.values;
  for (const name of Object.keys(OPTIONS)) {
    const value = (v as Record<string, unknown>)[name];
    if (value === '' || (typeof value === 'string' && value.trim() === '')) {
      throw new UsageError(`--${name} no puede estar vacío: indique un valor, por ejemplo ${EXAMPLES[name] ?? `--${name} VALOR`}.`);
    }
  }
  const fechaCorte = v['fecha-corte'] ?? localIsoDate(now);
  if (!isIsoDate(fechaCorte)) throw new UsageError(`La fecha de corte «${fechaCorte}» no es válida: use AAAA-MM-DD, por ejemplo 2023-08-15.`);
  if (v.periodo !== undefined && parsePeriod(v.periodo) === null) {
    throw new UsageError(`El periodo «${v.periodo}» no es válido: use --periodo S1 (enero–junio), S2 (julio–diciembre), anual, o un mes 01–12 (de enero a ese mes).`);
  }
  const phase = v.programacion?.trim().toUpperCase();
  if (phase !== undefined && !(PROGRAMMED_PHASES as readonly string[]).includes(phase)) {
    throw new UsageError(`La fase de programación «${v.programacion}» no es válida: use --programacion RE, CS, AJ o A.`);
  }
  if (!v.help && parsed.positionals.length === 0) throw new UsageError('Indique al menos un archivo .xlsx o una carpeta. Vea poi-check --help.');
  if (parsed.positionals.some((p) => p === '')) throw new UsageError('Un nombre de archivo está vacío (""): revise la línea de comandos.');
  return {
    files: parsed.positionals,
    json: v.json ?? false,
    fechaCorte,
    sheet: v.hoja,
    out: v.out,
    config: v.config,
    overwrite: v.sobrescribir ?? false,
    ...(v.periodo !== undefined ? { period: v.periodo.trim() } : {}),
    ...(phase !== undefined ? { programmedPhase: phase as ProgrammedPhase } : {}),
    consolidate: v.consolidar ?? false,
    help: v.help ?? false,
  };
}

/** node:util's English messages, in Spanish. Read code and text without instanceof (other realms). */
function parseErrorMessage(error: unknown): string {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  const text = String(message ?? '');
  const option = /'(-{1,2}[^'\s<]+)/.exec(text)?.[1];
  const name = option?.replace(/^-+/, '');
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option) {
    return `Opción no reconocida: ${option}. Vea poi-check --help (para un archivo cuyo nombre empieza con «-», escriba -- antes).`;
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && option) {
    if (/does not take an argument/.test(text)) return `${option} no lleva valor: escriba solo ${option}.`;
    return `Falta el valor de ${option}: por ejemplo ${EXAMPLES[name ?? ''] ?? `${option} VALOR`}.`;
  }
  return 'Argumentos no válidos. Vea poi-check --help.';
}
