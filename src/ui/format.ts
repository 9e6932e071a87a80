/**
 * Numbers as a Peruvian planner reads them (es-PE: `,` thousands, `.` decimals).
 * Formatters are built once: Intl constructors are slow enough to matter in lists.
 */
const upTo2 = new Intl.NumberFormat('es-PE', { maximumFractionDigits: 2 });
const exactly2 = new Intl.NumberFormat('es-PE', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const integer = new Intl.NumberFormat('es-PE', { maximumFractionDigits: 0 });

const NBSP = '\u00a0';
export const NO_VALUE = '—';

/** 56721964 → "S/ 56,721,964.00". */
export function formatSoles(n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return NO_VALUE;
  return `S/${NBSP}${exactly2.format(n)}`;
}

/** 83.7 → "83.7 %"; marks (S.P., S.I.) pass through; null → "—". */
export function formatPercent(n: number | string | null | undefined): string {
  if (n === null || n === undefined) return NO_VALUE;
  if (typeof n === 'string') return n;
  return Number.isFinite(n) ? `${upTo2.format(n)}${NBSP}%` : NO_VALUE;
}

/** 1234 → "1,234". */
export function formatCount(n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return NO_VALUE;
  return integer.format(n);
}

/** A cell value for display: numbers with up to 2 decimals, text as is. */
export function formatCellValue(v: number | string | boolean | null | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? upTo2.format(v) : String(v);
  if (typeof v === 'boolean') return v ? 'VERDADERO' : 'FALSO';
  return v;
}
