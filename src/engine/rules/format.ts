import { roundHalfAway } from '../compute/round';
import type { CellValue } from '../grid/cell';
import type { MessageData } from './define-rule';

/**
 * 59035.15 → "59,035.15", 4000 → "4,000", 83.7 → "83.7": grouped thousands and at most two
 * decimals, as the report prints figures. Hand-rolled because Intl is slow for the thousands
 * of messages a large sheet may need.
 */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  // Rounded as the report rounds (1.005 → 1.01), then written with two decimals at most.
  const fixed = roundHalfAway(Math.abs(value), 2).toFixed(2);
  const dot = fixed.indexOf('.');
  const whole = fixed.slice(0, dot);
  const decimals = fixed.slice(dot + 1).replace(/0+$/, '');
  let grouped = '';
  for (let i = whole.length; i > 0; i -= 3) grouped = whole.slice(Math.max(0, i - 3), i) + (grouped ? ',' + grouped : '');
  const sign = value < 0 && (whole !== '0' || decimals !== '') ? '-' : '';
  return sign + grouped + (decimals ? '.' + decimals : '');
}

/** An amount of money as the report prints it: 30,000.00, 59,035.15. */
export function showMoney(value: number): string {
  const text = formatNumber(value);
  const dot = text.indexOf('.');
  return dot < 0 ? `${text}.00` : text.length - dot === 2 ? `${text}0` : text;
}

/** Money when the value is a number, otherwise as showValue shows it. */
export function showAmount(value: CellValue): string {
  return typeof value === 'number' ? showMoney(value) : showValue(value);
}

/** A value as a planner reads it in a message: 59,035.15, «S.P.», (vacía). */
export function showValue(value: CellValue): string {
  if (value === null || (typeof value === 'string' && value.trim() === '')) return '(vacía)';
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'boolean') return value ? 'VERDADERO' : 'FALSO';
  return value;
}

const PLACEHOLDER = /\{(\w+)\}/g;

export function placeholders(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1]);
}

export function fillMessage(template: string, data: MessageData = {}): string {
  return template.replace(PLACEHOLDER, (_, key: string) => {
    const v = data[key];
    if (v === undefined) throw new Error(`Falta el dato {${key}} del mensaje «${template}»`);
    return typeof v === 'number' ? formatNumber(v) : v;
  });
}

/** Month names as written in Peru (es-PE says «setiembre»), index 0 = January. */
const MONTH_NAMES_PE = [
  'enero',
  'febrero',
  'marzo',
  'abril',
  'mayo',
  'junio',
  'julio',
  'agosto',
  'setiembre',
  'octubre',
  'noviembre',
  'diciembre',
] as const;

/** 6 → "junio". */
export function monthName(month: number): string {
  const name = MONTH_NAMES_PE[month - 1];
  if (name === undefined) throw new RangeError(`Mes inválido: ${month}`);
  return name;
}

/** "2023-07-31" → "31 de julio de 2023". Fixed text, not Intl: the same on every host. */
export function longDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d} de ${monthName(m)} de ${y}`;
}

/** ["a"] → "a"; ["a", "b", "c"] → "a, b y c". */
export function spanishList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} y ${items[items.length - 1]}`;
}
