/**
 * Streams a worksheet part into the engine's Grid: cached values (never formulas), text
 * kept as text (`'1,900.00'` stays a string), merged areas. Rows and cells may lack their
 * `r` attribute: they are then placed after the previous one, as the spec says.
 *
 * Two readers, one result:
 * - `readWorksheetSaxes`, over saxes, is the general and authoritative parser: any prefix,
 *   comments, CDATA, any attribute; it is the one that refuses damaged XML.
 * - `readWorksheetFast` exists for speed only. A ministry's report is ~25,000 rows × 21
 *   columns and 60,000 merges (15 MB of XML); saxes spends most of the read building tag
 *   and attribute objects and calling handlers per event, and a strict scanner of the
 *   `<sheetData>` cell run (and of `<mergeCells>`) is 4–5× faster. It reads only the plain
 *   dialect Excel, openpyxl and our own writer produce, validates everything it reads, and
 *   declines (returns undefined) on anything else: prefixes, comments, CDATA, processing
 *   instructions, unknown elements or attributes, entities other than the five XML ones and
 *   character references, control characters, XML 1.1 line ends, malformed markup. The rest
 *   of the part (root, `<dimension>`, `<sheetViews>`, …) still goes through saxes, so the
 *   whole part is checked. Declining means saxes reads the part from the start: a damaged
 *   file is refused by saxes with an XlsxError, never read with wrong values.
 * Both produce identical grids (test/hosts/xlsx/fast-path.test.ts); `cellValue` and
 * `placeValue` below are shared so their rules cannot drift apart.
 */
import type { CellRange, CellValue, Grid } from '../../engine/grid/cell';
import { rangeFromA1 } from '../../engine/grid/a1';
import { parseCellRef, type ParsedRef } from './cell-ref';
import { serialToIso } from './date-styles';
import { MalformedXml, XlsxError, messages } from './errors';
import { RichTextCollector } from './rich-text';
import { countElements, decodeOoxmlString, localName, streamXml, unescapeXml, type Attributes } from './xml';
import { at, isSpace, nameEnds, NO_ATTRS, onlyElements, StrictScanner } from './xml-strict-scanner';

type Rows = (CellValue[] | undefined)[];

/** What a sheet's cells are read with, besides its own text. */
export interface SheetContext {
  readonly sharedStrings: readonly string[];
  /** Per `cellXfs` index, 1 when the style shows a date (date-styles.ts); undefined: none does. */
  readonly dateStyles?: Uint8Array;
  readonly date1904?: boolean;
  /** Read only rows 0 … maxRows-1 (the scanner stops there). */
  readonly maxRows?: number;
  /**
   * Kept by the caller with the part's text across a `maxRows` read and the full read that
   * follows (open.ts): the merged areas and the skeleton are then checked once. Valid for
   * that text only.
   */
  readonly memo?: SheetMemo;
  /**
   * The bytes the text was decoded from (UTF-8), if the caller has them: when each
   * character came from one byte, the plain cells and merges are read from them (see
   * SheetScanner.codes); else the scanner makes such bytes from the text.
   */
  readonly bytes?: Uint8Array;
}

/** What one read of a part's text leaves for the next read of the same text. */
export interface SheetMemo {
  /** `<mergeCells` at index `at`: its scanned body (`pieces`: what saxes skips) and areas. */
  merges?: { readonly at: number; readonly pieces: readonly number[]; readonly list: CellRange[] };
  /** The stretches saxes found in order (skeletonAgrees), as `pieces.join()`. */
  skeleton?: string;
  /** SheetScanner.codes, when they had to be made from the text (codesOf). */
  codes?: Uint8Array;
}

/** Excel's limits: 1,048,576 rows × 16,384 columns (0-based maxima). */
export const MAX_ROW = 1_048_575;
export const MAX_COL = 16_383;

export function readWorksheet(text: string, part: string, ctx: SheetContext): Grid {
  return readWorksheetFast(text, part, ctx) ?? readWorksheetSaxes(text, part, ctx);
}

// ---------------------------------------------------------------- shared rules

/** A row or column beyond Excel's limits: the file is damaged (and would make huge grids). */
function outOfBounds(part: string, what: string): XlsxError {
  return new XlsxError('out-of-bounds', messages.outOfBounds(part, what), `${part}: ${what}`);
}

/** A number shown as a date becomes its ISO text (see Grid's doc). */
function dated(v: CellValue, style: number, dateStyles: Uint8Array | undefined, date1904: boolean): CellValue {
  if (typeof v !== 'number' || style < 0 || !dateStyles || dateStyles[style] !== 1) return v;
  return serialToIso(v, date1904) ?? v;
}

/** A cell's value from its type (`t`), its `<v>` text and its inline string, if any. */
function cellValue(type: string, v: string | undefined, inline: string | undefined, sharedStrings: readonly string[]): CellValue {
  switch (type) {
    case 's':
      return v === undefined || v === '' ? null : (sharedStrings[Number(v)] ?? null);
    case 'inlineStr':
      return inline ?? (v === undefined ? null : decodeOoxmlString(v));
    case 'b':
      return v === '1' || v === 'true' ? true : v === '0' || v === 'false' ? false : null;
    case 'str':
      return v === undefined ? null : decodeOoxmlString(v);
    case 'e':
    case 'd':
      return v === undefined ? null : v;
    default:
      return numberValue(v);
  }
}

function numberValue(v: string | undefined): CellValue {
  if (v === undefined || v === '') return null;
  const n = Number(v);
  if (!Number.isNaN(n)) return v.charCodeAt(0) > 32 ? n : v.trim() === '' ? null : n;
  // A non-numeric text in a numeric cell is malformed; keep what the file says.
  return v;
}

/**
 * Only cells with a value exist; short gaps before them in their row are null. A long gap
 * stays a hole (read as null through cellAt): a stray value in column XFD must not cost
 * 16,384 slots in every row.
 */
