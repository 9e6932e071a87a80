import type { Analysis } from '../../engine/analysis';
import { observationsTable, summaryTable } from '../../engine/report/build-tables';
import { OBSERVATIONS_SHEET, SUMMARY_SHEET } from '../../engine/report/tables';
import type { CellEdit, NewSheet } from './patched-copy';

/** The computed cells to write, as edits of the report sheet. */
export function patchEdits(analysis: Analysis): CellEdit[] {
  return analysis.patch.cells.map((c) => ({ row: c.at.row, col: c.at.col, value: c.value }));
}

/** The Observaciones sheet as the .xlsx copy carries it (the CLI, the web page). */
export function observationsSheet(analysis: Analysis): NewSheet {
  return { name: OBSERVATIONS_SHEET, table: observationsTable(analysis), columnWidths: [28, 12, 8, 6, 90, 14, 14], freezeRows: 1 };
}

/** The Resumen sheet. */
export function summarySheet(analysis: Analysis): NewSheet {
  return { name: SUMMARY_SHEET, table: summaryTable(analysis), columnWidths: [44, 60, 20, 20] };
}
