import type { Address, CellValue } from '../grid/cell';
import type { TrafficColor } from '../model';

/** What a computed cell holds, so hosts can format and colour it without knowing the rules. */
export type ComputedKind =
  | 'physical-accumulated'
  | 'financial-accumulated'
  | 'percent'
  | 'aei-physical'
  | 'aei-financial'
  | 'total'
  | 'traffic-light-count';

/**
 * Excel number formats the hosts apply to computed cells. None may print a trailing dot
 * (`0.##` shows 100 as "100."): physical quantities in General (5, 1900, 2.5 as they are),
 * percentages and money with two decimals, as the CEPLAN report prints them.
 */
export const NUMBER_FORMATS: Readonly<Record<ComputedKind, string>> = {
  'physical-accumulated': 'General',
  'financial-accumulated': '#,##0.00',
  percent: '0.00',
  'aei-physical': '0.0',
  'aei-financial': '#,##0.00',
  total: 'General',
  'traffic-light-count': '0',
};

/** A cell the engine computes (whether or not it changes). */
export interface ComputedCell {
  readonly at: Address;
  /** A1 address. */
  readonly a1: string;
  readonly kind: ComputedKind;
  readonly value: CellValue;
  /** Excel number format for the value. */
  readonly format: string;
  /** Traffic-light colour for AVANCE % and AEI physical cells with a number. */
  readonly color: TrafficColor | null;
  /**
   * What the sheet holds in that cell now; set by analyze(), so a cell to write is the same
   * object in `computed` and in `patch.cells` (50,000 of them on a 10,000-AO sheet).
   */
  readonly old?: CellValue;
}

/** One cell to write: the computed value differs from what the sheet has. */
export interface PatchCell extends ComputedCell {
  readonly old: CellValue;
}

/** The cells to write, sorted by row then column; empty when the sheet is already right. */
export interface Patch {
  readonly cells: readonly PatchCell[];
}