function placeValue(rows: Rows, row: number, col: number, v: CellValue): void {
  if (v === null || row < 0 || col < 0) return;
  let cells = rows[row];
  if (!cells) cells = rows[row] = [];
  if (col - cells.length <= 64) while (cells.length < col) cells.push(null);
  cells[col] = v;
}

// ---------------------------------------------------------------- saxes: the general path

export function readWorksheetSaxes(text: string, part: string, ctx: SheetContext): Grid {
  const reader = new WorksheetReader(ctx, part);
  streamXml(text, part, (parser) => {
    parser.on('opentag', (t) => reader.open(localName(t.name), t.attributes as Attributes));
    parser.on('closetag', (t) => reader.close(localName(t.name)));
    parser.on('text', (t) => reader.text(t));
    parser.on('cdata', (t) => reader.text(t));
  });
  return gridOf(reader.rows, reader.merges, reader.hiddenRows, ctx.maxRows);
}

/** The Grid, with what a `maxRows` read leaves out removed. */
function gridOf(rows: Rows, merges: CellRange[], hiddenRows: number[], maxRows: number | undefined): Grid {
  if (maxRows !== undefined) {
    if (rows.length > maxRows) rows.length = maxRows;
    merges = merges.filter((m) => m.top < maxRows);
    hiddenRows = hiddenRows.filter((r) => r < maxRows);
  }
  return hiddenRows.length ? { rows, merges, hiddenRows: ascending(hiddenRows) } : { rows, merges };
}

function ascending(list: number[]): number[] {
  for (let i = 1; i < list.length; i++) if (list[i] <= list[i - 1]) return [...new Set(list)].sort((a, b) => a - b);
  return list;
}

class WorksheetReader {
  readonly rows: Rows = [];
  readonly merges: CellRange[] = [];
  readonly hiddenRows: number[] = [];
  private inSheetData = false;
  private row = -1;
  private rowHasRef = false;
  private col = -1;
  private inCell = false;
  private cellType = 'n';
  private cellStyle = -1;
  private inValue = false;
  private value: string | undefined;
  private inInline = false;
  private inlineText: string | undefined;
  private readonly rich = new RichTextCollector();
  private readonly ref: ParsedRef = { row: -1, col: -1 };

  constructor(
    private readonly ctx: SheetContext,
    private readonly part: string,
  ) {}

  open(name: string, a: Attributes): void {
    if (this.inCell) return this.openInCell(name);
    if (name === 'c' && this.inSheetData) return this.openCell(a);
    if (name === 'row' && this.inSheetData) return this.openRow(a);
    if (name === 'sheetData') this.inSheetData = true;
    else if (name === 'mergeCell' && a.ref) this.merges.push(this.mergeRange(a.ref));
  }

  close(name: string): void {
    if (!this.inCell) {
      if (name === 'sheetData') this.inSheetData = false;
      return;
    }
    if (name === 'c') this.closeCell();
    else if (name === 'v') this.inValue = false;
    else if (name === 'is') {
      this.inInline = false;
      this.inlineText = this.rich.finish();
    } else if (this.inInline) this.rich.close(name);
  }

  text(t: string): void {
    if (this.inValue) this.value = this.value === undefined ? t : this.value + t;
    else if (this.inInline) this.rich.text(t);
  }

  /** 'A5:B6' with the char-loop parser: 60,000 merges are common in a ministry's report. */
  private mergeRange(ref: string): CellRange {
    const colon = ref.indexOf(':');
    const a = parseCellRef(ref.slice(0, colon < 0 ? ref.length : colon), this.ref);
    const top = a.row;
    const left = a.col;
    const b = colon < 0 ? a : parseCellRef(ref.slice(colon + 1), this.ref);
    // Whole rows/columns ("A:A") or anything unusual: the strict engine parser decides.
    const range =
      colon < 0 || top < 0 || left < 0 || b.row < 0 || b.col < 0
        ? strictRange(ref, this.part)
        : { top: Math.min(top, b.row), left: Math.min(left, b.col), bottom: Math.max(top, b.row), right: Math.max(left, b.col) };
    if (range.bottom > MAX_ROW || range.right > MAX_COL) throw outOfBounds(this.part, `el área combinada ${ref}`);
    return range;
  }

  private openRow(a: Attributes): void {
    this.rowHasRef = a.r !== undefined;
    if (this.rowHasRef) {
      const n = Number(a.r);
      if (!Number.isInteger(n) || n < 1) throw new MalformedXml(`row r="${a.r}"`, this.part);
      this.row = n - 1;
    } else this.row++;
    if (this.row > MAX_ROW) throw outOfBounds(this.part, `la fila ${(this.row + 1).toLocaleString('es-PE')}`);
    if (a.hidden === '1' || a.hidden === 'true') this.hiddenRows.push(this.row);
    this.col = -1;
  }

  private openCell(a: Attributes): void {
    const r = a.r;
    if (r === undefined) this.col++;
    else {
      parseCellRef(r, this.ref);
      this.col = this.ref.col >= 0 ? this.ref.col : this.col + 1;
      // A row without `r` takes its number from its cells when they carry one.
      if (!this.rowHasRef && this.ref.row >= 0) this.row = this.ref.row;
    }
    if (this.col > MAX_COL || this.row > MAX_ROW) throw outOfBounds(this.part, `la celda ${r ?? `de la columna ${this.col + 1}`}`);
    this.inCell = true;
    this.cellType = a.t ?? 'n';
    const s = a.s === undefined ? -1 : Number(a.s);
    this.cellStyle = Number.isInteger(s) ? s : -1;
    this.value = undefined;
    this.inlineText = undefined;
  }

  private openInCell(name: string): void {
    if (name === 'v') {
      this.inValue = true;
      this.value ??= '';
    } else if (name === 'is') {
      this.inInline = true;
      this.rich.start();
    } else if (this.inInline) this.rich.open(name);
  }

