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
  const key = normalizeLabel(label).replace(/\.$/, '');
  return BY_WORD.get(key) ?? null;
}
