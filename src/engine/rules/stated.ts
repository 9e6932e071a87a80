import type { Address, CellValue } from '../grid/cell';
import { isBlank } from '../grid/text';
import { sameValue } from '../patch/values';
import type { FlagValues } from './define-rule';
import { showValue } from './format';

/** What a stated-* rule reports about a cell that disagrees with its computed value. */
export interface StatedMismatch {
  readonly at: Address;
  /** The `{found}` and `{expected}` of the message, as a planner reads them: formatted when called (for a message shown). */
  shown(): { readonly found: string; readonly expected: string };
  readonly values: FlagValues;
}

/**
 * Shared by the stated-* rules: a stated computed cell that holds something other than
 * the computed value, or null. A blank is not a mismatch: it is a cell still to fill.
 * The rule flags it with its own message id, so the compiler checks the message's data.
 */
export function statedMismatch(
  cell: { value: CellValue; at: Address },
  expected: CellValue,
  show: (value: CellValue) => string = showValue,
): StatedMismatch | null {
  if (isBlank(cell.value) || sameValue(cell.value, expected)) return null;
  const found = cell.value;
  return { at: cell.at, shown: () => ({ found: show(found), expected: show(expected) }), values: { expected, found } };
}