  private closeCell(): void {
    this.inCell = false;
    const max = this.ctx.maxRows;
    if (max !== undefined && this.row >= max) return;
    const v = cellValue(this.cellType, this.value, this.inlineText, this.ctx.sharedStrings);
    placeValue(this.rows, this.row, this.col, this.cellType === 'n' ? dated(v, this.cellStyle, this.ctx.dateStyles, this.ctx.date1904 ?? false) : v);
  }
}

/** The engine's strict parser, for merge refs the char loop does not take; malformed → damaged. */
function strictRange(ref: string, part: string): CellRange {
  try {
    return rangeFromA1(ref);
  } catch {
    throw new MalformedXml(`mergeCell ref="${ref}"`, part);
  }
}

// ---------------------------------------------------------------- the fast path

/**
 * Reads the sheet with the strict scanner, or returns undefined when the part is not in the
 * plain dialect it knows (the caller then uses saxes). Its result equals readWorksheetSaxes'.
 */
export function readWorksheetFast(text: string, part: string, ctx: SheetContext): Grid | undefined {
  const open = text.indexOf('<sheetData');
  // Before it, only elements: a comment, CDATA or PI could hide the match.
  if (open < 0 || !onlyElements(text, 0, open)) return undefined;
  const scanner = new SheetScanner(text, ctx);
  let bodyStart = open + '<sheetData'.length;
  let bodyEnd: number;
  if (text.charCodeAt(bodyStart) === GT) bodyEnd = scanner.sheetData(++bodyStart);
  else if (text.charCodeAt(bodyStart) === SLASH && text.charCodeAt(bodyStart + 1) === GT) bodyEnd = bodyStart += 2;
  else return undefined;
  if (bodyEnd < 0) return undefined;
  // saxes reads everything but the bodies of <sheetData> and <mergeCells>.
  const pieces = [0, bodyStart, bodyEnd];
  const merges = text.indexOf('<mergeCells', bodyEnd);
  let mergeList = scanner.merges;
  if (merges >= 0 && onlyElements(text, bodyEnd, merges)) {
    const memo = ctx.memo?.merges;
    if (memo?.at === merges) {
      // Scanned by the previous read of this text (a maxRows read keeps every area).
      mergeList = memo.list;
      pieces.push(...memo.pieces);
    } else {
      const body: number[] = [];
      const openEnd = scanner.mergeCellsOpen(merges + '<mergeCells'.length);
      if (openEnd < 0) return undefined;
      if (!scanner.selfClosing) {
        const closeStart = scanner.mergeCells(openEnd);
        if (closeStart < 0) return undefined;
        body.push(openEnd, closeStart);
      }
      pieces.push(...body);
      if (ctx.memo) ctx.memo.merges = { at: merges, pieces: body, list: mergeList };
    }
  }
  pieces.push(text.length);
  const skeleton = pieces.join();
  if (ctx.memo?.skeleton !== skeleton) {
    if (!skeletonAgrees(text, part, pieces)) return undefined;
    if (ctx.memo) ctx.memo.skeleton = skeleton;
  }
  return gridOf(scanner.rows, mergeList, scanner.hiddenRows, ctx.maxRows);
}

/**
 * saxes checks the part without the scanned bodies. The general reader acts only on
 * sheetData and mergeCell: the one <sheetData> must be the one scanned, and no mergeCell
 * may sit outside the scanned <mergeCells>.
 */
function skeletonAgrees(text: string, part: string, pieces: readonly number[]): boolean {
  const rest = countElements(text, part, pieces, ['sheetData', 'mergeCell']);
  return rest?.get('sheetData') === 1 && rest.get('mergeCell') === 0;
}

/** Attributes the scanner accepts, per element; any other name makes it decline. */
const ROW_ATTRS = ['r', 'spans', 's', 'customFormat', 'ht', 'hidden', 'customHeight', 'outlineLevel', 'collapsed', 'thickTop', 'thickBot', 'ph', 'x14ac:dyDescent'];
const CELL_ATTRS = ['r', 's', 't', 'cm', 'vm', 'ph'];
const FORMULA_ATTRS = ['t', 'ref', 'si', 'ca', 'aca', 'dt2D', 'dtr', 'del1', 'del2', 'r1', 'r2', 'bx'];
const MERGE_CELLS_ATTRS = ['count'];
const MERGE_CELL_ATTRS = ['ref'];
const CELL_TYPES = ['n', 's', 'str', 'inlineStr', 'b', 'e', 'd'];
const LT = 60;
const GT = 62;
const SLASH = 47;
const DOT = 46;
const SPACE = 32;
const QUOTE = 34;
const EQUALS = 61;

const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/**
 * `-?digits[.digits]` with at most 15 digits, as Number() reads it; NaN for anything else.
 * Exact: m < 2^53 and 10^k (k ≤ 15) are exact doubles, so m / 10^k is the correctly rounded
 * value of the decimal, which is what Number() returns.
 */
export function plainDecimal(s: string, from: number, to: number): number {
  let i = from;
  const negative = s.charCodeAt(i) === 45;
  if (negative) i++;
  let m = 0;
  let digits = 0;
  let scale = 0;
  let dot = false;
  for (; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      m = m * 10 + (c - 48);
      digits++;
      if (dot) scale++;
    } else if (c === DOT && !dot) dot = true;
    else return NaN;
  }
  if (digits === 0 || digits > 15) return NaN;
  const v = scale === 0 ? m : m / POW10[scale];
  return negative ? -v : v;
}

/**
 * An empty array whose elements may be anything from the start, so that it changes no kind
 * as it fills (a kind change would throw away the optimized code reading it); `holey` when
 * it may get holes.
 */
function emptyTagged<T>(holey: boolean): T[] {
  const a: (T | null)[] = holey ? new Array<T | null>(1) : [null];
  a[0] = null;
  a.length = 0;
  return a as T[];
}

