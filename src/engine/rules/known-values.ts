import type { CellValue } from '../grid/cell';
import { MONTH_SHORT_NAMES } from '../grid/months';
import { normalizeLabel } from '../grid/text';
import type { AggregationType, Priority } from '../model';

/** TIPO DE AGREGACIÓN as CEPLAN writes it (poi-rules.md §2.1). */
export const AGGREGATION_TYPES: readonly AggregationType[] = ['Acumulado Anual', 'Acumulado Mensual', 'No Acumulado'];

/** NIVEL DE PRIORIDAD as CEPLAN writes it. */
export const PRIORITY_LEVELS: readonly Priority[] = ['Muy Alta', 'Alta', 'Media', 'Baja'];

/** 3 → "Mar": months as the header prints them. */
export function shortMonth(month: number | undefined): string {
  return month === undefined ? '?' : (MONTH_SHORT_NAMES[month - 1] ?? String(month));
}

/** The known priority level a cell holds, read case-, accent- and space-insensitively. */
export function priorityOf(value: CellValue): Priority | null {
  if (typeof value !== 'string') return null;
  // Checked for every AO by two rules: the usual spelling is looked up as it is.
  return PRIORITY_BY_NAME.get(value) ?? PRIORITY_BY_NAME.get(normalizeLabel(value)) ?? null;
}

/** Each level by its own spelling and by its normalised form. */
const PRIORITY_BY_NAME = new Map<string, Priority>(PRIORITY_LEVELS.flatMap((p) => [[p, p], [normalizeLabel(p), p]] as const));
