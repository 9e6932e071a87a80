import { formatMoney as showMoney, formatNumber } from '../format/number';
import type { CellValue } from '../grid/cell';
import type { MessageData } from './define-rule';

// The one number formatter lives in src/engine/format/number.ts; the rules' names for it.
export { formatNumber, formatMoney as showMoney } from '../format/number';

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
