/**
 * Which cell styles show a number as a date, and the ISO text of such a number. A month
 * cell where a planner typed a date holds a serial (45138) that only its number format
 * makes a date; the engine gets `YYYY-MM-DD` so it is never read as a quantity.
 */
import { parseXml } from './xml';

/** Excel's built-in date and time formats (ECMA-376 §18.8.30). */
const BUILTIN_DATE_IDS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

/**
 * A custom format code shows a date when, outside quoted text, bracketed parts (`[Red]`,
 * `[$-280A]`), escaped characters (`\\d`) and fill/space directives (`*x`, `_x`), it has a
 * day, month or year token. `m` next to `h` or `s` is minutes, so a time-only format
 * (`h:mm`) is not a date.
 */
export function isDateFormatCode(code: string): boolean {
  const bare = code
    .replace(/"[^"]*"/g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/\\./g, '')
    .replace(/[_*]./g, '')
    .replace(/AM\/PM|A\/P/gi, '');
  if (/[dy]/i.test(bare)) return true;
  if (!/m/i.test(bare)) return false;
  return !/[hs]/i.test(bare);
}

/**
 * For each `cellXfs` index, 1 when its number format is a date: the array a reader looks a
 * cell's `s` up in. Undefined when no style shows a date (then no lookup is needed).
 */
export function dateStyleFlags(stylesXml: string, part: string): Uint8Array | undefined {
  const custom = new Map<number, string>();
  const xfFormats: number[] = [];
  let inCellXfs = false;
  parseXml(stylesXml, part, {
    open(name, a) {
      if (name === 'numFmt' && a.numFmtId !== undefined) custom.set(Number(a.numFmtId), a.formatCode ?? '');
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) xfFormats.push(Number(a.numFmtId ?? 0));
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
  });
  const flags = new Uint8Array(xfFormats.length);
  let any = false;
  xfFormats.forEach((id, i) => {
    const code = custom.get(id);
    // A custom entry may redefine a built-in id; its code then decides.
    if (code !== undefined ? isDateFormatCode(code) : BUILTIN_DATE_IDS.has(id)) {
      flags[i] = 1;
      any = true;
    }
  });
  return any ? flags : undefined;
}

const DAY_MS = 86_400_000;
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);
/** 9999-12-31, the last date Excel shows. */
const MAX_SERIAL = 2_958_465;

/**
 * `YYYY-MM-DD` of a date serial (its time of day dropped), or undefined when the number is
 * no date Excel would show (below 1, beyond 9999). In the 1900 system Excel counts a
 * 1900-02-29 that never was (serial 60), so serials before it are one day later.
 */
export function serialToIso(serial: number, date1904: boolean): string | undefined {
  if (!(serial >= 1) || serial > MAX_SERIAL) return undefined;
  const days = Math.floor(serial);
  if (date1904) return new Date(EPOCH_1904 + days * DAY_MS).toISOString().slice(0, 10);
  if (days === 60) return '1900-02-29';
  return new Date(EPOCH_1900 + (days < 60 ? days + 1 : days) * DAY_MS).toISOString().slice(0, 10);
}
