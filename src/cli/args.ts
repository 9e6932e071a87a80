import { parseArgs } from 'node:util';
import { isIsoDate, localIsoDate } from '../engine/compute/deadlines';

export interface CliOptions {
  readonly files: readonly string[];
  readonly json: boolean;
  readonly fechaCorte: string;
  readonly sheet?: string;
  readonly out?: string;
  readonly config?: string;
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
                             con varios archivos, RUTA es una carpeta. Nunca sobrescribe la entrada.
  --config RUTA              JSON con severidades por regla: {"rules": {"negative-value": "off"}}
  -h, --help                 muestra esta ayuda`;

export function parseCliArgs(argv: readonly string[], now = new Date()): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        json: { type: 'boolean', default: false },
        'fecha-corte': { type: 'string' },
        hoja: { type: 'string' },
        out: { type: 'string' },
        config: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    // Read the message without instanceof: the error may come from another realm (test runners).
    const option = /'([^']+)'/.exec(String((error as { message?: unknown } | null)?.message ?? ''))?.[1];
    throw new UsageError(
      option ? `Opción no reconocida o sin valor: ${option}. Vea poi-check --help.` : 'Argumentos no válidos. Vea poi-check --help.',
    );
  }
  const v = parsed.values;
  const fechaCorte = v['fecha-corte'] ?? localIsoDate(now);
  if (!isIsoDate(fechaCorte)) throw new UsageError(`La fecha de corte «${fechaCorte}» no es válida: use AAAA-MM-DD, por ejemplo 2023-08-15.`);
  if (!v.help && parsed.positionals.length === 0) throw new UsageError('Indique al menos un archivo .xlsx. Vea poi-check --help.');
  return {
    files: parsed.positionals,
    json: v.json ?? false,
    fechaCorte,
    sheet: v.hoja,
    out: v.out,
    config: v.config,
    help: v.help ?? false,
  };
}
