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

/** The month cells of one row and block, in column order. */
export function rowBlockCells(row: ActivityRow, block: Block, layout: Layout): MonthCellRef[] {
  const cells = block === 'físico' ? row.physical : row.financial;
  const months = block === 'físico' ? layout.months : layout.financialMonths;
  return cells.map((cell, i) => ({ cell, kind: row.kind, block, month: months[i], monthLabel: shortMonth(months[i]) }));
}

// Several rules walk the same cells: build each AO's list once per analysis.
const MONTH_CELLS = new WeakMap<Activity, MonthCellRef[]>();

/** Every month cell of an AO: PROGRAMADO then EJECUTADO, físico then financiero. */
export function monthCells(activity: Activity, layout: Layout): MonthCellRef[] {
  const cached = MONTH_CELLS.get(activity);
  if (cached) return cached;
  const out: MonthCellRef[] = [];
  for (const row of [activity.programmed, activity.executed]) {
    if (!row) continue;
    out.push(...rowBlockCells(row, 'físico', layout), ...rowBlockCells(row, 'financiero', layout));
  }
  MONTH_CELLS.set(activity, out);
  return out;
}
