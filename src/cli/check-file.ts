import { existsSync, readFileSync, realpathSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { buildPlan } from '../app/build-plan';
import { chooseSheetSync } from '../app/choose-sheet';
import { analyze, type Analysis } from '../engine';
import type { Severity } from '../engine/observation';
import { XlsxError } from '../hosts/xlsx';
import { createXlsxPort } from '../hosts/xlsx/workbook-port';

/** A file the command cannot use: exit 2, this Spanish line on stderr. */
export class FileProblem extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FileProblem';
  }
}

export interface CheckRequest {
  readonly path: string;
  readonly fechaCorte: string;
  readonly sheet?: string;
  readonly out?: string;
  readonly severities?: Readonly<Record<string, Severity | 'off'>>;
}

export interface CheckResult {
  readonly path: string;
  readonly analysis: Analysis;
  readonly written?: string;
}

// Guards the machine against a file that is not a workbook at all (a 2 GB video renamed).
const MAX_FILE_BYTES = 512 * 1024 * 1024;

export function readWorkbookFile(path: string): Uint8Array {
  if (!existsSync(path)) throw new FileProblem(`No se encontró el archivo ${path}. Revise la ruta y el nombre.`);
  const stat = statSync(path);
  if (stat.isDirectory()) throw new FileProblem(`${path} es una carpeta; indique los archivos .xlsx que contiene.`);
  if (stat.size > MAX_FILE_BYTES) throw new FileProblem(`${path} pesa más de 512 MB: no parece un reporte POI. Revise el archivo.`);
  try {
    return new Uint8Array(readFileSync(path));
  } catch {
    throw new FileProblem(`No se pudo leer ${path}: revise que no esté abierto con bloqueo y que tenga permiso de lectura.`);
  }
}

/** What to do when no sheet fits, on the command line. */
export const CHOOSE_WITH_HOJA = 'Indique la hoja del reporte con --hoja o revise que su encabezado no haya sido modificado.';

/** A damaged or unreadable workbook becomes the file's one line; anything else is ours. */
function asFileProblem<T>(path: string, fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof XlsxError) throw new FileProblem(`${basename(path)}: ${error.message}`);
    throw error;
  }
}

/**
 * One file: opened once, the report sheet chosen by the app's one policy, analysed, and with
 * --out the app's recompute plan carried out on the same open workbook (the copy's bytes).
 */
export function checkFile(request: CheckRequest): CheckResult {
  const data = readWorkbookFile(request.path);
  const port = asFileProblem(request.path, () => createXlsxPort(data));
  const pick = asFileProblem(request.path, () => chooseSheetSync(port.now, { wanted: request.sheet, whatToDo: CHOOSE_WITH_HOJA }));
  if (pick.sheet === null) throw new FileProblem(`${basename(request.path)}: ${pick.reason}`);
  const name = pick.sheet;
  const grid = asFileProblem(request.path, () => port.now.readGrid(name));
  const analysis = analyze(grid, { fechaCorte: request.fechaCorte, sheet: name, severities: request.severities });
  if (!request.out) return { path: request.path, analysis };
  asFileProblem(request.path, () => port.now.apply(buildPlan(analysis, { merges: grid.merges })));
  writeAtomically(request.out, port.bytes());
  return { path: request.path, analysis, written: request.out };
}

/** The copy appears whole or not at all: never a partial output file. */
function writeAtomically(path: string, bytes: Uint8Array): void {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    writeFileSync(tmp, bytes);
    renameSync(tmp, path);
  } catch {
    if (existsSync(tmp)) unlinkSync(tmp);
    throw new FileProblem(`No se pudo escribir ${path}: revise que la carpeta exista, tenga permiso de escritura y el archivo no esté abierto en Excel.`);
  }
}

/** True when two paths name the same file (also through links or other spellings). */
export function samePath(a: string, b: string): boolean {
  const real = (p: string): string => (existsSync(p) ? realpathSync(p) : resolve(p));
  return real(a) === real(b);
}
