/**
 * The pieces `scripts/bench-measure.js` times one by one (read, engine, patched copy), bundled
 * by `npm run build:cli -- --env bench` into dist/node/bench/engine.js exactly as the CLI
 * bundles them. The copy's Observaciones is the one the app's recompute plan writes.
 */
import type { Analysis } from '../src/engine/analysis';
import { observationsSheet as observationsToolSheet, statusLine } from '../src/app/build-plan';
import type { CellEdit, NewSheet } from '../src/hosts/xlsx/patched-copy';
import { newSheetOf } from '../src/hosts/xlsx/workbook-port';

export { analyze, findLayout } from '../src/engine';
export { openXlsx, writePatchedCopy } from '../src/hosts/xlsx';

/** The computed cells to write, as edits of the report sheet. */
export function patchEdits(analysis: Analysis): CellEdit[] {
  return analysis.patch.cells.map((c) => ({ row: c.at.row, col: c.at.col, value: c.value }));
}

/** Observaciones, with its status line, as the recompute plan has it. */
export function observationsSheet(analysis: Analysis): NewSheet {
  return newSheetOf(observationsToolSheet(analysis, statusLine(analysis, analysis.patch.cells.length)));
}
