/**
 * The one number formatter: figures as the report prints them and a Peruvian planner reads
 * them (`,` thousands, `.` decimals, es-PE). The rules' messages, the pane, the web page and
 * the CLI all use it, so a figure reads the same everywhere. Hand-rolled, not Intl: Intl is
 * slow for the thousands of messages a large sheet may need, and the same on every host.
 */
import { roundHalfAway } from '../compute/round';

/** What a missing figure shows. */
export const NO_VALUE = '—';
const NBSP = '\u00a0';

function grouped(whole: string): string {
  let out = '';
  for (let i = whole.length; i > 0; i -= 3) out = whole.slice(Math.max(0, i - 3), i) + (out ? ',' + out : '');
  return out;
}

/**
 * 59035.15 → "59,035.15", 4000 → "4,000", 83.7 → "83.7": grouped thousands and at most
 * `maxDecimals` decimals (2 by default), rounded as the report rounds (1.005 → 1.01).
 */
export function formatNumber(value: number, maxDecimals = 2): string {
  if (!Number.isFinite(value)) return String(value);
  const fixed = roundHalfAway(Math.abs(value), maxDecimals).toFixed(maxDecimals);
  const dot = fixed.indexOf('.');
  const whole = dot < 0 ? fixed : fixed.slice(0, dot);
  const decimals = dot < 0 ? '' : fixed.slice(dot + 1).replace(/0+$/, '');
  const sign = value < 0 && (whole !== '0' || decimals !== '') ? '-' : '';
  return sign + grouped(whole) + (decimals ? '.' + decimals : '');
}

/** An amount of money as the report prints it, always two decimals: 30,000.00, 59,035.15. */
export function formatMoney(value: number): string {
  const text = formatNumber(value);
  const dot = text.indexOf('.');
  return dot < 0 ? `${text}.00` : text.length - dot === 2 ? `${text}0` : text;
}

/** 56721964 → "S/ 56,721,964.00" (no-break space); null → "—". */
export function formatSoles(n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return NO_VALUE;
  return `S/${NBSP}${formatMoney(n)}`;
}

/** 83.7 → "83.7 %" (no-break space); marks (S.P., S.I.) pass through; null → "—". */
export function formatPercent(n: number | string | null | undefined): string {
  if (n === null || n === undefined) return NO_VALUE;
  if (typeof n === 'string') return n;
  return Number.isFinite(n) ? `${formatNumber(n)}${NBSP}%` : NO_VALUE;
}

/** 1234 → "1,234". */
export function formatCount(n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return NO_VALUE;
  return formatNumber(n, 0);
}

/** A cell value for display: numbers with up to 2 decimals, text as is. */
export function formatCellValue(v: number | string | boolean | null | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return formatNumber(v);
  if (typeof v === 'boolean') return v ? 'VERDADERO' : 'FALSO';
  return v;
}
