/**
 * Streams a worksheet part into the engine's Grid: cached values (never formulas), text
 * kept as text (`'1,900.00'` stays a string), merged areas. Rows and cells may lack their
 * `r` attribute: they are then placed after the previous one, as the spec says.
 */
import type { CellRange, CellValue, Grid } from '../../engine/grid/cell';
import { rangeFromA1 } from '../../engine/grid/a1';
import { parseCellRef, type ParsedRef } from './cell-ref';
import { RichTextCollector } from './rich-text';
import { decodeOoxmlString, localName, streamXml, type Attributes } from './xml';

export function readWorksheet(text: string, part: string, sharedStrings: readonly string[]): Grid {
  const reader = new WorksheetReader(sharedStrings);
  streamXml(text, part, (parser) => {
    parser.on('opentag', (t) => reader.open(localName(t.name), t.attributes as Attributes));
    parser.on('closetag', (t) => reader.close(localName(t.name)));
    parser.on('text', (t) => reader.text(t));
    parser.on('cdata', (t) => reader.text(t));
  });
  return { rows: reader.rows, merges: reader.merges };
}

class WorksheetReader {
  readonly rows: (CellValue[] | undefined)[] = [];
  readonly merges: CellRange[] = [];
  private inSheetData = false;
  private row = -1;
  private rowHasRef = false;
  private col = -1;
  private inCell = false;
  private cellType = 'n';
  private inValue = false;
  private value: string | undefined;
  private inInline = false;
  private inlineText: string | undefined;
  private readonly rich = new RichTextCollector();
  private readonly ref: ParsedRef = { row: -1, col: -1 };

  constructor(private readonly sharedStrings: readonly string[]) {}

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
    if (colon < 0) return rangeFromA1(ref);
    const a = parseCellRef(ref.slice(0, colon), this.ref);
    const top = a.row;
    const left = a.col;
    const b = parseCellRef(ref.slice(colon + 1), this.ref);
    // Whole rows/columns ("A:A") or anything unusual: the strict engine parser decides.
    if (top < 0 || left < 0 || b.row < 0 || b.col < 0) return rangeFromA1(ref);
    return { top: Math.min(top, b.row), left: Math.min(left, b.col), bottom: Math.max(top, b.row), right: Math.max(left, b.col) };
  }

  private openRow(a: Attributes): void {
    this.rowHasRef = a.r !== undefined;
    this.row = this.rowHasRef ? Number(a.r) - 1 : this.row + 1;
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
    this.inCell = true;
    this.cellType = a.t ?? 'n';
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
    const v = this.cellValue();
    if (v !== null && this.row >= 0 && this.col >= 0) this.place(v);
  }

  private cellValue(): CellValue {
    const v = this.value;
    switch (this.cellType) {
      case 's':
        return v === undefined || v === '' ? null : (this.sharedStrings[Number(v)] ?? null);
      case 'inlineStr':
        return this.inlineText ?? (v === undefined ? null : decodeOoxmlString(v));
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

  private place(v: CellValue): void {
    let cells = this.rows[this.row];
    if (!cells) cells = this.rows[this.row] = [];
    while (cells.length < this.col) cells.push(null);
    cells[this.col] = v;
  }
}

function numberValue(v: string | undefined): CellValue {
  if (v === undefined || v === '') return null;
  const n = Number(v);
  if (!Number.isNaN(n)) return v.charCodeAt(0) > 32 ? n : v.trim() === '' ? null : n;
  // A non-numeric text in a numeric cell is malformed; keep what the file says.
  return v;
}