/**
 * `s.indexOf('</sheetData', from)`, sought by its tail: V8 seeks a needle's first character
 * natively, and `<` opens every tag of a sheet while `h` is rare in one. A maxRows read of a
 * 10,000-AO report skips 11 MB this way in ~1 ms instead of ~8.
 */
function indexOfSheetDataClose(s: string, from: number): number {
  for (let i = s.indexOf('heetData', from + 3); i >= 0; i = s.indexOf('heetData', i + 1)) {
    if (s.charCodeAt(i - 1) === 115 /* s */ && s.charCodeAt(i - 2) === SLASH && s.charCodeAt(i - 3) === LT) return i - 3;
  }
  return -1;
}

/**
 * Whether `bytes`, the UTF-8 that gave `text`, hold it one byte per character at the same
 * indexes: every character comes from at least one byte (a BOM from three and none, a
 * surrogate pair from four), so equal lengths mean each came from exactly one, at its own
 * index: ASCII as itself, a stray byte as U+FFFD. A UTF-16 part never has equal lengths.
 */
export function oneBytePerCharacter(text: string, bytes: Uint8Array): boolean {
  return bytes.length === text.length;
}

/**
 * `text`'s characters as bytes at the same indexes, every one above 0x7f as 0xff (the plain
 * loops refuse both alike): the bytes that gave `text` when they hold it one byte per
 * character, else made from the text.
 */
function codesOf(text: string, bytes: Uint8Array | undefined, memo: SheetMemo | undefined): Uint8Array {
  if (bytes && oneBytePerCharacter(text, bytes)) return bytes;
  if (memo?.codes) return memo.codes;
  const codes = new Uint8Array(text.length);
  if (memo) memo.codes = codes;
  const encoder = new TextEncoder();
  // The ASCII stretches natively, between the runs of other characters: a sheet holds few.
  const others = /[^\0-\x7f]+/g;
  let from = 0;
  for (let runs = 0; runs < 4096; runs++) {
    const m = others.exec(text);
    if (!m) break;
    if (m.index > from) encoder.encodeInto(text.slice(from, m.index), codes.subarray(from, m.index));
    from = others.lastIndex;
    codes.fill(0xff, m.index, from);
  }
  if (others.lastIndex === 0) {
    // No run left (or none at all): the rest is ASCII.
    if (from < text.length) encoder.encodeInto(text.slice(from), codes.subarray(from));
  } else {
    // Many runs: the rest one by one.
    for (let i = from; i < text.length; i++) {
      const c = text.charCodeAt(i);
      codes[i] = c < 0x80 ? c : 0xff;
    }
  }
  return codes;
}

/** Slots of a scanner's row buffer: wider rows grow it. */
const SCRATCH_SLOTS = 1024;

/** A packed array of `length` nulls. */
function nulls<T>(length: number): T[] {
  const a = emptyTagged<T | null>(false);
  for (let i = 0; i < length; i++) a.push(null);
  return a as T[];
}

/** The `<sheetData>` and `<mergeCells>` scanner (see the file's comment). */
class SheetScanner extends StrictScanner {
  readonly rows: Rows = emptyTagged(true);
  readonly merges: CellRange[] = [];
  readonly hiddenRows: number[] = [];
  // Plain fields, the same kinds for every read (a head read's scanner and the full read's):
  // a field whose kind changes (a small integer, then Infinity; one context object, then
  // another shape) would throw away the optimized code of every method.
  private readonly sharedStrings: readonly string[];
  private readonly dateStyles: Uint8Array | undefined;
  private readonly date1904: boolean;
  /** A small integer: rows past Excel's are refused before this is looked at. */
  private readonly maxRows: number;
  private refRow = -1;
  private refCol = -1;
  private row = -1;
  private rowHasRef = false;
  private col = -1;
  /** A `maxRows` read met its first row past the limit. */
  private stopped = false;
  /**
   * The current row's cells, at 0 … scratchLength-1 (scratchLength -1: they go to `rows`
   * directly). Packed, as the rows made from it are: they never have holes. Made long at
   * once (nulls past scratchLength mean nothing): a store past its end, met in each read's
   * first wide row, would throw away plainCell's optimized code just as the full read starts.
   */
  private readonly scratch: CellValue[] = nulls(SCRATCH_SLOTS);
  private scratchLength = -1;
  /**
   * The text's characters as bytes at the same indexes (codesOf), which plainCell and
   * plainMerges read: a typed array's element is one load in optimized code, a string's
   * character a dispatch on its representation; the plain loops, which read every character
   * of a report's cells and merges, take about half the time this way.
   */
  private readonly codes: Uint8Array;
  /** See plainCell: 4,096 slots, tagged (null-filled) so that a hit hands out the box itself. */
  private readonly boxes: (number | null)[] = new Array<number | null>(4096).fill(null);

  constructor(s: string, ctx: SheetContext) {
    super(s);
    this.sharedStrings = ctx.sharedStrings;
    this.dateStyles = ctx.dateStyles;
    this.date1904 = ctx.date1904 ?? false;
    this.maxRows = Math.min(Math.ceil(ctx.maxRows ?? Infinity), MAX_ROW + 1);
    this.codes = codesOf(s, ctx.bytes, ctx.memo);
  }

  /** From after `<sheetData>`: rows until `</sheetData>`, whose index it returns. */
  sheetData(p: number): number {
    const s = this.s;
    for (;;) {
      p = this.space(p);
      if (s.charCodeAt(p) !== LT) return -1;
      if (at(s, p + 1, 'row') && nameEnds(s.charCodeAt(p + 4))) {
        p = this.readRow(p + 4);
        if (p < 0) return -1;
        if (this.stopped) {
          // The rest of the rows are not read (nor checked): on to the close tag.
          const close = indexOfSheetDataClose(s, p);
          const c = s.charCodeAt(close + 11);
          return close >= 0 && (c === GT || isSpace(c)) ? close : -1;
        }
      } else if (at(s, p + 1, '/sheetData')) {
        const c = s.charCodeAt(p + 11);
        return c === GT || isSpace(c) ? p : -1;
      } else return -1;
    }
  }

