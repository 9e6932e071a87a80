import { normalizeLabel } from '../grid/text';

/** Levenshtein distance (insert, delete, substitute = 1). Inputs here are a few words long. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j] + 1, current[j - 1] + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length];
}

/**
 * The known value closest to what a planner typed, compared case-, accent- and
 * space-insensitively: a known value containing the text as a whole word wins
 * ("mensual" → "Acumulado Mensual"), else the nearest by edit distance when it is within
 * a third of its length ("Acumulado anul" → "Acumulado Anual"). Null when nothing is close.
 */
export function closestKnown<T extends string>(text: string, known: readonly T[]): T | null {
  const typed = normalizeLabel(text);
  if (typed === '') return null;
  const exact = known.find((k) => normalizeLabel(k) === typed);
  if (exact) return exact;
  const containing = known.filter((k) => normalizeLabel(k).split(' ').includes(typed));
  if (containing.length === 1) return containing[0];
  let best: T | null = null;
  let bestDistance = Infinity;
  for (const k of known) {
    const d = editDistance(typed, normalizeLabel(k));
    if (d < bestDistance) {
      best = k;
      bestDistance = d;
    }
  }
  return best !== null && bestDistance <= Math.max(2, Math.floor(normalizeLabel(best).length / 3)) ? best : null;
}
