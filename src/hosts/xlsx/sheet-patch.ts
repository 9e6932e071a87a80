/**
 * Writes cell edits into a worksheet's XML by splicing the original text: only the edited
 * `<c>` elements change (plus, when needed, a new cell or row, the `<dimension>` and a
 * row's `spans`). The cell keeps its style (`s=`); its formula, type and metadata go,
 * because it now holds a plain value.
 *
 * Rows and cells may lack `r` (they then follow the previous one). An insertion never lands
 * right before such an element: it would have to fill a gap, and an element without `r`
 * leaves none. So every row or cell we write carries `r`, and nothing else moves.
 */
import type { Address, CellRange, CellValue } from '../../engine/grid/cell';
import { rangeFromA1, rangeToA1, toA1 } from '../../engine/grid/a1';
import { parseCellRef } from './cell-ref';
import { cellXml } from './cell-xml';
import { shiftFormulaSafe } from './formula-shift';
import { escapeXml, localName, unescapeXml } from './xml';
import {
  applySplices,
  childElements,
  findElement,
  getAttr,
  openTag,
  prefixOf,
  setAttr,
  type ElementSpan,
  type Splice,
} from './xml-locator';
import { MalformedXml } from './errors';

/** A value to write at a 0-based position. */
export interface CellEdit {
  readonly row: number;
  readonly col: number;
  readonly value: CellValue;
}

export interface SheetPatch {
  readonly xml: string;
  /** Cells whose formula the patch removed: their calcChain entries must go too. */
  readonly droppedFormulas: readonly Address[];
}

const MAX_ROW = 1048575;
const MAX_COL = 16383;

interface RowInfo {
  readonly span: ElementSpan;
  readonly index: number;
}

interface CellInfo {
  readonly span: ElementSpan;
  readonly col: number;
}

interface SharedMaster {
  readonly si: string;
  readonly ref: string;
  readonly formula: string;
  readonly at: Address;
}

export function patchSheetXml(xml: string, edits: readonly CellEdit[]): SheetPatch {
  const byRow = groupEdits(edits);
  if (byRow.size === 0) return { xml, droppedFormulas: [] };
  const sheetData = findElement(xml, 'sheetData', 0, xml.length, true);
  if (!sheetData) throw new MalformedXml('La hoja no tiene <sheetData>');
  const patcher = new SheetPatcher(xml, sheetData, byRow);
  patcher.run();
  return { xml: applySplices(xml, patcher.splices), droppedFormulas: patcher.dropped };
}

/** Validated edits grouped by row, rows and columns ascending; a later edit of a cell wins. */
function groupEdits(edits: readonly CellEdit[]): Map<number, Map<number, CellValue>> {
  const byRow = new Map<number, Map<number, CellValue>>();
  for (const e of edits) {
    if (!Number.isInteger(e.row) || e.row < 0 || e.row > MAX_ROW || !Number.isInteger(e.col) || e.col < 0 || e.col > MAX_COL) {
      throw new RangeError(`Celda fuera de la hoja: fila ${e.row}, columna ${e.col}`);
    }
    let cols = byRow.get(e.row);
    if (!cols) byRow.set(e.row, (cols = new Map()));
    cols.set(e.col, e.value);
  }
  const sorted = new Map([...byRow].sort((a, b) => a[0] - b[0]));
  for (const [r, cols] of sorted) sorted.set(r, new Map([...cols].sort((a, b) => a[0] - b[0])));
  return sorted;
}

class SheetPatcher {
  readonly splices: Splice[] = [];
  readonly dropped: Address[] = [];
  private readonly prefix: string;
  private readonly rows: RowInfo[];
  private readonly rowByIndex: Map<number, RowInfo>;
  private readonly cellsCache = new Map<RowInfo, CellInfo[]>();
  private readonly masters: SharedMaster[] = [];

  constructor(
    private readonly xml: string,
    private readonly sheetData: ElementSpan,
    private readonly edits: Map<number, Map<number, CellValue>>,
  ) {
    this.prefix = prefixOf(sheetData.qname);
    this.rows = scanRows(xml, sheetData);
    this.rowByIndex = new Map(this.rows.map((r) => [r.index, r]));
  }

  run(): void {
    this.insertNewRows();
    for (const [index, cols] of this.edits) {
      const row = this.rowByIndex.get(index);
      if (row) this.patchRow(row, cols);
    }
    for (const m of this.masters) this.promoteSharedFormula(m);
    this.updateDimension();
  }

  // ---------------------------------------------------------------- rows

