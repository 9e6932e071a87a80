/**
 * Renders a whole worksheet part from a Table: used for new workbooks and for the sheets
 * a patched copy adds (Observaciones, Resumen).
 */
import type { CellRange } from '../../engine/grid/cell';
import { columnLetters, rangeFromA1, rangeToA1, toA1 } from '../../engine/grid/a1';
import type { Table, TableCell } from '../../engine/report/tables';
import { numberText } from './cell-xml';
import { sheetReference } from './sheet-name';
import { escapeXml } from './xml';
import { asciiBytes, putAscii, putBytes, putPlainNumber, putUint, XmlBytes } from './xml-bytes';

export const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
export const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

export interface WorksheetContent {
  readonly table: Table;
  /** Merged areas, as ranges or in A1 form ('A5:A6'). */
  readonly merges?: readonly (string | CellRange)[];
  readonly columnWidths?: readonly number[];
  readonly freezeRows?: number;
}

export interface WorksheetContext {
  /** The spreadsheet namespace of the host workbook (transitional or strict). */
  readonly mainNs?: string;
  readonly tabSelected?: boolean;
  /** Style index for a cell's bold/format, or undefined for the default style. */
  readonly styleOf?: (cell: TableCell) => number | undefined;
  readonly sharedString?: (text: string) => number;
  /** The relationship id of the sheet's drawing (a chart), written as `<drawing>`. */
  readonly drawingRId?: string;
}

/**
 * The worksheet part, as UTF-8 bytes written cell by cell (see xml-bytes.ts). A text gets
 * `xml:space="preserve"` when a reader could otherwise drop its white space.
 */
export function renderWorksheet(content: WorksheetContent, ctx: WorksheetContext = {}): Uint8Array {
  const out = new XmlBytes();
  writeWorksheet(out, content, ctx);
  return out.result();
}

/** renderWorksheet into `out` (a sink's XmlBytes: the caller closes it). */
export function writeWorksheet(out: XmlBytes, content: WorksheetContent, ctx: WorksheetContext = {}): void {
  const { table } = content;
  const extent = extentOf(table);
  out.raw(XML_DECLARATION);
  out.raw(`<worksheet xmlns="${ctx.mainNs ?? MAIN_NS}" xmlns:r="${REL_NS}">`);
  out.ascii(`<dimension ref="${extent ? rangeToA1(extent) : 'A1'}"/>`);
  out.ascii(sheetViewsXml(content.freezeRows ?? 0, ctx.tabSelected ?? false));
  out.ascii('<sheetFormatPr defaultRowHeight="15"/>');
  out.ascii(colsXml(content.columnWidths));
  const links = extent ? sheetData(out, table, ctx) : (out.ascii('<sheetData/>'), []);
  mergesXml(out, content.merges);
  if (links.length) out.raw(`<hyperlinks>${links.join('')}</hyperlinks>`);
  out.ascii('<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>');
  // CT_Worksheet: <drawing> follows pageMargins (and the print settings we never write).
  if (ctx.drawingRId) out.raw(`<drawing r:id="${escapeXml(ctx.drawingRId)}"/>`);
  out.ascii('</worksheet>');
}

const ROW_OPEN = asciiBytes('<row r="');
const TAG_END = asciiBytes('">');
const ROW_CLOSE = asciiBytes('</row>');
const QUOTE = asciiBytes('"');
const NUMBER_OPEN = asciiBytes('><v>');
const BOOLEAN_OPEN = asciiBytes(' t="b"><v>');
const SHARED_OPEN = asciiBytes(' t="s"><v>');
const VALUE_CLOSE = asciiBytes('</v></c>');
const INLINE_OPEN = asciiBytes(' t="inlineStr"><is><t>');
const INLINE_PRESERVE_OPEN = asciiBytes(' t="inlineStr"><is><t xml:space="preserve">');
const INLINE_CLOSE = asciiBytes('</t></is></c>');
/** Room for a cell's markup around its value: `<c r="XFD1048576" s="…" t="inlineStr"><is><t xml:space="preserve">`… */
const CELL_MARKUP = 160;

/** `<c r="G` for column G, built once per column. */
const CELL_OPEN: Uint8Array[] = [];
/** `" s="12"` (the end of the ref, then the style) for style 12, built once per style. */
const STYLE_ATTR: Uint8Array[] = [];

