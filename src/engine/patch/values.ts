import type { CellValue } from '../grid/cell';
import { normalizeLabel, readNumber } from '../grid/text';

/**
 * Whether a stated cell already holds the computed value: numbers to the cent (text
 * numbers read as numbers), marks and text case- and space-insensitively. A blank never
 * equals a computed value.
 */
export function sameValue(stated: CellValue, computed: CellValue): boolean {
  if (computed === null) return stated === null || (typeof stated === 'string' && stated.trim() === '');
  if (typeof computed === 'number') {
    // Most stated cells are blank or plain numbers: decided without building a ReadNumber.
    if (stated === null) return false;
    if (typeof stated === 'number') return Number.isFinite(stated) && Math.abs(stated - computed) < 0.005;
    const read = readNumber(stated);
    return read.value !== null && Math.abs(read.value - computed) < 0.005;
  }
  if (typeof stated === 'string' && typeof computed === 'string') return normalizeLabel(stated) === normalizeLabel(computed);
  return stated === computed;
}
