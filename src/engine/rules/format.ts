import type { CellValue } from '../grid/cell';
import type { MessageData } from './define-rule';

const NUMBER = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

/** A value as a planner reads it in a message: 59,035.15, «S.P.», (vacía). */
export function showValue(value: CellValue): string {
  if (value === null || (typeof value === 'string' && value.trim() === '')) return '(vacía)';
  if (typeof value === 'number') return NUMBER.format(value);
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
    return typeof v === 'number' ? NUMBER.format(v) : v;
  });
}
