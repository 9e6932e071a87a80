import type { CellValue, Grid } from '../engine/grid/cell';

/**
 * The grid with the written cells applied: what the sheet holds after a recompute, without
 * reading it again. Rows not edited are shared, not copied.
 */
export function gridAfter(grid: Grid, edits: readonly { readonly at: { readonly row: number; readonly col: number }; readonly value: CellValue }[]): Grid {
  const rows = grid.rows.slice();
  const copied = new Set<number>();
  for (const e of edits) {
    const { row, col } = e.at;
    if (!copied.has(row)) {
      rows[row] = (rows[row] ?? []).slice();
      copied.add(row);
    }
    const r = rows[row] as CellValue[];
    while (r.length <= col) r.push(null);
    r[col] = e.value;
  }
  return { ...grid, rows };
}
