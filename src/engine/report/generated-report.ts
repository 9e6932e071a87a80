import type { Analysis } from '../analysis';
import type { CellRange } from '../grid/cell';
import type { Table } from './tables';

export const GENERATED_REPORT_SHEET = 'Reporte de seguimiento';

/** A sheet in the printed layout (poi-rules §1), generated from the Aplicativo's flat export. */
export interface GeneratedSheet {
  readonly name: string;
  readonly table: Table;
  readonly merges: readonly CellRange[];
  readonly columnWidths: readonly number[];
  readonly freezeRows: number;
}

/**
 * The printed report for an analysis of a flat export; null for a sheet that already is the
 * printed report (nothing to generate).
 */
export function generatedReport(analysis: Analysis): GeneratedSheet | null {
  void analysis;
  return null;
}
