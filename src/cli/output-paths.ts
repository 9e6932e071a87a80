/**
 * Where each recalculated copy goes, decided for the whole run before anything is written:
 * no copy replaces an input or another copy of the same run (case-insensitive file systems
 * included), and an existing file is replaced only when poi-check wrote it for that input.
 */
import { mkdirSync, realpathSync, statSync, type Stats } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { openXlsx } from '../hosts/xlsx';
import { OBSERVATIONS_SHEET, SUMMARY_SHEET } from '../engine/report/tables';
import { UsageError } from './args';
import { fsCause } from './fs-errors';
import { readWorkbookFile } from './read-input';

export const COPY_SUFFIX = '.recalculado';

/** `a.recalculado.xlsx`, `a.recalculado-2.xlsx`: the names poi-check gives its copies. */
export function isCopyName(file: string): boolean {
  return /\.recalculado(-\d+)?\.xlsx$/i.test(basename(file));
}

function stem(file: string): string {
  return basename(file, extname(file));
}

function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}

/** Same file for any spelling: resolved, links followed, case and Unicode form folded (macOS, Windows). */
function pathKey(path: string): string {
  let full = resolve(path);
  try {
    full = realpathSync(full);
  } catch {
    // Not there yet: the folder may still be a link.
    try {
      full = join(realpathSync(dirname(full)), basename(full));
    } catch {
      // Keep the resolved spelling.
    }
  }
  return full.normalize('NFC').toLowerCase();
}

function inodeKey(stat: Stats | undefined): string | undefined {
  return stat && stat.ino ? `${stat.dev}:${stat.ino}` : undefined;
}

export interface OutputRequest {
  readonly files: readonly string[];
  readonly out?: string;
  /** Several files or a folder: --out is a folder. */
  readonly batch: boolean;
  readonly overwrite: boolean;
}

/** One output path per file (undefined without --out). Throws UsageError naming the files in conflict. */
export function planOutputs(request: OutputRequest): (string | undefined)[] {
  const { files, out } = request;
  if (out === undefined) return files.map(() => undefined);
  const taken = new Map<string, string>();
  const inodes = new Map<string, string>();
  for (const f of files) {
    taken.set(pathKey(f), f);
    const ino = inodeKey(statOrUndefined(f));
    if (ino) inodes.set(ino, f);
  }
  const clash = (candidate: string): string | undefined => taken.get(pathKey(candidate)) ?? inodes.get(inodeKey(statOrUndefined(candidate)) ?? '');

  let outputs: string[];
  const outStat = statOrUndefined(out);
  if (!request.batch && !outStat?.isDirectory()) {
    const other = clash(out);
    if (other !== undefined) {
      throw new UsageError(`--out no puede ser el archivo de entrada: ${out} es ${other}. Elija otro nombre para la copia recalculada.`);
    }
    const parent = statOrUndefined(dirname(resolve(out)));
    if (!parent?.isDirectory()) {
      throw new UsageError(`La carpeta ${dirname(out)} de --out no existe: créela o indique otra ruta para la copia.`);
    }
    outputs = [out];
  } else {
    ensureFolder(out, outStat);
    outputs = files.map((file) => {
      // Two inputs with one name (d1/reporte.xlsx, d2/reporte.xlsx; rep.xlsx, rep.XLSX) get -2, -3…
      let candidate = join(out, stem(file) + COPY_SUFFIX + '.xlsx');
      for (let n = 2; clash(candidate) !== undefined; n++) candidate = join(out, `${stem(file)}${COPY_SUFFIX}-${n}.xlsx`);
      taken.set(pathKey(candidate), candidate);
      return candidate;
    });
  }
  refuseExisting(outputs, request.overwrite);
  return outputs;
}

function ensureFolder(out: string, stat: Stats | undefined): void {
  if (stat && !stat.isDirectory()) {
    throw new UsageError(`--out ${out} es un archivo, no una carpeta: con varios archivos o una carpeta, --out indica la carpeta donde se escriben las copias.`);
  }
  if (stat) return;
  // `--out copia.xlsx` with a folder of reports: a folder named copia.xlsx would surprise.
  if (extname(out).toLowerCase() === '.xlsx') {
    throw new UsageError(`Con varios archivos o una carpeta, --out es la carpeta de las copias: ${out} parece un archivo. Indique una carpeta, por ejemplo --out recalculados.`);
  }
  try {
    mkdirSync(out, { recursive: true });
  } catch (error) {
    throw new UsageError(`No se pudo crear la carpeta de --out ${out}: ${fsCause(error)}.`);
  }
}

/** Before writing anything: an existing file is replaced only if poi-check wrote it, or with --sobrescribir. */
function refuseExisting(outputs: readonly string[], overwrite: boolean): void {
  const blocked: string[] = [];
  for (const path of outputs) {
    const stat = statOrUndefined(path);
    if (!stat) continue;
    if (!stat.isFile()) throw new UsageError(`--out ${path} ya existe y no es un archivo común (carpeta o dispositivo): indique otro nombre.`);
    if (!overwrite && !isEarlierCopy(path)) blocked.push(path);
  }
  if (blocked.length === 0) return;
  const names = blocked.length > 3 ? `${blocked.slice(0, 3).join(', ')} y ${blocked.length - 3} más` : blocked.join(', ');
  throw new UsageError(
    `${names} ya ${blocked.length > 1 ? 'existen y no son copias' : 'existe y no es una copia'} de poi-check: elija otro --out, o agregue --sobrescribir para reemplazar${blocked.length > 1 ? 'los' : 'lo'}.`,
  );
}

/**
 * A copy this tool wrote earlier: its name is one poi-check gives (`*.recalculado.xlsx`) and
 * the workbook ends with the Observaciones and Resumen sheets it adds. Both, so that neither a
 * planner's file that happens to end in `.recalculado.xlsx` nor a renamed copy being edited
 * is replaced without asking.
 */
export function isEarlierCopy(path: string): boolean {
  if (!isCopyName(path)) return false;
  try {
    const names = openXlsx(readWorkbookFile(path)).sheets.map((s) => s.name);
    return names.length >= 2 && names[names.length - 2] === OBSERVATIONS_SHEET && names[names.length - 1] === SUMMARY_SHEET;
  } catch {
    return false;
  }
}
