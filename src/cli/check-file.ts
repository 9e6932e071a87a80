import { existsSync, readFileSync, realpathSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { analyze, findLayout, type Analysis } from '../engine';
import type { Severity } from '../engine/observation';
import { openXlsx, writePatchedCopy, XlsxError, type XlsxPackage } from '../hosts/xlsx';
import { observationsSheet, patchEdits, summarySheet } from '../hosts/xlsx/tool-sheets';

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

function open(path: string, data: Uint8Array): XlsxPackage {
  try {
    return openXlsx(data);
  } catch (error) {
    if (error instanceof XlsxError) throw new FileProblem(`${basename(path)}: ${error.message}`);
    throw error;
  }
}

/** The sheet named by --hoja, or the first one with the POI layout. */
function chooseSheet(path: string, pkg: XlsxPackage, wanted?: string): { name: string; grid: ReturnType<XlsxPackage['readSheet']> } {
  const read = (name: string): ReturnType<XlsxPackage['readSheet']> => {
    try {
      return pkg.readSheet(name);
    } catch (error) {
      if (error instanceof XlsxError) throw new FileProblem(`${basename(path)}: ${error.message}`);
      throw error;
    }
  };
  if (wanted !== undefined) {
    const grid = read(wanted);
    if (!findLayout(grid)) {
      throw new FileProblem(
        `${basename(path)}: la hoja «${wanted}» no tiene el formato del Reporte de seguimiento del POI (encabezado OBJETIVO ESTRATEGICO …, PROG./ EJE., FISICO, FINANCIERO).`,
      );
    }
    return { name: wanted, grid };
  }
  for (const sheet of pkg.sheets) {
    const grid = read(sheet.name);
    if (findLayout(grid)) return { name: sheet.name, grid };
  }
  throw new FileProblem(
    `${basename(path)}: ninguna hoja tiene el formato del Reporte de seguimiento del POI (encabezado OBJETIVO ESTRATEGICO …, PROG./ EJE., FISICO, FINANCIERO). Indique la hoja con --hoja si el encabezado fue cambiado.`,
  );
}

export function checkFile(request: CheckRequest): CheckResult {
  const data = readWorkbookFile(request.path);
  const pkg = open(request.path, data);
  const { name, grid } = chooseSheet(request.path, pkg, request.sheet);
  const analysis = analyze(grid, { fechaCorte: request.fechaCorte, sheet: name, severities: request.severities });
  if (!request.out) return { path: request.path, analysis };
  const copy = writePatchedCopy(data, name, patchEdits(analysis), [observationsSheet(analysis), summarySheet(analysis)]);
  writeAtomically(request.out, copy);
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
