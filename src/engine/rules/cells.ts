import type { Activity, ActivityRow, Layout, MonthCell, RowKind } from '../model';
import { shortMonth } from './known-values';

export type Block = 'físico' | 'financiero';

/** A month cell of an AO with what a message needs to name it. */
export interface MonthCellRef {
  readonly cell: MonthCell;
  readonly kind: RowKind;
  readonly block: Block;
  /** Month number 1–12 from the header (undefined if the block has more cells than months). */
  readonly month: number | undefined;
  /** "Ene", "Feb", … */
  readonly monthLabel: string;
}

/**
 * The month cells of one row and block that pass `keep` (all by default), in column order.
 * Rules look for the rare odd cell: testing before building a reference keeps a
 * 10,000-AO sheet from allocating a quarter of a million of them per rule.
 */
export function rowBlockCells(row: ActivityRow, block: Block, layout: Layout, keep?: (cell: MonthCell) => boolean): MonthCellRef[] {
  const cells = block === 'físico' ? row.physical : row.financial;
  const months = block === 'físico' ? layout.months : layout.financialMonths;
  const out: MonthCellRef[] = [];
  cells.forEach((cell, i) => {
    if (!keep || keep(cell)) out.push({ cell, kind: row.kind, block, month: months[i], monthLabel: shortMonth(months[i]) });
  });
  return out;
}

/** The month cells of an AO that pass `keep`: PROGRAMADO then EJECUTADO, físico then financiero. */
export function monthCells(activity: Activity, layout: Layout, keep?: (cell: MonthCell) => boolean): MonthCellRef[] {
  const out: MonthCellRef[] = [];
  for (const row of [activity.programmed, activity.executed]) {
    if (!row) continue;
    out.push(...rowBlockCells(row, 'físico', layout, keep), ...rowBlockCells(row, 'financiero', layout, keep));
  }
  return out;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A date as the hosts deliver a number shown with a date format (src/engine/grid/cell.ts):
 * "2023-05-01" → "01/05/2023", as Peru writes dates; null for any other value.
 */
export function dateInCell(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const m = ISO_DATE.exec(value.trim());
  return m ? `${m[3]}/${m[2]}/${m[1]}` : null;
}