/** `<sheetData>` with its rows; returns the hyperlinks of its cells. */
function sheetData(out: XmlBytes, table: Table, ctx: WorksheetContext): string[] {
  const links: string[] = [];
  const { styleOf, sharedString } = ctx;
  // A frozen cell is shared (the generated report's month cells): what follows its ref is
  // the same wherever it appears, so it is written once and copied. Not with shared
  // strings, whose table counts every use.
  const tails = sharedString ? undefined : new Map<TableCell, Uint8Array>();
  const scratch = new XmlBytes(undefined, 256);
  out.ascii('<sheetData>');
  for (let r = 0; r < table.length; r++) {
    const row = table[r];
    if (!row) continue;
    let rowRef: Uint8Array | undefined;
    for (let c = 0; c < row.length; c++) {
      const cell: TableCell | null | undefined = row[c];
      if (!cell) continue;
      const value = cell.value;
      if (value === null || value === undefined) continue;
      out.room(CELL_MARKUP);
      const b = out.buf;
      let p = out.pos;
      if (!rowRef) {
        rowRef = asciiBytes(String(r + 1));
        p = putBytes(b, p, ROW_OPEN);
        p = putBytes(b, p, rowRef);
        p = putBytes(b, p, TAG_END);
      }
      p = putBytes(b, p, (CELL_OPEN[c] ??= asciiBytes(`<c r="${columnLetters(c)}`)));
      out.pos = putBytes(b, p, rowRef);
      if (tails && Object.isFrozen(cell)) {
        let tail = tails.get(cell);
        if (!tail) {
          cellTail(scratch, cell, value, styleOf?.(cell), sharedString);
          tails.set(cell, (tail = scratch.result()));
          scratch.reset();
        }
        out.bytes(tail);
      } else cellTail(out, cell, value, styleOf?.(cell), sharedString);
      if (cell.link) links.push(hyperlinkXml(toA1({ row: r, col: c }), cell.link.sheet, cell.link.cell));
    }
    if (rowRef) out.bytes(ROW_CLOSE);
  }
  out.ascii('</sheetData>');
  return links;
}

/** What follows a cell's ref: the closing quote, its style and its value, to `</c>`. */
function cellTail(out: XmlBytes, cell: TableCell, value: NonNullable<TableCell['value']>, style: number | undefined, sharedString: WorksheetContext['sharedString']): void {
  out.room(CELL_MARKUP);
  let b = out.buf;
  let p = out.pos;
  if (!style) p = putBytes(b, p, QUOTE);
  else if ((style | 0) === style && style > 0) p = putBytes(b, p, (STYLE_ATTR[style] ??= asciiBytes(`" s="${style}"`)));
  else p = putAscii(b, p, `" s="${escapeXml(String(style))}"`);
  if (typeof value === 'number') {
    p = putBytes(b, p, NUMBER_OPEN);
    const end = putPlainNumber(b, p, value);
    if (end >= 0) p = end;
    else {
      const text = numberText(value);
      out.pos = p;
      out.room(text.length + VALUE_CLOSE.length);
      b = out.buf;
      p = putAscii(b, out.pos, text);
    }
    p = putBytes(b, p, VALUE_CLOSE);
  } else if (typeof value === 'boolean') {
    p = putBytes(b, p, BOOLEAN_OPEN);
    b[p++] = value ? 0x31 : 0x30;
    p = putBytes(b, p, VALUE_CLOSE);
  } else if (sharedString) {
    p = putBytes(b, p, SHARED_OPEN);
    p = putAscii(b, p, String(sharedString(value)));
    p = putBytes(b, p, VALUE_CLOSE);
  } else {
    p = putBytes(b, p, needsPreserve(value) ? INLINE_PRESERVE_OPEN : INLINE_OPEN);
    out.pos = p;
    out.text(value);
    out.room(INLINE_CLOSE.length);
    b = out.buf;
    p = putBytes(b, out.pos, INLINE_CLOSE);
  }
  out.pos = p;
}

