import type { CellValue } from './cell';

// Labels repeat across thousands of rows ("Acumulado Anual", "Muy Alta"): normalise each once.
const NORMALIZED = new Map<string, string>();
const NORMALIZED_LIMIT = 4096;

/** Upper case, no accents, single spaces: "Acumulado  anual " → "ACUMULADO ANUAL". */
export function normalizeLabel(text: string): string {
  const cached = NORMALIZED.get(text);
  if (cached !== undefined) return cached;
  const normalized = normalizeOnce(text);
  if (NORMALIZED.size >= NORMALIZED_LIMIT) NORMALIZED.clear();
  NORMALIZED.set(text, normalized);
  return normalized;
}

/**
 * normalizeLabel without its cache, for a text met once (an AEI's label, its lines, a
 * total): kept, such texts would only fill the cache (a Map grown to thousands of entries).
 */
export function normalizeOnce(text: string): string {
  return latinNormalize(text) ?? normalizeAny(text);
}

/** normalizeLabel by its definition: decompose, drop the accents, upper case, one space between words. */
export function normalizeAny(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Below this code point (Latin and its accented letters) a text normalises letter by letter:
 * each one decomposes to itself or a letter plus accents only, and upper case needs no context.
 */
export const LATIN_LIMIT = 0x250;
let latinLetters: string[] | null = null;
let latinSpaces: Uint8Array | null = null;

/**
 * normalizeAny of a text whose every character is below LATIN_LIMIT, from a table of each
 * character's normalizeAny (built on first use); null for any other text. Several times
 * faster than decomposing: every AEI and line label of a sheet is normalised once.
 */
function latinNormalize(text: string): string | null {
  if (latinLetters === null || latinSpaces === null) {
    latinLetters = [];
    latinSpaces = new Uint8Array(LATIN_LIMIT);
    for (let c = 0; c < LATIN_LIMIT; c++) {
      const ch = String.fromCharCode(c);
      if (/\s/.test(ch)) latinSpaces[c] = 1;
      else latinLetters[c] = normalizeAny(ch);
    }
  }
  // The letters' texts are gathered and joined once: appended one by one, a 35-letter label
  // made a string per letter (a kilobyte of garbage for each AEI and line label).
  const pieces = latinPieces;
  pieces.length = 0;
  let length = 0;
  let space = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= LATIN_LIMIT) return null;
    if (latinSpaces[c] === 1) {
      // Runs of spaces become one, none at either end.
      space = length > 0;
      continue;
    }
    if (space) {
      pieces.push(' ');
      space = false;
    }
    const letter = latinLetters[c];
    pieces.push(letter);
    length += letter.length;
  }
  return pieces.join('');
}

/** latinNormalize's list of letters, reused from text to text. */
const latinPieces: string[] = [];

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
