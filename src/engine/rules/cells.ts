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

/** What the month cells of an AO hold that some rule looks for, as bits (see monthFlags). */
export const NEGATIVE = 1;
export const NOT_A_NUMBER = 2;
export const TEXT_NUMBER = 4;
export const UNDER_MERGE = 8;
/** A PROGRAMADO month blank (not 0, not a problem cell). */
export const PROGRAMMED_BLANK = 16;
/** An EJECUTADO físico month above 0. */
export const PHYSICAL_PROGRESS = 32;

let lastActivity: Activity | null = null;
let lastFlags = 0;

function rowFlags(cells: readonly MonthCell[], programmed: boolean, physicalExecuted: boolean): number {
  let flags = 0;
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i];
    const v = c.value;
    if (v === null) {
      if (c.problem === undefined) {
        if (programmed) flags |= PROGRAMMED_BLANK;
      } else flags |= c.problem === 'not-a-number' ? NOT_A_NUMBER : UNDER_MERGE;
      continue;
    }
    if (c.problem === 'text-number') flags |= TEXT_NUMBER;
    if (v < 0) flags |= NEGATIVE;
    else if (physicalExecuted && v > 0) flags |= PHYSICAL_PROGRESS;
  }
  return flags;
}

/**
 * The odd things in an AO's month cells, in one pass shared by every rule: the walk hands
 * one AO to all the rules in turn, so the last AO's answer is kept. A rule that finds its
 * bit clear (nearly always) skips the AO without building anything.
 */
export function monthFlags(activity: Activity): number {
  if (activity === lastActivity) return lastFlags;
  const { programmed, executed } = activity;
  let flags = 0;
  if (programmed) flags |= rowFlags(programmed.physical, true, false) | rowFlags(programmed.financial, true, false);
  if (executed) flags |= rowFlags(executed.physical, false, true) | rowFlags(executed.financial, false, false);
  lastActivity = activity;
  lastFlags = flags;
  return flags;
}
