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
  /** Rows above the report's data (title and header): printed as they are. */
  readonly dataFrom: number;
}

// Kept per grid: a new analysis of the same 20,000-row sheet must not look for the layout again.
const byGrid = new WeakMap<Grid, CellFormats>();

export function cellFormats(grid: Grid): CellFormats {
  let f = byGrid.get(grid);
  if (!f) {
    const layout = findLayout(grid);
    f = { columns: columnFormats(layout), dataFrom: layout ? Math.max(...layout.headerRows) + 1 : 0 };
    byGrid.set(grid, f);
  }
  return f;
}

/** The format at a cell: a computed cell's own (from its mark), else its report column's, else undefined (General). */
export function formatAt(formats: CellFormats, row: number, col: number, computed?: ComputedCell): string | undefined {
  return computed?.format ?? (row >= formats.dataFrom ? formats.columns.get(col) : undefined);
}
