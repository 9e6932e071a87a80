import { basename } from 'node:path';
import { buildPlan } from '../app/build-plan';
import type { AnalyzeChoices } from '../app/contract';
import { chooseSheetSync, HEAD_ROWS, offeredSheets } from '../app/choose-sheet';
import { headerNotFound } from '../engine/analyze';
import { analyze, type Analysis } from '../engine';
import type { Severity } from '../engine/observation';
import { XlsxError } from '../hosts/xlsx';
import { createXlsxPort, type XlsxWorkbookPort } from '../hosts/xlsx/workbook-port';
import { FileProblem, readWorkbookFile } from './read-input';
import { writeAtomically } from './write-output';


export interface CheckRequest {
  readonly path: string;
  readonly fechaCorte: string;
  readonly sheet?: string;
  readonly out?: string;
  readonly severities?: Readonly<Record<string, Severity | 'off'>>;
  /** A flat export's --periodo / --programacion (a printed report ignores them). */
  readonly choices?: AnalyzeChoices;
}

export interface CheckResult {
  readonly path: string;
  readonly analysis: Analysis;
  readonly written?: string;
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
  if (pick.sheet === null) throw new FileProblem(`${basename(request.path)}: ${asFileProblem(request.path, () => almostExport(port, request.sheet)) ?? pick.reason}`);
  const name = pick.sheet;
  const grid = asFileProblem(request.path, () => port.now.readGrid(name));
  const analysis = analyze(grid, { fechaCorte: request.fechaCorte, sheet: name, severities: request.severities, ...request.choices });
  if (!request.out) return { path: request.path, analysis };
  // An export's patch is empty (it is kept byte for byte); the plan adds «Reporte de seguimiento».
  asFileProblem(request.path, () => port.now.apply(buildPlan(analysis, { merges: grid.merges })));
  writeAtomically(request.out, port.bytes());
  return { path: request.path, analysis, written: request.out };
}

/**
 * When no sheet fits: a sheet that looks like the Aplicativo's export but lacks a column gets
 * the engine's own line («parece una exportación del Aplicativo CEPLAN …, pero falta …»).
 */
export function almostExport(port: XlsxWorkbookPort, wanted: string | undefined): string | undefined {
  const all = port.now.sheets();
  const candidates = wanted === undefined ? offeredSheets(all) : all.filter((s) => s.name.toLowerCase() === wanted.toLowerCase());
  for (const s of candidates) {
    const o = headerNotFound(port.now.head(s.name, HEAD_ROWS), s.name);
    if (o.messageId === 'flat-export-incomplete') return o.message.replace(/^La hoja /, `La hoja «${s.name}» `);
  }
  return undefined;
}
