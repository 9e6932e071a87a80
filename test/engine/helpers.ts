import { analyze, type Analysis } from '../../src/engine';
import { fromA1 } from '../../src/engine/grid/a1';
import type { CellValue, Grid } from '../../src/engine/grid/cell';
import { poiSheet, type PoiSheetSpec } from '../fixtures/poi-sheet';

export function run(spec: PoiSheetSpec, fechaCorte = '2023-08-15'): { analysis: Analysis; grid: Grid } {
  const grid = poiSheet(spec).toGrid();
  return { analysis: analyze(grid, { fechaCorte, sheet: 'Reporte POI' }), grid };
}

/** The computed value at an A1 address (undefined when the cell is not computed). */
export function computedAt(analysis: Analysis, a1: string): CellValue | undefined {
  return analysis.computed.find((c) => c.a1 === a1)?.value;
}

/** Applies a patch to a copy of the grid, as a host would. */
export function applyPatch(grid: Grid, analysis: Analysis): Grid {
  const rows = grid.rows.map((r) => (r ? [...r] : []));
  for (const c of analysis.patch.cells) {
    while (rows.length <= c.at.row) rows.push([]);
    const r = rows[c.at.row];
    while (r.length <= c.at.col) r.push(null);
    r[c.at.col] = c.value;
  }
  return { rows, merges: grid.merges };
}

export function valueAt(grid: Grid, a1: string): CellValue {
  const { row, col } = fromA1(a1);
  return grid.rows[row]?.[col] ?? null;
}