  /** From after `<mergeCells`: the index after its open tag (see selfClosing). */
  mergeCellsOpen(p: number): number {
    if (!nameEnds(this.s.charCodeAt(p))) return -1;
    return this.attrs(p, MERGE_CELLS_ATTRS);
  }

  /** From after `<mergeCells …>`: `<mergeCell ref="A1:B2"/>` until `</mergeCells>`, whose index it returns. */
  mergeCells(p: number): number {
    const s = this.s;
    for (;;) {
      p = this.plainMerges(p);
      p = this.space(p);
      if (s.charCodeAt(p) !== LT) return -1;
      if (at(s, p + 1, 'mergeCell') && nameEnds(s.charCodeAt(p + 10))) {
        // `<mergeCell ref="A5:B6"/>` as every producer writes it, or the general attribute reader.
        const quick = this.quickMergeCell(p + 10);
        if (quick >= 0) {
          p = quick;
          continue;
        }
        p = this.attrs(p + 10, MERGE_CELL_ATTRS);
        if (p < 0 || !this.selfClosing || this.seen !== 1 || !this.mergeRange(this.valueStart[0], this.valueEnd[0])) return -1;
      } else if (at(s, p + 1, '/mergeCells')) {
        const c = s.charCodeAt(p + 12);
        return c === GT || isSpace(c) ? p : -1;
      } else return -1;
    }
  }

  /**
   * From p: `<mergeCell ref="A5:B6"/>` back to back, as every producer writes them (62,000 in
   * a ministry's report), each taken as quickMergeCell takes it; the index of the first thing
   * that is not one (the general loop goes on from there). One loop with no calls: it runs
   * mostly before the optimizing compiler is done with it, where every call costs.
   */
  private plainMerges(p: number): number {
    const s = this.s;
    const u = this.codes;
    const merges = this.merges;
    for (;;) {
      // One native comparison: unoptimized, each charCodeAt is a call of its own.
      if (!s.startsWith('<mergeCell ref="', p)) return p;
      // Two corners as `ref` reads them: 1–3 capitals (≤ XFD), then 1–7 digits without a leading zero (≤ 1048576).
      let q = p + 16;
      let from = q;
      let left = 0;
      let c = u[q];
      for (; c >= 65 && c <= 90; c = u[++q]) left = left * 26 + (c - 64);
      if (q === from || q - from > 3 || left > MAX_COL + 1 || c < 49 || c > 57) return p;
      from = q;
      let top = 0;
      for (; c >= 48 && c <= 57; c = u[++q]) top = top * 10 + (c - 48);
      if (q - from > 7 || top > MAX_ROW + 1 || c !== 58 /* : */) return p;
      from = ++q;
      let right = 0;
      c = u[q];
      for (; c >= 65 && c <= 90; c = u[++q]) right = right * 26 + (c - 64);
      if (q === from || q - from > 3 || right > MAX_COL + 1 || c < 49 || c > 57) return p;
      from = q;
      let bottom = 0;
      for (; c >= 48 && c <= 57; c = u[++q]) bottom = bottom * 10 + (c - 48);
      if (q - from > 7 || bottom > MAX_ROW + 1 || c !== QUOTE || u[q + 1] !== SLASH || u[q + 2] !== GT) return p;
      top--;
      left--;
      bottom--;
      right--;
      merges.push(
        top <= bottom && left <= right ? { top, left, bottom, right } : { top: Math.min(top, bottom), left: Math.min(left, right), bottom: Math.max(top, bottom), right: Math.max(left, right) },
      );
      p = q + 3;
    }
  }

  /** From after `<mergeCell`: exactly ` ref="A5:B6"/>`, read in one pass; the index after it, or -1 (then `attrs` decides). */
  private quickMergeCell(p: number): number {
    const s = this.s;
    if (s.charCodeAt(p) !== SPACE || s.charCodeAt(p + 1) !== 114 || s.charCodeAt(p + 2) !== 101 || s.charCodeAt(p + 3) !== 102) return -1;
    if (s.charCodeAt(p + 4) !== EQUALS || s.charCodeAt(p + 5) !== QUOTE) return -1;
    p = this.ref(p + 6);
    if (p < 0 || s.charCodeAt(p) !== 58 /* : */) return -1;
    const top = this.refRow;
    const left = this.refCol;
    p = this.ref(p + 1);
    if (p < 0 || s.charCodeAt(p) !== QUOTE || s.charCodeAt(p + 1) !== SLASH || s.charCodeAt(p + 2) !== GT) return -1;
    const bottom = this.refRow;
    const right = this.refCol;
    this.merges.push(
      top <= bottom && left <= right ? { top, left, bottom, right } : { top: Math.min(top, bottom), left: Math.min(left, right), bottom: Math.max(top, bottom), right: Math.max(left, right) },
    );
    return p + 3;
  }

  /** `A5:B6` (both corners; anything else is left to the general reader). */
  private mergeRange(from: number, to: number): boolean {
    const colon = this.s.indexOf(':', from);
    if (colon < 0 || colon >= to || !this.cellRef(from, colon)) return false;
    const top = this.refRow;
    const left = this.refCol;
    if (!this.cellRef(colon + 1, to)) return false;
    const bottom = this.refRow;
    const right = this.refCol;
    this.merges.push({ top: Math.min(top, bottom), left: Math.min(left, right), bottom: Math.max(top, bottom), right: Math.max(left, right) });
    return true;
  }

