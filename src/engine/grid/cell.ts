/**
 * The engine's one cell type. Every host (Office.js, .xlsx) converts its own cells to this:
 * formulas arrive as their cached result, errors as their text (`#DIV/0!`), rich text as
 * plain text. A number the host knows is shown as a date (a date number format) arrives as
 * ISO text `YYYY-MM-DD`, so a date typed into a month cell is not read as a quantity.
 * `null` is an empty cell.
 */
export type CellValue = number | string | boolean | null;

/** A 0-based cell position in a sheet. */
export interface Address {
  readonly row: number;
  readonly col: number;
}

/** A 0-based inclusive rectangle (a merged area, a block to write). */
export interface CellRange {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/**
 * A sheet as the engine sees it. `rows[r][c]` may be shorter than the widest row or
 * missing (sparse rows): read it through `cellAt`. Merged areas keep their value in the
 * top-left cell, as Excel does.
 */
export interface Grid {
  readonly rows: ReadonlyArray<ReadonlyArray<CellValue> | undefined>;
  readonly merges: ReadonlyArray<CellRange>;
  /** 0-based rows hidden in the sheet, ascending, when the host knows them. */
  readonly hiddenRows?: ReadonlyArray<number>;
}

export function cellAt(grid: Grid, row: number, col: number): CellValue {
  const r = grid.rows[row];
  if (!r) return null;
  const v = r[col];
  return v === undefined ? null : v;
}

export function gridWidth(grid: Grid): number {
  let w = 0;
  const rows = grid.rows;
  // Indexed: a for…of over the rows allocates an iterator result per row in cold code.
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    if (r && r.length > w) w = r.length;
  }
  return w;
}