  /** New rows go before the first existing row with a greater index, in one splice per spot. */
  private insertNewRows(): void {
    const byPosition = new Map<number, string[]>();
    for (const [index, cols] of this.edits) {
      if (this.rowByIndex.has(index)) continue;
      const cells = [...cols].filter(([, v]) => v !== null).map(([c, v]) => this.cell(index, c, v, undefined));
      if (cells.length === 0) continue;
      const next = this.rows[firstGreater(this.rows, index, (r) => r.index)];
      const at = next ? next.span.start : this.sheetData.closeStart;
      const text = `<${this.prefix}row r="${index + 1}">${cells.join('')}</${this.prefix}row>`;
      (byPosition.get(at) ?? byPosition.set(at, []).get(at)!).push(text);
    }
    for (const [at, texts] of byPosition) this.insertAt(at, texts.join(''));
  }

  /** Inserts inside sheetData; a self-closing `<sheetData/>` is opened first. */
  private insertAt(at: number, text: string): void {
    const sd = this.sheetData;
    if (!sd.selfClosing) return void this.splices.push({ start: at, end: at, text });
    const tag = openTag(this.xml, sd).replace(/\s*\/>$/, '>');
    this.splices.push({ start: sd.start, end: sd.end, text: `${tag}${text}</${sd.qname}>` });
  }

  private patchRow(row: RowInfo, cols: Map<number, CellValue>): void {
    const cells = this.cellsOf(row);
    const byCol = new Map(cells.map((c) => [c.col, c]));
    const inserts = new Map<number, string[]>();
    const newCols: number[] = [];
    for (const [col, value] of cols) {
      const existing = byCol.get(col);
      if (existing) {
        this.replaceCell(row, existing, value);
        continue;
      }
      if (value === null) continue; // nothing to clear
      const next = cells[firstGreater(cells, col, (c) => c.col)];
      // At the end: after the last cell, so a row's trailing <extLst> stays last.
      const at = next ? next.span.start : cells.length ? cells[cells.length - 1].span.end : row.span.openEnd;
      (inserts.get(at) ?? inserts.set(at, []).get(at)!).push(this.cell(row.index, col, value, undefined));
      newCols.push(col);
    }
    if (newCols.length === 0) return;
    if (row.span.selfClosing) return this.rewriteRowTag(row, newCols, [...inserts.values()].flat().join(''));
    for (const [at, texts] of inserts) this.splices.push({ start: at, end: at, text: texts.join('') });
    this.rewriteRowTag(row, newCols);
  }

  /** Widens the row's `spans` to its new cells; `content` opens a self-closing row. */
  private rewriteRowTag(row: RowInfo, cols: number[], content?: string): void {
    let tag = widenSpans(openTag(this.xml, row.span), cols);
    if (content !== undefined) {
      tag = tag.replace(/\s*\/>$/, '>');
      this.splices.push({ start: row.span.start, end: row.span.end, text: `${tag}${content}</${row.span.qname}>` });
      return;
    }
    if (tag !== openTag(this.xml, row.span)) this.splices.push({ start: row.span.start, end: row.span.openEnd, text: tag });
  }

  // ---------------------------------------------------------------- cells

  private cellsOf(row: RowInfo): CellInfo[] {
    let cells = this.cellsCache.get(row);
    if (!cells) this.cellsCache.set(row, (cells = row.span.selfClosing ? [] : scanCells(this.xml, row.span)));
    return cells;
  }

  private cell(row: number, col: number, value: CellValue, style: string | undefined): string {
    return cellXml(toA1({ row, col }), value, { prefix: this.prefix, style });
  }

  private replaceCell(row: RowInfo, cell: CellInfo, value: CellValue): void {
    const tag = openTag(this.xml, cell.span);
    const style = getAttr(tag, 's');
    this.splices.push({ start: cell.span.start, end: cell.span.end, text: this.cell(row.index, cell.col, value, style) });
    const f = cell.span.selfClosing ? undefined : findElement(this.xml, 'f', cell.span.openEnd, cell.span.closeStart);
    if (!f) return;
    const at = { row: row.index, col: cell.col };
    this.dropped.push(at);
    const fTag = openTag(this.xml, f);
    const si = getAttr(fTag, 'si');
    const ref = getAttr(fTag, 'ref');
    if (getAttr(fTag, 't') === 'shared' && si !== undefined && ref !== undefined && !f.selfClosing) {
      this.masters.push({ si, ref, at, formula: unescapeXml(this.xml.slice(f.openEnd, f.closeStart)) });
    }
  }

  // ---------------------------------------------------------------- shared formulas

