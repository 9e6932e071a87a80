/**
 * Rounds half away from zero to `decimals`, on the decimal text of the number so that
 * 1.005 → 1.01 as a person (and CEPLAN's report) rounds, not 1.00 as binary floats do.
 */
export function roundHalfAway(x: number, decimals: number): number {
  if (!Number.isFinite(x) || Number.isInteger(x)) return x;
  const sign = x < 0 ? -1 : 1;
  const shifted = Math.round(Number(`${Math.abs(x)}e${decimals}`));
  const result = sign * Number(`${shifted}e-${decimals}`);
  return result === 0 ? 0 : result;
}

export const round2 = (x: number): number => roundHalfAway(x, 2);
export const round1 = (x: number): number => roundHalfAway(x, 1);

/** Sum of amounts, rounded to cents (inputs carry cents; rounding removes binary drift). */
export function sumMoney(values: Iterable<number>): number {
  let total = 0;
  for (const v of values) total += v;
  return round2(total);
}