  private readRow(p: number): number {
    const s = this.s;
    // `<row r="7">` as most producers write it, or the general attribute reader.
    const quick = this.quickRowAttrs(p);
    if (quick >= 0) {
      p = quick;
      this.rowHasRef = true;
    } else {
      p = this.attrs(p, ROW_ATTRS);
      if (p < 0) return -1;
      this.rowHasRef = (this.seen & 1) !== 0;
      if (this.rowHasRef) {
        const n = this.rowNumber(this.valueStart[0], this.valueEnd[0]);
        if (n < 0) return -1;
        this.row = n - 1;
      } else this.row++;
    }
    // Beyond Excel's rows: the general reader refuses the file with the right message.
    if (this.row > MAX_ROW) return -1;
    if (this.row >= this.maxRows) {
      this.stopped = true;
      return p;
    }
    if (quick < 0 && this.seen & 32 /* hidden */ && this.isTrue(this.valueStart[5], this.valueEnd[5])) this.hiddenRows.push(this.row);
    this.col = -1;
    if (this.selfClosing) return p;
    // A numbered row met for the first time is gathered in `scratch` (see place).
    this.scratchLength = this.rowHasRef && this.rows[this.row] === undefined ? 0 : -1;
    for (;;) {
      // Cells back to back, the usual case, cost no call but plainCell's.
      if (s.charCodeAt(p) !== LT) {
        p = this.space(p);
        if (s.charCodeAt(p) !== LT) return -1;
      }
      const c = s.charCodeAt(p + 1);
      if (c === 99 /* c */) {
        // plainCell wants ` r="` right after the name: the name ends there.
        const plain = this.plainCell(p + 2);
        if (plain >= 0) {
          p = plain;
          continue;
        }
      }
      if (c === 99 /* c */ && nameEnds(s.charCodeAt(p + 2))) {
        p = this.readCell(p + 2);
        if (p < 0) return -1;
      } else if (c === SLASH) {
        this.endRow();
        return s.charCodeAt(p + 2) === 114 && s.charCodeAt(p + 3) === 111 && s.charCodeAt(p + 4) === 119 && s.charCodeAt(p + 5) === GT ? p + 6 : this.closeTag(p, 'row');
      } else return -1;
    }
  }

  /** From after `<row`: exactly ` r="7">`; the index after it (row set), or -1. */
  private quickRowAttrs(p: number): number {
    const s = this.s;
    if (!at(s, p, ' r="')) return -1;
    p += 4;
    const from = p;
    let n = 0;
    let c = s.charCodeAt(p);
    if (c === 48) return -1;
    for (; c >= 48 && c <= 57; c = s.charCodeAt(++p)) n = n * 10 + (c - 48);
    if (p === from || p - from > 7 || c !== QUOTE || s.charCodeAt(p + 1) !== GT) return -1;
    this.row = n - 1;
    this.selfClosing = false;
    return p + 2;
  }

  /**
   * Places a cell's value as placeValue does. A row's cells are first gathered in `scratch`,
   * and the row's array is made once at its final length when the row ends: growing it cell
   * by cell costs copies and leaves up to half its slots unused. A long gap (a hole, see
   * placeValue) or a row met again goes the placeValue way.
   */
  private place(v: CellValue): void {
    if (v === null) return;
    const length = this.scratchLength;
    const col = this.col;
    if (length < 0 || col - length > 64) {
      this.endRow();
      return placeValue(this.rows, this.row, col, v);
    }
    const buffer = this.scratch;
    for (let i = length; i < col; i++) buffer[i] = null;
    buffer[col] = v;
    if (col >= length) this.scratchLength = col + 1;
  }

  /** The gathered cells become the row's array; later cells of the row go the placeValue way. */
  private endRow(): void {
    if (this.scratchLength > 0) this.rows[this.row] = this.scratch.slice(0, this.scratchLength);
    this.scratchLength = -1;
  }