  /**
   * The master of a shared formula was overwritten: its first remaining member becomes the
   * master, spelling out the formula moved to its own position; otherwise the members would
   * point at a formula that no longer exists and Excel would call the file damaged.
   */
  private promoteSharedFormula(m: SharedMaster): void {
    const members = this.sharedMembers(m);
    if (members.length === 0) return;
    const first = members[0];
    const range = {
      top: Math.min(...members.map((x) => x.at.row)),
      left: Math.min(...members.map((x) => x.at.col)),
      bottom: Math.max(...members.map((x) => x.at.row)),
      right: Math.max(...members.map((x) => x.at.col)),
    };
    const formula = shiftFormulaSafe(m.formula, first.at.row - m.at.row, first.at.col - m.at.col);
    let tag = setAttr(openTag(this.xml, first.f), 'ref', rangeToA1(range));
    tag = tag.replace(/\s*\/>$/, '>');
    this.splices.push({ start: first.f.start, end: first.f.end, text: `${tag}${escapeXml(formula)}</${first.f.qname}>` });
  }

  private sharedMembers(m: SharedMaster): { at: Address; f: ElementSpan }[] {
    const area = rangeFromA1(m.ref);
    const out: { at: Address; f: ElementSpan }[] = [];
    for (let r = area.top; r <= area.bottom; r++) {
      const row = this.rowByIndex.get(r);
      if (!row) continue;
      const edited = this.edits.get(r);
      for (const cell of this.cellsOf(row)) {
        if (cell.col < area.left || cell.col > area.right || edited?.has(cell.col) || cell.span.selfClosing) continue;
        const f = findElement(this.xml, 'f', cell.span.openEnd, cell.span.closeStart);
        if (!f) continue;
        const tag = openTag(this.xml, f);
        if (getAttr(tag, 't') === 'shared' && getAttr(tag, 'si') === m.si) out.push({ at: { row: r, col: cell.col }, f });
      }
    }
    return out;
  }

  // ---------------------------------------------------------------- dimension

  /** Widens `<dimension ref>` to cover written values; it is a hint readers trust. */
  private updateDimension(): void {
    const dim = findElement(this.xml, 'dimension', 0, this.sheetData.start);
    if (!dim) return;
    const tag = openTag(this.xml, dim);
    const ref = getAttr(tag, 'ref');
    let area = ref ? safeRange(ref) : undefined;
    const before = area && rangeToA1(area);
    for (const [r, cols] of this.edits) {
      for (const [c, v] of cols) {
        if (v === null) continue;
        area = area
          ? { top: Math.min(area.top, r), left: Math.min(area.left, c), bottom: Math.max(area.bottom, r), right: Math.max(area.right, c) }
          : { top: r, left: c, bottom: r, right: c };
      }
    }
    if (!area || rangeToA1(area) === before) return;
    this.splices.push({ start: dim.start, end: dim.openEnd, text: setAttr(tag, 'ref', rangeToA1(area)) });
  }
}

function scanRows(xml: string, sheetData: ElementSpan): RowInfo[] {
  if (sheetData.selfClosing) return [];
  const rows: RowInfo[] = [];
  let prev = -1;
  for (const span of childElements(xml, sheetData, true)) {
    if (localName(span.qname) !== 'row') continue;
    const r = getAttr(openTag(xml, span), 'r');
    const index = r !== undefined ? Number(r) - 1 : prev + 1;
    rows.push({ span, index });
    prev = index;
  }
  return rows;
}

function scanCells(xml: string, row: ElementSpan): CellInfo[] {
  const cells: CellInfo[] = [];
  const ref = { row: -1, col: -1 };
  let prev = -1;
  for (const span of childElements(xml, row, true)) {
    if (localName(span.qname) !== 'c') continue;
    const r = getAttr(openTag(xml, span), 'r');
    const col = r !== undefined ? parseCellRef(r, ref).col : prev + 1;
    cells.push({ span, col });
    prev = col;
  }
  return cells;
}

/** Index of the first item whose key exceeds `key` (items ascending), or items.length. */
function firstGreater<T>(items: readonly T[], key: number, keyOf: (t: T) => number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (keyOf(items[mid]) <= key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** `spans="2:5"` is a hint of the row's used columns (1-based); keep it covering new cells. */
function widenSpans(tag: string, cols: number[]): string {
  const spans = getAttr(tag, 'spans');
  if (spans === undefined) return tag;
  const nums = spans.split(/[\s:]+/).map(Number).filter(Number.isFinite);
  if (nums.length === 0) return tag;
  const lo = Math.min(...nums, ...cols.map((c) => c + 1));
  const hi = Math.max(...nums, ...cols.map((c) => c + 1));
  return `${lo}:${hi}` === spans ? tag : setAttr(tag, 'spans', `${lo}:${hi}`);
}

function safeRange(ref: string): CellRange | undefined {
  try {
    return rangeFromA1(ref);
  } catch {
    return undefined; // a malformed dimension is rewritten from the edits alone
  }
}
