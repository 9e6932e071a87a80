import {
  CELL_BLANK,
  CELL_NEGATIVE,
  CELL_NOT_A_NUMBER,
  CELL_POSITIVE,
  CELL_TEXT_NUMBER,
  CELL_UNDER_MERGE,
  type Activity,
  type ActivityRow,
  type Layout,
  type MonthCell,
  type RowKind,
} from '../model';
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
 * 10,000-AO sheet from allocating a quarter of a million of them per rule. With `need`
 * (CELL_* bits, as monthFlags), only the cells whose own bits include one of them are
 * looked at: a block holding none is skipped whole, and no other cell is built.
 */
export function rowBlockCells(
  row: ActivityRow,
  block: Block,
  layout: Layout,
  keep?: (cell: MonthCell) => boolean,
  need?: number,
  out: MonthCellRef[] = [],
): MonthCellRef[] {
  const physical = block === 'físico';
  if (need !== undefined && ((physical ? row.physicalBits : row.financialBits) & need) === 0) return out;
  const blockKind = physical ? 'physical' : 'financial';
  const count = physical ? row.physicalCount : row.financialCount;
  const months = physical ? layout.months : layout.financialMonths;
  for (let i = 0; i < count; i++) {
    if (need !== undefined && (row.monthBits(blockKind, i) & need) === 0) continue;
    const cell = row.monthCell(blockKind, i);
    if (!keep || keep(cell)) out.push({ cell, kind: row.kind, block, month: months[i], monthLabel: shortMonth(months[i]) });
  }
  return out;
}

/** The month cells of an AO that pass `keep`: PROGRAMADO then EJECUTADO, físico then financiero; `need` as rowBlockCells. */
export function monthCells(activity: Activity, layout: Layout, keep?: (cell: MonthCell) => boolean, need?: number): MonthCellRef[] {
  const out: MonthCellRef[] = [];
  for (let r = 0; r < 2; r++) {
    const row = r === 0 ? activity.programmed : activity.executed;
    if (!row) continue;
    rowBlockCells(row, 'físico', layout, keep, need, out);
    rowBlockCells(row, 'financiero', layout, keep, need, out);
  }
  return out;
}

/** How many month cells of an AO have one of the `need` bits (as monthCells with `need`), counted from their bits: none is built. */
export function countMonthCells(activity: Activity, need: number): number {
  let n = 0;
  for (let r = 0; r < 2; r++) {
    const row = r === 0 ? activity.programmed : activity.executed;
    if (!row) continue;
    if ((row.physicalBits & need) !== 0) for (let i = 0; i < row.physicalCount; i++) if ((row.monthBits('physical', i) & need) !== 0) n++;
    if ((row.financialBits & need) !== 0) for (let i = 0; i < row.financialCount; i++) if ((row.monthBits('financial', i) & need) !== 0) n++;
  }
  return n;
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
export const NEGATIVE = CELL_NEGATIVE;
export const NOT_A_NUMBER = CELL_NOT_A_NUMBER;
export const TEXT_NUMBER = CELL_TEXT_NUMBER;
export const UNDER_MERGE = CELL_UNDER_MERGE;
/** A PROGRAMADO month blank (not 0, not a problem cell). */
export const PROGRAMMED_BLANK = CELL_BLANK;
/** An EJECUTADO físico month above 0. */
export const PHYSICAL_PROGRESS = CELL_POSITIVE;

const ANY_ROW = CELL_NEGATIVE | CELL_NOT_A_NUMBER | CELL_TEXT_NUMBER | CELL_UNDER_MERGE;

/**
 * The odd things in an AO's month cells, from the bits the parser found in each block: a
 * rule that finds its bit clear (nearly always) skips the AO without reading a cell.
 */
export function monthFlags(activity: Activity): number {
  const { programmed, executed } = activity;
  let flags = 0;
  if (programmed) flags |= (programmed.physicalBits | programmed.financialBits) & (ANY_ROW | PROGRAMMED_BLANK);
  if (executed) flags |= ((executed.physicalBits | executed.financialBits) & ANY_ROW) | (executed.physicalBits & PHYSICAL_PROGRESS);
  return flags;
}