  /**
   * From after `<c`: the cell as producers write it, read in one pass: ` r="B7"`, then
   * ` s="digits"` and ` t="s"` or ` t="n"` if present, in that order; then `/>`, or `>`, a
   * `<v>` holding a plain decimal (as plainDecimal reads it) or a shared-string index, and
   * `</v></c>`. The index after the cell, its value placed; or -1 with nothing changed, and
   * readCell reads the cell.
   */
  private plainCell(p: number): number {
    const u = this.codes;
    if (u[p] !== SPACE || u[p + 1] !== 114 /* r */ || u[p + 2] !== EQUALS || u[p + 3] !== QUOTE) return -1;
    // The reference as `ref` reads it, spelt out (one call less per cell, see plainMerges).
    p += 4;
    let start = p;
    let refCol = 0;
    let c = u[p];
    for (; c >= 65 && c <= 90; c = u[++p]) refCol = refCol * 26 + (c - 64);
    if (p === start || p - start > 3 || refCol > MAX_COL + 1 || c < 49 || c > 57) return -1;
    start = p;
    let refRow = 0;
    for (; c >= 48 && c <= 57; c = u[++p]) refRow = refRow * 10 + (c - 48);
    if (p - start > 7 || refRow > MAX_ROW + 1 || c !== QUOTE) return -1;
    c = u[++p];
    let style = -1;
    if (c === SPACE && u[p + 1] === 115 /* s */) {
      if (u[p + 2] !== EQUALS || u[p + 3] !== QUOTE) return -1;
      p += 4;
      const from = p;
      style = 0;
      for (c = u[p]; c >= 48 && c <= 57; c = u[++p]) style = style * 10 + (c - 48);
      if (p === from || p - from > 9 || c !== QUOTE) return -1;
      c = u[++p];
    }
    let shared = false;
    if (c === SPACE && u[p + 1] === 116 /* t */) {
      if (u[p + 2] !== EQUALS || u[p + 3] !== QUOTE || u[p + 5] !== QUOTE) return -1;
      const t = u[p + 4];
      if (t === 115 /* s */) shared = true;
      else if (t !== 110 /* n */) return -1;
      c = u[(p += 6)];
    }
    if (c === SLASH) {
      if (u[p + 1] !== GT) return -1;
      // No content: no value, nothing to place.
      this.col = refCol - 1;
      if (!this.rowHasRef) this.row = refRow - 1;
      return p + 2;
    }
    if (c !== GT || u[p + 1] !== LT || u[p + 2] !== 118 /* v */ || u[p + 3] !== GT) return -1;
    p += 4;
    const negative = u[p] === 45;
    if (negative) p++;
    let m = 0;
    let digits = 0;
    let scale = 0;
    let dot = false;
    for (c = u[p]; ; c = u[++p]) {
      if (c >= 48 && c <= 57) {
        m = m * 10 + (c - 48);
        digits++;
        if (dot) scale++;
      } else if (c === DOT && !dot) dot = true;
      else break;
    }
    if (c !== LT || digits === 0 || digits > 15) return -1;
    // `</v></c>`, spelt out: `at` is not inlined here, and this runs once per cell.
    if (u[p + 1] !== SLASH || u[p + 2] !== 118 || u[p + 3] !== GT || u[p + 4] !== LT) return -1;
    if (u[p + 5] !== SLASH || u[p + 6] !== 99 || u[p + 7] !== GT) return -1;
    let v: CellValue;
    if (shared) {
      if (negative || dot || digits > 9) return -1;
      v = this.sharedStrings[m] ?? null;
    } else {
      const n = scale === 0 ? m : m / POW10[scale];
      // A double (not a small integer, not ±0) is a heap object of its own: a repeated amount reuses the first one.
      v = negative ? -n : n;
      if (m !== 0 && (scale > 0 || m > 0x3fffffff)) {
        // The boxed number last read with the same hash, when equal: a report repeats its
        // amounts, and every boxed number (a double: not a small integer, not ±0) is one more
        // object for the collector to copy. ±0 never comes here (0 === -0).
        const boxes = this.boxes;
        const k = (Math.imul(m | 0, -1640531535) + scale) >>> 20;
        const hit = boxes[k];
        if (hit === v) v = hit;
        else boxes[k] = v;
      }
      if (style >= 0 && this.dateStyles) v = dated(v, style, this.dateStyles, this.date1904);
    }
    const col = (this.col = refCol - 1);
    if (!this.rowHasRef) this.row = refRow - 1;
    // place(v), spelt out.
    if (v !== null) {
      const length = this.scratchLength;
      if (length < 0 || col - length > 64) {
        this.endRow();
        placeValue(this.rows, this.row, col, v);
      } else {
        const buffer = this.scratch;
        for (let i = length; i < col; i++) buffer[i] = null;
        buffer[col] = v;
        if (col >= length) this.scratchLength = col + 1;
      }
    }
    return p + 8;
  }

  private readCell(p: number): number {
    const s = this.s;
    const quick = this.quickCellAttrs(p);
    p = quick >= 0 ? quick : this.attrs(p, CELL_ATTRS);
    if (p < 0) return -1;
    const seen = this.seen;
    if (seen & 1) {
      if (!this.cellRef(this.valueStart[0], this.valueEnd[0])) return -1;
      this.col = this.refCol;
      // A row without `r` takes its number from its cells.
      if (!this.rowHasRef) this.row = this.refRow;
    } else if (++this.col > MAX_COL) return -1;
    let type = 'n';
    if (seen & 4) {
      type = this.cellType(this.valueStart[2], this.valueEnd[2]);
      if (type === '') return -1;
    }
    // The style matters only to tell dates: looked up only when some style is a date.
    let style = -1;
    if (seen & 2 && this.dateStyles && type === 'n') {
      style = this.digits(this.valueStart[1], this.valueEnd[1], 9);
      if (style < 0) return -1;
    }
    // No content: no value, nothing to place.
    if (this.selfClosing) return p;
    let vStart = -1;
    let vEnd = -1;
    let vAmp = false;
    let formula = false;
    let inline: string | undefined;
    for (;;) {
      p = this.space(p);
      if (s.charCodeAt(p) !== LT) return -1;
      const c = s.charCodeAt(p + 1);
      if (c === 118 /* v */ && nameEnds(s.charCodeAt(p + 2))) {
        if (vStart >= 0) return -1;
        // `<v>` as every producer writes it, or the general attribute reader.
        if (s.charCodeAt(p + 2) === GT) {
          this.selfClosing = false;
          p += 3;
        } else {
          p = this.attrs(p + 2, NO_ATTRS);
          if (p < 0) return -1;
        }
        vStart = vEnd = p;
        if (!this.selfClosing) {
          // Numbers and shared-string indexes, the bulk of values, need no character checks.
          let q = p;
          for (let d = s.charCodeAt(q); (d >= 48 && d <= 57) || d === DOT || d === 45; d = s.charCodeAt(++q));
          if (s.charCodeAt(q) === LT) {
            vEnd = q;
            vAmp = false;
          } else {
            vEnd = this.chars(p);
            if (vEnd < 0) return -1;
            vAmp = this.amp;
          }
          p = s.charCodeAt(vEnd + 1) === SLASH && s.charCodeAt(vEnd + 2) === 118 && s.charCodeAt(vEnd + 3) === GT ? vEnd + 4 : this.closeTag(vEnd, 'v');
          if (p < 0) return -1;
        }
      } else if (c === 102 /* f */ && nameEnds(s.charCodeAt(p + 2))) {
        if (formula) return -1;
        formula = true;
        p = this.attrs(p + 2, FORMULA_ATTRS);
        if (p < 0) return -1;
        if (!this.selfClosing) {
          p = this.chars(p);
          if (p < 0) return -1;
          p = this.closeTag(p, 'f');
          if (p < 0) return -1;
        }
      } else if (c === 105 /* i */ && s.charCodeAt(p + 2) === 115 /* s */ && nameEnds(s.charCodeAt(p + 3))) {
        if (inline !== undefined) return -1;
        p = this.richText(p + 3, 'is');
        if (p < 0) return -1;
        inline = decodeOoxmlString(this.text);
      } else if (c === SLASH) {
        p = s.charCodeAt(p + 2) === 99 /* c */ && s.charCodeAt(p + 3) === GT ? p + 4 : this.closeTag(p, 'c');
        if (p < 0) return -1;
        break;
      } else return -1;
    }
    const v = this.value(type, vStart, vEnd, vAmp, inline);
    this.place(style >= 0 ? dated(v, style, this.dateStyles, this.date1904) : v);
    return p;
  }

