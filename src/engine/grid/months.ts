import { normalizeLabel } from './text';

/** Short names as CEPLAN prints them, index 0 = January. */
export const MONTH_SHORT_NAMES = ['Ene', 'Feb', 'Mar', 'Abr', 'May', 'Jun', 'Jul', 'Ago', 'Set', 'Oct', 'Nov', 'Dic'] as const;

const MONTH_WORDS: ReadonlyArray<readonly string[]> = [
  ['ENE', 'ENERO'],
  ['FEB', 'FEBRERO'],
  ['MAR', 'MARZO'],
  ['ABR', 'ABRIL'],
  ['MAY', 'MAYO'],
  ['JUN', 'JUNIO'],
  ['JUL', 'JULIO'],
  ['AGO', 'AGOSTO'],
  ['SET', 'SEP', 'SEPT', 'SETIEMBRE', 'SEPTIEMBRE'],
  ['OCT', 'OCTUBRE'],
  ['NOV', 'NOVIEMBRE'],
  ['DIC', 'DICIEMBRE'],
];

const BY_WORD = new Map<string, number>();
MONTH_WORDS.forEach((words, i) => words.forEach((w) => BY_WORD.set(w, i + 1)));

/** "Ene", "ENERO", "ene." → 1; anything else → null. */
export function monthNumber(label: string): number | null {
  return normalizedMonthNumber(normalizeLabel(label));
}

/** The longest month word with its dot ("SEPTIEMBRE."): a longer text is no month. */
const LONGEST = Math.max(...[...BY_WORD.keys()].map((w) => w.length)) + 1;

/** monthNumber of a text already normalised (normalizeLabel). */
export function normalizedMonthNumber(normalized: string): number | null {
  if (normalized.length > LONGEST) return null;
  return BY_WORD.get(normalized.endsWith('.') ? normalized.slice(0, -1) : normalized) ?? null;
}
