import type { Grid } from '../grid/cell';

/** Excel's widest sheet: a cell key `row * COLUMNS + col` is unique and exact. */
const COLUMNS = 16384;

export const cellKey = (row: number, col: number): number => row * COLUMNS + col;

/**
 * The filled cells of `columns` that sit under a merged area without being its top-left
 * cell. Excel shows only the top-left value over the whole area, so a value left under it
 * (a file written by another tool, or a merge over typed months) is invisible to the
 * planner and must not be counted. Null when there is none, as in nearly every sheet.
 */
export function valuesUnderMerges(grid: Grid, columns: readonly number[]): Set<number> | null {
  if (grid.merges.length === 0 || columns.length === 0) return null;
  let min = Infinity;
  let max = -Infinity;
  for (const c of columns) {
    if (c < min) min = c;
    if (c > max) max = c;
  }
  // before[c]: how many of `columns` lie left of c, so a merge's test is two reads (a sheet
  // has a few merges per AO, tens of thousands in all).
  const before = new Int32Array(max + 2);
  for (const c of columns) if (c >= 0) before[c + 1] = 1;
  for (let c = 1; c < before.length; c++) before[c] += before[c - 1];
  let found: Set<number> | null = null;
  // Indexed loops: this runs once per process, mostly before V8 optimises it, and a for…of
  // there allocates an iterator result per merge.
  const merges = grid.merges;
  for (let k = 0; k < merges.length; k++) {
    const m = merges[k];
    if (m.right < min || m.left > max) continue;
    // None between its columns: between the blocks, as the AVANCE % pair is.
    if (before[Math.min(m.right, max) + 1] === before[Math.max(m.left, min)]) continue;
    const bottom = Math.min(m.bottom, grid.rows.length - 1);
    for (let row = m.top; row <= bottom; row++) {
      const cells = grid.rows[row];
      if (!cells) continue;
      for (let j = 0; j < columns.length; j++) {
        const col = columns[j];
        if (col < m.left || col > m.right || (row === m.top && col === m.left)) continue;
        const v = cells[col];
        if (v === undefined || v === null || v === '') continue;
        (found ??= new Set()).add(cellKey(row, col));
      }
    }
  }
  return found;
}