  /**
   * From after `<c`: the attributes as producers write them (`r`, `s`, `t`, each once, one
   * space before, `="…"` with letters and digits only), set as `attrs` sets them; -1 for
   * anything else, and then the general `attrs` reads the tag. Most of a sheet's time is
   * spent here: this avoids looking names up in a list.
   */
  private quickCellAttrs(p: number): number {
    const s = this.s;
    let seen = 0;
    for (;;) {
      let c = s.charCodeAt(p);
      if (c === GT) {
        this.seen = seen;
        this.selfClosing = false;
        return p + 1;
      }
      if (c === SLASH) {
        if (s.charCodeAt(p + 1) !== GT) return -1;
        this.seen = seen;
        this.selfClosing = true;
        return p + 2;
      }
      if (c !== SPACE) return -1;
      c = s.charCodeAt(p + 1);
      // The indexes of r, s and t in CELL_ATTRS.
      const i = c === 114 ? 0 : c === 115 ? 1 : c === 116 ? 2 : -1;
      if (i < 0 || s.charCodeAt(p + 2) !== EQUALS || s.charCodeAt(p + 3) !== QUOTE || seen & (1 << i)) return -1;
      seen |= 1 << i;
      const start = p + 4;
      let q = start;
      for (c = s.charCodeAt(q); c !== QUOTE; c = s.charCodeAt(++q)) {
        if (!((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122))) return -1;
      }
      this.valueStart[i] = start;
      this.valueEnd[i] = q;
      p = q + 1;
    }
  }

  /** `1` or `true`, as the general reader takes a boolean attribute. */
  private isTrue(from: number, to: number): boolean {
    const s = this.s;
    return (to - from === 1 && s.charCodeAt(from) === 49) || (to - from === 4 && at(s, from, 'true'));
  }

  private value(type: string, from: number, to: number, amp: boolean, inline: string | undefined): CellValue {
    if (from >= 0 && !amp) {
      // The common cells, without slicing a string: shared-string indexes and plain numbers.
      if (type === 's') {
        const i = this.sharedIndex(from, to);
        if (i >= 0) return this.sharedStrings[i] ?? null;
      } else if (type === 'n') {
        const n = plainDecimal(this.s, from, to);
        if (n === n) return n;
      }
    }
    const v = from < 0 ? undefined : amp ? unescapeXml(this.s.slice(from, to)) : this.s.slice(from, to);
    return cellValue(type, v, inline, this.sharedStrings);
  }

  /**
   * `A1`…`XFD1048576`, upper-case, no `$`: into refRow/refCol (0-based). Anything else
   * (also a ref beyond Excel's limits) declines: the general reader decides.
   */
  private cellRef(from: number, to: number): boolean {
    const s = this.s;
    let i = from;
    let col = 0;
    for (let c = s.charCodeAt(i); i < to && c >= 65 && c <= 90; c = s.charCodeAt(++i)) col = col * 26 + (c - 64);
    if (i === from || i - from > 3 || col > MAX_COL + 1) return false;
    const row = this.rowNumber(i, to);
    if (row < 0 || row > MAX_ROW + 1) return false;
    this.refCol = col - 1;
    this.refRow = row - 1;
    return true;
  }

  /**
   * From p: a reference as cellRef takes it (`A1`…`XFD1048576`), read until the first
   * character that is neither a capital nor a digit, into refRow/refCol; the index after it,
   * or -1.
   */
  private ref(p: number): number {
    const s = this.s;
    const from = p;
    let col = 0;
    let c = s.charCodeAt(p);
    for (; c >= 65 && c <= 90; c = s.charCodeAt(++p)) col = col * 26 + (c - 64);
    if (p === from || p - from > 3 || col > MAX_COL + 1 || c < 49 || c > 57) return -1;
    const digitsFrom = p;
    let row = 0;
    for (; c >= 48 && c <= 57; c = s.charCodeAt(++p)) row = row * 10 + (c - 48);
    if (p - digitsFrom > 7 || row > MAX_ROW + 1 || (c >= 65 && c <= 90)) return -1;
    this.refCol = col - 1;
    this.refRow = row - 1;
    return p;
  }

  /** 1…9999999 without leading zeros; -1 otherwise. */
  private rowNumber(from: number, to: number): number {
    return this.s.charCodeAt(from) === 48 ? -1 : this.digits(from, to, 7);
  }

  /** A shared-string index of up to 9 digits; -1 otherwise. */
  private sharedIndex(from: number, to: number): number {
    return this.digits(from, to, 9);
  }

  /** The decimal number written in s[from, to) with 1…maxDigits digits only; -1 otherwise. */
  private digits(from: number, to: number, maxDigits: number): number {
    const s = this.s;
    if (to <= from || to - from > maxDigits) return -1;
    let n = 0;
    for (let i = from; i < to; i++) {
      const c = s.charCodeAt(i);
      if (c < 48 || c > 57) return -1;
      n = n * 10 + (c - 48);
    }
    return n;
  }

  /** The `t` value as one of the general reader's type strings; '' for any other. */
  private cellType(from: number, to: number): string {
    const i = this.nameIndex(CELL_TYPES, from, to);
    return i < 0 ? '' : CELL_TYPES[i];
  }
}
