/**
 * Numbers in the grid as Excel would print them with their number format, so 240423.5 in a
 * `#,##0.00` cell reads 240,423.50. The reader does not carry each cell's format yet, so the
 * format comes from what the cell is: the tool's computed cells carry theirs, and the report's
 * columns (found by the engine's layout) give the rest (money with two decimals).
 */
import { findLayout } from '../../engine';
import type { Grid } from '../../engine/grid/cell';
import type { Layout } from '../../engine/model';
import type { ComputedCell } from '../../engine/patch/types';
import { cellKey } from './sheet-marks';

const cache = new Map<string, Intl.NumberFormat>();

function numberFormat(min: number, max: number, grouping: boolean): Intl.NumberFormat {
  const key = `${min}|${max}|${grouping}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.NumberFormat('es-PE', { minimumFractionDigits: min, maximumFractionDigits: max, useGrouping: grouping });
    cache.set(key, f);
  }
  return f;
}

/**
 * `value` printed with an Excel number format code: `#,##0.00`, `#,##0.##`, `0.0`, `0%`,
 * `General`… (the first section only; text sections and colours are not drawn here).
 */
export function formatWithCode(value: number, code: string): string {
  if (!Number.isFinite(value)) return String(value);
  const section = code.split(';')[0].replace(/"[^"]*"|\[[^\]]*]|\\./g, '');
  if (section.trim() === '' || /^general$/i.test(section.trim())) return numberFormat(0, 10, false).format(value);
  const percent = section.includes('%');
  const dot = section.indexOf('.');
  const decimals = dot < 0 ? '' : /^[0#?]*/.exec(section.slice(dot + 1))![0];
  const min = (decimals.match(/0/g) ?? []).length;
  const max = decimals.length;
  const grouping = /[#0],[#0]/.test(section);
  return `${numberFormat(min, max, grouping).format(percent ? value * 100 : value)}${percent ? '%' : ''}`;
}

export const MONEY_FORMAT = '#,##0.00';
export const QUANTITY_FORMAT = '#,##0.##';

/** The format of every column the layout knows, by column index. */
export function columnFormats(layout: Layout | null): ReadonlyMap<number, string> {
  const formats = new Map<number, string>();
  if (!layout) return formats;
  const c = layout.columns;
  for (const col of c.physicalMonths) formats.set(col, QUANTITY_FORMAT);
  formats.set(c.physicalAccumulated, QUANTITY_FORMAT);
  formats.set(c.percent, '0.##');
  for (const col of c.financialMonths) formats.set(col, MONEY_FORMAT);
  formats.set(c.financialAccumulated, MONEY_FORMAT);
  return formats;
}

export interface CellFormats {
  readonly columns: ReadonlyMap<number, string>;
  /** Computed cells by cellKey. */
  readonly cells: ReadonlyMap<number, string>;
  /** Rows above the report's data (title and header): printed as they are. */
  readonly dataFrom: number;
}

// Both parts are kept per grid and per list of computed cells: a new analysis of the same
// sheet (20,000 rows, 50,000 computed cells) must not find the layout or index the cells again.
const byGrid = new WeakMap<Grid, { columns: ReadonlyMap<number, string>; dataFrom: number }>();
const byComputed = new WeakMap<readonly ComputedCell[], ReadonlyMap<number, string>>();
const NONE: readonly ComputedCell[] = [];

export function cellFormats(grid: Grid, computed: readonly ComputedCell[] = NONE): CellFormats {
  let g = byGrid.get(grid);
  if (!g) {
    const layout = findLayout(grid);
    g = { columns: columnFormats(layout), dataFrom: layout ? Math.max(...layout.headerRows) + 1 : 0 };
    byGrid.set(grid, g);
  }
  let cells = byComputed.get(computed);
  if (!cells) {
    const m = new Map<number, string>();
    for (const c of computed) m.set(cellKey(c.at.row, c.at.col), c.format);
    byComputed.set(computed, (cells = m));
  }
  return { columns: g.columns, cells, dataFrom: g.dataFrom };
}

/** The format that applies at a cell, or undefined (General). */
export function formatAt(formats: CellFormats, row: number, col: number): string | undefined {
  return formats.cells.get(cellKey(row, col)) ?? (row >= formats.dataFrom ? formats.columns.get(col) : undefined);
}
