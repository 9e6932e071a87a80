import type { Address, CellRange } from './cell';

/** 0 → A, 25 → Z, 26 → AA. */
export function columnLetters(col: number): string {
  if (!Number.isInteger(col) || col < 0) throw new RangeError(`Columna inválida: ${col}`);
  let n = col + 1;
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** A → 0, AA → 26. */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) {
    const c = ch.charCodeAt(0);
    if (c < 65 || c > 90) throw new RangeError(`Columna inválida: ${letters}`);
    n = n * 26 + (c - 64);
  }
  return n - 1;
}

/** {row: 13, col: 13} → "N14". */
export function toA1(at: Address): string {
  return columnLetters(at.col) + String(at.row + 1);
}

/** "N14" → {row: 13, col: 13}; also accepts "$N$14". */
export function fromA1(ref: string): Address {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(ref.trim());
  if (!m) throw new RangeError(`Referencia inválida: ${ref}`);
  return { row: Number(m[2]) - 1, col: columnIndex(m[1]) };
}

/** "A1:C3" (or "B2") → range. */
export function rangeFromA1(ref: string): CellRange {
  const [a, b] = ref.split(':');
  const s = fromA1(a);
  const e = b ? fromA1(b) : s;
  return {
    top: Math.min(s.row, e.row),
    left: Math.min(s.col, e.col),
    bottom: Math.max(s.row, e.row),
    right: Math.max(s.col, e.col),
  };
}

export function rangeToA1(r: CellRange): string {
  const a = toA1({ row: r.top, col: r.left });
  const b = toA1({ row: r.bottom, col: r.right });
  return a === b ? a : `${a}:${b}`;
}
