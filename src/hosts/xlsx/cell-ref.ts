/**
 * Fast parse of a cell's `r` attribute ("AB12"): called once per cell of large sheets, so
 * a char loop rather than the engine's regex-based `fromA1`. Returns -1 parts when absent.
 */
export interface ParsedRef {
  row: number;
  col: number;
}

/** Parses "AB12" (also "AB" or "12" parts alone) into 0-based row/col; -1 where missing. */
export function parseCellRef(ref: string, out: ParsedRef): ParsedRef {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    let c = ref.charCodeAt(i);
    if (c === 36) continue; // '$'
    if (c >= 97 && c <= 122) c -= 32;
    if (c < 65 || c > 90) break;
    col = col * 26 + (c - 64);
  }
  let row = 0;
  let digits = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c === 36) continue;
    if (c < 48 || c > 57) break;
    row = row * 10 + (c - 48);
    digits++;
  }
  out.col = col - 1;
  out.row = digits > 0 ? row - 1 : -1;
  return out;
}