/** Leading or trailing white space, a tab or line break, or two spaces in a row. */
export function needsPreserve(s: string): boolean {
  const last = s.length - 1;
  if (last < 0) return true;
  for (let i = 0; i <= last; i++) {
    const c = s.charCodeAt(i);
    if (c <= 0x20 && (c !== 0x20 || i === 0 || i === last || s.charCodeAt(i + 1) === 0x20)) return true;
  }
  return false;
}

/** The cells written: every cell with a value. */
function extentOf(table: Table): CellRange | undefined {
  let top = -1;
  let bottom = -1;
  let left = Infinity;
  let right = -1;
  for (let r = 0; r < table.length; r++) {
    const row = table[r];
    if (!row) continue;
    for (let c = 0; c < row.length; c++) {
      const cell: TableCell | null | undefined = row[c];
      if (!cell || cell.value === null || cell.value === undefined) continue;
      if (top < 0) top = r;
      bottom = r;
      if (c < left) left = c;
      if (c > right) right = c;
    }
  }
  return top < 0 ? undefined : { top, left, bottom, right };
}

const COLUMN_BYTES: Uint8Array[] = [];

function columnBytes(c: number): Uint8Array {
  return (COLUMN_BYTES[c] ??= asciiBytes(columnLetters(c)));
}

/** An internal link: a location, no relationship (an external one would leave the file). */
function hyperlinkXml(ref: string, sheet: string, cell: string): string {
  return `<hyperlink ref="${ref}" location="${escapeXml(sheetReference(sheet, cell))}" display="${escapeXml(cell)}"/>`;
}

function sheetViewsXml(freezeRows: number, tabSelected: boolean): string {
  const sel = tabSelected ? ' tabSelected="1"' : '';
  if (!(freezeRows > 0)) return `<sheetViews><sheetView${sel} workbookViewId="0"/></sheetViews>`;
  const first = `A${freezeRows + 1}`;
  return (
    `<sheetViews><sheetView${sel} workbookViewId="0">` +
    `<pane ySplit="${freezeRows}" topLeftCell="${first}" activePane="bottomLeft" state="frozen"/>` +
    `<selection pane="bottomLeft" activeCell="${first}" sqref="${first}"/>` +
    '</sheetView></sheetViews>'
  );
}

function colsXml(widths: readonly number[] | undefined): string {
  const cols: string[] = [];
  (widths ?? []).forEach((w, i) => {
    if (typeof w === 'number' && Number.isFinite(w) && w > 0) {
      cols.push(`<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`);
    }
  });
  return cols.length ? `<cols>${cols.join('')}</cols>` : '';
}

function validRange(r: CellRange): CellRange {
  const { top, left, bottom, right } = r;
  const ok = Number.isInteger(top) && Number.isInteger(left) && Number.isInteger(bottom) && Number.isInteger(right) && top >= 0 && left >= 0;
  if (!ok || bottom > 1_048_575 || right > 16_383 || bottom < top || right < left) throw new RangeError(`Área combinada inválida: ${JSON.stringify(r)}`);
  return r;
}

const MERGE_OPEN = asciiBytes('<mergeCell ref="');
const MERGE_CLOSE = asciiBytes('"/>');

function mergesXml(out: XmlBytes, merges: readonly (string | CellRange)[] | undefined): void {
  if (!merges || merges.length === 0) return;
  // Normalised through the engine's parser so a malformed ref fails here, not in Excel.
  const ranges: CellRange[] = [];
  for (const m of merges) {
    const r = typeof m === 'string' ? rangeFromA1(m) : validRange(m);
    if (r.bottom > r.top || r.right > r.left) ranges.push(r); // a one-cell merge is not a merge
  }
  if (ranges.length === 0) return;
  out.ascii(`<mergeCells count="${ranges.length}">`);
  for (const r of ranges) {
    out.room(64);
    const b = out.buf;
    let p = putBytes(b, out.pos, MERGE_OPEN);
    p = putBytes(b, p, columnBytes(r.left));
    p = putUint(b, p, r.top + 1);
    b[p++] = 0x3a; // ':'
    p = putBytes(b, p, columnBytes(r.right));
    p = putUint(b, p, r.bottom + 1);
    out.pos = putBytes(b, p, MERGE_CLOSE);
  }
  out.ascii('</mergeCells>');
}
