/**
 * The tool's sheets as the .xlsx copy carries them, for callers that write a copy without the
 * app's service (the bench). The sheets themselves are decided once, in src/app/build-plan.ts.
 */
import type { Analysis } from '../../engine/analysis';
import { observationsSheet as observationsToolSheet, statusLine, summarySheet as summaryToolSheet } from '../../app/build-plan';
import type { CellEdit, NewSheet } from './patched-copy';
import { newSheetOf } from './workbook-port';

/** The computed cells to write, as edits of the report sheet. */
export function patchEdits(analysis: Analysis): CellEdit[] {
  return analysis.patch.cells.map((c) => ({ row: c.at.row, col: c.at.col, value: c.value }));
}

/** Observaciones, with its status line, as the recompute plan has it. */
export function observationsSheet(analysis: Analysis): NewSheet {
  return newSheetOf(observationsToolSheet(analysis, statusLine(analysis, analysis.patch.cells.length)));
}

/** Resumen, as the recompute plan has it. */
export function summarySheet(analysis: Analysis): NewSheet {
  return newSheetOf(summaryToolSheet(analysis));
}
