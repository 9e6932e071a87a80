/**
 * Moves the relative references of an A1 formula by (dRow, dCol), as Excel does when a
 * formula is filled. Needed for one case only: when a patch overwrites the master cell of
 * a shared formula, its next member becomes the master and must spell the formula out.
 * Strings, quoted sheet names and structured references (`Tabla[Col]`) are left alone;
 * `$`-anchored parts do not move. Works on the formula as text (XML-unescaped).
 */
const MAX_ROW = 1048576;
const MAX_COL = 16384;

// Order matters: ranges of whole columns/rows before single cells.
const REFERENCE = /(\$?)([A-Z]{1,3})(\$?)(\d+)|(\$?)([A-Z]{1,3}):(\$?)([A-Z]{1,3})|(\$?)(\d+):(\$?)(\d+)/y;

export function shiftFormula(formula: string, dRow: number, dCol: number): string {
  let out = '';
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"' || ch === "'") {
      const end = closingQuote(formula, i, ch);
      out += formula.slice(i, end);
      i = end;
      continue;
    }
    if (ch === '[') {
      const end = closingBracket(formula, i);
      out += formula.slice(i, end);
      i = end;
      continue;
    }
    const ref = isBoundaryBefore(formula, i) ? matchReference(formula, i) : undefined;
    if (ref) {
      out += shiftReference(ref.match, dRow, dCol);
      i += ref.match[0].length;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}

function closingQuote(s: string, start: number, q: string): number {
  let i = start + 1;
  while (i < s.length) {
    if (s[i] === q) {
      if (s[i + 1] === q) i += 2; // doubled quote inside
      else return i + 1;
    } else i++;
  }
  return s.length;
}

function closingBracket(s: string, start: number): number {
  let depth = 0;
  for (let i = start; i < s.length; i++) {
    if (s[i] === '[') depth++;
    else if (s[i] === ']' && --depth === 0) return i + 1;
  }
  return s.length;
}

function isBoundaryBefore(s: string, i: number): boolean {
  return i === 0 || !/[A-Za-z0-9_.$\\]/.test(s[i - 1]);
}

function matchReference(s: string, i: number): { match: RegExpExecArray } | undefined {
  REFERENCE.lastIndex = i;
  const m = REFERENCE.exec(s);
  if (!m) return undefined;
  const next = s[i + m[0].length] ?? '';
  // Followed by a name char, '(' (a function like LOG10) or '!' (a sheet name): not a reference.
  if (/[A-Za-z0-9_.(!]/.test(next)) return undefined;
  return { match: m };
}

function shiftReference(m: RegExpExecArray, dRow: number, dCol: number): string {
  if (m[2] !== undefined) return col(m[1], m[2], dCol) + row(m[3], m[4], dRow);
  if (m[6] !== undefined) return `${col(m[5], m[6], dCol)}:${col(m[7], m[8], dCol)}`;
  return `${row(m[9], m[10], dRow)}:${row(m[11], m[12], dRow)}`;
}

class OffSheet extends Error {}

function col(anchor: string, letters: string, d: number): string {
  if (anchor || d === 0) return anchor + letters;
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  n += d;
  if (n < 1 || n > MAX_COL) throw new OffSheet();
  let s = '';
  for (; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function row(anchor: string, digits: string, d: number): string {
  if (anchor || d === 0) return anchor + digits;
  const n = Number(digits) + d;
  if (n < 1 || n > MAX_ROW) throw new OffSheet();
  return String(n);
}

/** Like shiftFormula, but a reference pushed off the sheet turns the whole formula into #REF!. */
export function shiftFormulaSafe(formula: string, dRow: number, dCol: number): string {
  try {
    return shiftFormula(formula, dRow, dCol);
  } catch (e) {
    if (e instanceof OffSheet) return '#REF!';
    throw e;
  }
}
