/**
 * Rule 4 (S.I.): a month's tracking deadline is the last day of the following month; it has
 * passed when the fecha de corte is later than it. June 2023 → 2023-07-31.
 */
export function trackingDeadline(year: number, month: number): string {
  const nextMonth = month === 12 ? 1 : month + 1;
  const nextYear = month === 12 ? year + 1 : year;
  const lastDay = new Date(Date.UTC(nextYear, nextMonth, 0)).getUTCDate();
  return `${nextYear}-${String(nextMonth).padStart(2, '0')}-${String(lastDay).padStart(2, '0')}`;
}

/** ISO dates compare as text. */
export function deadlinePassed(year: number, month: number, fechaCorte: string): boolean {
  return fechaCorte > trackingDeadline(year, month);
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written YYYY-MM-DD. */
export function isIsoDate(text: string): boolean {
  const m = ISO_DATE.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/** A date as `YYYY-MM-DD` in the planner's own time zone (a report dated 8 p.m. in Lima is still that day, not UTC's next). */
export function localIsoDate(d: Date = new Date()): string {
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${String(d.getFullYear()).padStart(4, '0')}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}
