/**
 * Rounds half away from zero to `decimals`, as a person (and CEPLAN's report) rounds the
 * decimal figure: 1.005 → 1.01, where binary floats would give 1.00. Near a tie the decision
 * is taken on the number's decimal text; elsewhere plain arithmetic is exact enough (and this
 * runs for every AO of a 50,000-AO sheet).
 */
export function roundHalfAway(x: number, decimals: number): number {
  if (!Number.isFinite(x) || Number.isInteger(x)) return x;
  const factor = 10 ** decimals;
  const scaled = Math.abs(x) * factor;
  const floor = Math.floor(scaled);
  const fraction = scaled - floor;
  const units =
    Math.abs(fraction - 0.5) < 1e-6 ? Math.round(Number(`${Math.abs(x)}e${decimals}`)) : fraction > 0.5 ? floor + 1 : floor;
  // Integer ÷ power of ten is correctly rounded: the same double as the decimal text.
  const result = (x < 0 ? -units : units) / factor;
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
