import { existsSync, realpathSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { analyze, findLayout, type Analysis } from '../engine';
import type { Severity } from '../engine/observation';
import { openXlsx, writePatchedCopy, XlsxError, type XlsxPackage } from '../hosts/xlsx';
import { observationsSheet, patchEdits, summarySheet } from '../hosts/xlsx/tool-sheets';
import { FileProblem, readWorkbookFile } from './read-input';
import { writeAtomically } from './write-output';

// Moved to read-input.ts / write-output.ts (the CLI's file I/O); re-exported for old imports.
export { FileProblem, readWorkbookFile };

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

/** True when two paths name the same file (also through links or other spellings). */
export function samePath(a: string, b: string): boolean {
  const real = (p: string): string => (existsSync(p) ? realpathSync(p) : resolve(p));
  return real(a) === real(b);
}
