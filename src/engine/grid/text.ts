import type { CellValue } from './cell';

// Labels repeat across thousands of rows ("Acumulado Anual", "Muy Alta"): normalise each once.
const NORMALIZED = new Map<string, string>();
const NORMALIZED_LIMIT = 4096;

/** Upper case, no accents, single spaces: "Acumulado  anual " → "ACUMULADO ANUAL". */
export function normalizeLabel(text: string): string {
  const cached = NORMALIZED.get(text);
  if (cached !== undefined) return cached;
  const normalized = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/\s+/g, ' ')
    .trim();
  if (NORMALIZED.size >= NORMALIZED_LIMIT) NORMALIZED.clear();
  NORMALIZED.set(text, normalized);
  return normalized;
}

/** As normalizeLabel, without any space: "PROG./ EJE." and "PROG./EJE." both → "PROG./EJE.". */
export function compactLabel(text: string): string {
  return normalizeLabel(text).replace(/ /g, '');
}

/** The text of a cell, trimmed; '' for blanks, numbers and booleans as text. */
export function cellText(value: CellValue): string {
  if (value === null) return '';
  return String(value).trim();
}

export function isBlank(value: CellValue): boolean {
  return value === null || (typeof value === 'string' && value.trim() === '');
}

export interface ReadNumber {
  /** null when blank or not a number. */
  readonly value: number | null;
  readonly problem?: 'text-number' | 'not-a-number';
}

// Thousands with commas and a decimal point, as CEPLAN prints them ("1,900.00"), or plain.
const TEXT_NUMBER = /^[-+]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/;

/** Reads a numeric input cell; numbers stored as text are read but marked. */
export function readNumber(value: CellValue): ReadNumber {
  if (typeof value === 'number') return Number.isFinite(value) ? { value } : { value: null, problem: 'not-a-number' };
  if (value === null) return { value: null };
  if (typeof value === 'boolean') return { value: null, problem: 'not-a-number' };
  const text = value.trim();
  if (text === '') return { value: null };
  if (TEXT_NUMBER.test(text)) return { value: Number(text.replace(/,/g, '')), problem: 'text-number' };
  return { value: null, problem: 'not-a-number' };
}
