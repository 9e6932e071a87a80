import type { Address, CellValue } from '../grid/cell';
import { isBlank } from '../grid/text';
import { sameValue } from '../patch/values';
import type { RuleContext } from './define-rule';
import { showValue } from './format';

/**
 * Shared by the stated-* rules: flags a stated computed cell that holds something other
 * than the computed value. A blank is not flagged: it is a cell still to fill.
 */
export function compareStated(
  context: RuleContext,
  cell: { value: CellValue; at: Address },
  expected: CellValue,
  messageId: string,
  data: Record<string, string | number> = {},
  show: (value: CellValue) => string = showValue,
): void {
  if (isBlank(cell.value) || sameValue(cell.value, expected)) return;
  context.flag(cell.at, messageId, {
    data: { ...data, found: show(cell.value), expected: show(expected) },
    expected,
    found: cell.value,
  });
}
