/**
 * The fecha de corte as a Peruvian planner writes it: dd/mm/aaaa. The app keeps ISO
 * (`YYYY-MM-DD`) inside; these helpers only translate at the field.
 */
import { isIsoDate, localIsoDate, trackingDeadline } from '../engine/compute/deadlines';

const pad = (n: number): string => String(n).padStart(2, '0');

/** "2023-08-01" → "01/08/2023"; anything else as it is. */
export function formatDmy(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/**
 * What a planner types, as ISO, or null: "01/08/2023", "1/8/2023", "01-08-2023", "01.08.2023"
 * and "01082023" are all 1 August 2023 (day first, never the US order). Two-digit years are 20xx.
 */
export function parseDmy(text: string): string | null {
  const t = text.trim();
  let d: number, m: number, y: number;
  const digits = /^(\d{2})(\d{2})(\d{4})$/.exec(t);
  const parts = /^(\d{1,2})[/.\-\s](\d{1,2})[/.\-\s](\d{2}|\d{4})$/.exec(t);
  if (digits) [d, m, y] = [Number(digits[1]), Number(digits[2]), Number(digits[3])];
  else if (parts) [d, m, y] = [Number(parts[1]), Number(parts[2]), Number(parts[3].length === 2 ? `20${parts[3]}` : parts[3])];
  else if (isIsoDate(t)) return t;
  else return null;
  const iso = `${String(y).padStart(4, '0')}-${pad(m)}-${pad(d)}`;
  return isIsoDate(iso) ? iso : null;
}

/** A Date at local midnight of an ISO date (for the calendar), or undefined. */
export function isoToDate(iso: string): Date | undefined {
  if (!isIsoDate(iso)) return undefined;
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(y, m - 1, d);
}

export interface DefaultFechaCorte {
  /** The default fecha de corte (ISO). */
  readonly fechaCorte: string;
  /** The last registration deadline that has passed on that date (ISO). */
  readonly deadline: string;
  /** The month (1–12) and year whose deadline it is. */
  readonly month: number;
  readonly year: number;
}

/**
 * The default fecha de corte: the first day after the last registration deadline that has
 * passed (a month's deadline is the last day of the next month, so this is the 1st of the
 * current month). On that date every month whose deadline is over counts, and none whose
 * deadline is still open: the cut CEPLAN's own reports use (the sample's is 01/08/2023).
 */
export function defaultFechaCorte(today: string = localIsoDate()): DefaultFechaCorte {
  const [y, m] = today.split('-').map(Number);
  // The month before last: its deadline is the last day of the previous month.
  const month = m <= 2 ? m + 10 : m - 2;
  const year = m <= 2 ? y - 1 : y;
  return { fechaCorte: `${y}-${pad(m)}-01`, deadline: trackingDeadline(year, month), month, year };
}

export const MONTH_NAMES = ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'setiembre', 'octubre', 'noviembre', 'diciembre'];
