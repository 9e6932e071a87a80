/**
 * An in-memory Excel that behaves like Office.js where our host depends on it:
 *
 * - proxies queue actions; nothing happens until `context.sync()`; a property read before
 *   it was loaded and synced throws (PropertyNotLoaded);
 * - `values` set: `null` keeps a cell, `''` clears it, a string is parsed the way Excel
 *   parses typed input (`=…`, `+…`, `-…` → formula; `1,900.00` → number; TRUE → boolean)
 *   unless the cell's number format is Text (`@`) or it starts with an apostrophe;
 * - a non-null value aimed at a merged area's non-top-left cell fails (as Excel refuses to
 *   change part of a merged cell);
 * - a request or response over 5 MB throws Request/ResponsePayloadSizeLimitExceeded, like
 *   Excel on the web, and a `values` read over 5 million cells answers `null`;
 * - `getMergedAreasOrNullObject` fails over 512 areas; addresses over 8,192 characters fail;
 * - syncs, request and response bytes, and every cell whose value was set are recorded.
 */
import type { CellRange } from '../../../src/engine/grid/cell';
import { rangeFromA1, rangeToA1 } from '../../../src/engine/grid/a1';

export const PAYLOAD_LIMIT = 5 * 1024 * 1024;
export const MAX_READ_CELLS = 5_000_000;
const PROXY_BYTES = 150;
const ACTION_BYTES = 100;

export class FakeOfficeError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly debugInfo: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'RichApi.Error';
  }
}

type Scalar = string | number | boolean;

export interface FakeCell {
  value?: Scalar;
  formula?: string;
  numberFormat?: string;
  fill?: string;
  bold?: boolean;
  hyperlink?: { documentReference?: string; address?: string; textToDisplay?: string };
}

export interface FakeChart {
  type: string;
  source: string;
  seriesBy?: string;
  title?: string;
}

const KEY = 16_384;
const key = (r: number, c: number): number => r * KEY + c;

const letters: string[] = [];
/** A1 of a cell, with the column letters cached (the fake converts hundreds of thousands). */
export function a1Of(r: number, c: number): string {
  let l = letters[c];
  if (l === undefined) {
    l = rangeToA1({ top: 0, left: c, bottom: 0, right: c }).replace(/\d+$/, '');
    letters[c] = l;
  }
  return l + String(r + 1);
}

const bytesOf = (v: unknown): number => Buffer.byteLength(JSON.stringify(v ?? null), 'utf8');

export class FakeSheet {
  readonly cells = new Map<number, FakeCell>();
  merges: CellRange[] = [];
  readonly charts: FakeChart[] = [];
  protected = false;
  constructor(public name: string) {}

  cell(r: number, c: number): FakeCell | undefined {
    return this.cells.get(key(r, c));
  }
  ensure(r: number, c: number): FakeCell {
    let cell = this.cells.get(key(r, c));
    if (!cell) {
      cell = {};
      this.cells.set(key(r, c), cell);
    }
    return cell;
  }
  /** The value as Office.js returns it: `''` for an empty cell. */
  valueAt(a1OrRow: string | number, col?: number): Scalar {
    const { r, c } = typeof a1OrRow === 'string' ? at(a1OrRow) : { r: a1OrRow, c: col ?? 0 };
    return this.cell(r, c)?.value ?? '';
  }
  get(a1: string): FakeCell | undefined {
    const { r, c } = at(a1);
    return this.cell(r, c);
  }
  /** Bounding box of used cells (values only, or values and formats). */
  usedRange(valuesOnly: boolean): CellRange | null {
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    for (const [k, cell] of this.cells) {
      const used = cell.value !== undefined || (!valuesOnly && (cell.numberFormat !== undefined || cell.fill !== undefined || cell.bold));
      if (!used) continue;
      const r = Math.floor(k / KEY);
      const c = k % KEY;
      if (r < top) top = r;
      if (r > bottom) bottom = r;
      if (c < left) left = c;
      if (c > right) right = c;
    }
    return bottom < 0 ? null : { top, left, bottom, right };
  }
  private mergeIndex: { of: CellRange[]; byCell: Map<number, CellRange> } | null = null;
  mergeAt(r: number, c: number): CellRange | undefined {
    if (this.mergeIndex?.of !== this.merges) {
      const byCell = new Map<number, CellRange>();
      for (const m of this.merges) for (let i = m.top; i <= m.bottom; i++) for (let j = m.left; j <= m.right; j++) byCell.set(key(i, j), m);
      this.mergeIndex = { of: this.merges, byCell };
    }
    return this.mergeIndex.byCell.get(key(r, c));
  }
  /** Every cell's state, for before/after comparisons. */
  snapshot(): Map<string, FakeCell> {
    const out = new Map<string, FakeCell>();
    for (const [k, cell] of this.cells) out.set(a1Of(Math.floor(k / KEY), k % KEY), { ...cell });
    return out;
  }
}

function at(a1: string): { r: number; c: number } {
  const r = rangeFromA1(a1);
  return { r: r.top, c: r.left };
}

function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** What Excel makes of a string typed (or set through `values`) into a cell. */
export function parseInput(s: string, numberFormat: string | undefined): { value?: Scalar; formula?: string } {
  if (s === '') return {};
  if (numberFormat === '@') return { value: s };
  if (s.startsWith("'")) return { value: s.slice(1) };
  if (/^[=+@]./.test(s) || /^-./.test(s) && !/^-\s*[\d.,]+$/.test(s)) return { formula: s, value: '#NAME?' };
  const num = /^\s*([-+]?)(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?\s*$/.exec(s);
  if (num && (num[2] || num[4])) return { value: Number(s.replace(/[,\s]/g, '')) };
  if (/^(true|false)$/i.test(s)) return { value: s.toUpperCase() === 'TRUE' };
  return { value: s };
}

export interface SyncRecord {
  readonly request: number;
  readonly response: number;
  readonly actions: number;
}

export interface ValueWrite {
  readonly sheet: string;
  readonly a1: string;
}

export interface SheetInit {
  values?: (Scalar | null | undefined)[][];
  merges?: CellRange[];
  numberFormats?: Map<string, string>;
}

export class FakeWorkbook {
  readonly sheets: FakeSheet[] = [];
  active = '';
  selection: { sheet: string; address: string } | null = null;
  cellEditMode = false;
  readonly syncs: SyncRecord[] = [];
  /** Every cell that received a non-null value (or was cleared with ''), in order. */
  readonly valueWrites: ValueWrite[] = [];
  readonly formatWrites: ValueWrite[] = [];
  calculationSuspensions = 0;
  private batches = 0;

  addSheet(name: string, init: SheetInit = {}): FakeSheet {
    const sheet = new FakeSheet(name);
    init.values?.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v !== null && v !== undefined && v !== '') sheet.ensure(r, c).value = v;
      }),
    );
    sheet.merges = [...(init.merges ?? [])];
    init.numberFormats?.forEach((f, a1) => {
      const { r, c } = at(a1);
      sheet.ensure(r, c).numberFormat = f;
    });
    this.sheets.push(sheet);
    if (!this.active) this.active = name;
    return sheet;
  }
  sheet(name: string): FakeSheet {
    const s = this.find(name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  }
  find(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }
  /** `Excel.run` over this workbook. */
  readonly run = async <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    this.batches++;
    const context = new FakeContext(this);
    return batch(context as unknown as Excel.RequestContext);
  };
  get runs(): number {
    return this.batches;
  }
  resetStats(): void {
    this.syncs.length = 0;
    this.valueWrites.length = 0;
    this.formatWrites.length = 0;
    this.calculationSuspensions = 0;
  }
  get maxRequest(): number {
    return Math.max(0, ...this.syncs.map((s) => s.request));
  }
  get maxResponse(): number {
    return Math.max(0, ...this.syncs.map((s) => s.response));
  }
}

interface Action {
  readonly request: number;
  /** Runs at sync; returns the bytes it adds to the response. */
  readonly apply: () => number;
}

export class FakeContext {
  private queue: Action[] = [];
  readonly workbook: FakeWorkbookProxy;
  readonly application: { suspendApiCalculationUntilNextSync(): void };
  constructor(readonly book: FakeWorkbook) {
    this.workbook = new FakeWorkbookProxy(this);
    this.application = {
      suspendApiCalculationUntilNextSync: () =>
        this.enqueue(ACTION_BYTES, () => {
          book.calculationSuspensions++;
          return 0;
        }),
    };
  }
  enqueue(request: number, apply: () => number): void {
    this.queue.push({ request, apply });
  }
  async sync(): Promise<void> {
    const actions = this.queue;
    this.queue = [];
    const request = 200 + actions.reduce((n, a) => n + a.request, 0);
    if (this.book.cellEditMode) {
      this.book.syncs.push({ request, response: 0, actions: actions.length });
      throw new FakeOfficeError('InvalidOperationInCellEditMode', 'Excel is in cell-editing mode.');
    }
    if (request > PAYLOAD_LIMIT) {
      this.book.syncs.push({ request, response: 0, actions: actions.length });
      throw new FakeOfficeError('RequestPayloadSizeLimitExceeded', `The request payload size has exceeded the limit (${request} bytes).`);
    }
    let response = 100;
    try {
      for (const a of actions) response += a.apply();
    } finally {
      this.book.syncs.push({ request, response, actions: actions.length });
    }
    if (response > PAYLOAD_LIMIT) {
      throw new FakeOfficeError('ResponsePayloadSizeLimitExceeded', `The response payload size has exceeded the limit (${response} bytes).`);
    }
  }
}

/** Properties read before load + sync throw, as Office.js does. */
class Loadable {
  protected loaded = new Map<string, unknown>();
  protected read<T>(prop: string): T {
    if (!this.loaded.has(prop)) {
      throw new FakeOfficeError('PropertyNotLoaded', `The property '${prop}' is not available. Call load() and sync() first.`);
    }
    return this.loaded.get(prop) as T;
  }
  protected props(p: string | string[] | undefined): string[] {
    if (p === undefined) return [];
    return (Array.isArray(p) ? p : p.split(',')).map((s) => s.trim()).filter(Boolean);
  }
}

class FakeWorkbookProxy {
  readonly worksheets: FakeWorksheets;
  constructor(readonly ctx: FakeContext) {
    this.worksheets = new FakeWorksheets(ctx);
  }
}

class FakeWorksheets extends Loadable {
  constructor(private readonly ctx: FakeContext) {
    super();
  }
  private get book(): FakeWorkbook {
    return this.ctx.book;
  }
  get items(): FakeWorksheet[] {
    return this.read('items');
  }
  load(p?: string | string[]): this {
    this.ctx.enqueue(ACTION_BYTES + bytesOf(p), () => {
      const items = this.book.sheets.map((s) => {
        const ws = new FakeWorksheet(this.ctx, () => s, false);
        ws.setLoaded('name', s.name);
        return ws;
      });
      this.loaded.set('items', items);
      return bytesOf(items.map((i) => ({ name: i.name })));
    });
    return this;
  }
  getItem(name: string): FakeWorksheet {
    this.ctx.enqueue(PROXY_BYTES + bytesOf(name), () => 0);
    return new FakeWorksheet(this.ctx, () => this.book.find(name), false, name);
  }
  getItemOrNullObject(name: string): FakeWorksheet {
    this.ctx.enqueue(PROXY_BYTES + bytesOf(name), () => 0);
    return new FakeWorksheet(this.ctx, () => this.book.find(name), true, name);
  }
  getActiveWorksheet(): FakeWorksheet {
    this.ctx.enqueue(PROXY_BYTES, () => 0);
    return new FakeWorksheet(this.ctx, () => this.book.find(this.book.active), false);
  }
  add(name: string): FakeWorksheet {
    this.ctx.enqueue(PROXY_BYTES + bytesOf(name), () => {
      if (this.book.find(name)) throw new FakeOfficeError('ItemAlreadyExists', `A sheet named ${name} already exists.`);
      this.book.sheets.push(new FakeSheet(name));
      return 0;
    });
    return new FakeWorksheet(this.ctx, () => this.book.find(name), false, name);
  }
}

type Resolve<T> = () => T | undefined;

class FakeWorksheet extends Loadable {
  readonly charts: FakeCharts;
  constructor(
    private readonly ctx: FakeContext,
    private readonly resolve: Resolve<FakeSheet>,
    private readonly orNull: boolean,
    private readonly label = '',
  ) {
    super();
    this.charts = new FakeCharts(ctx, () => this.sheet());
  }
  setLoaded(prop: string, v: unknown): void {
    this.loaded.set(prop, v);
  }
  /** The sheet, or throws ItemNotFound (a null object resolves to undefined instead). */
  sheet(): FakeSheet {
    const s = this.resolve();
    if (!s) throw new FakeOfficeError('ItemNotFound', `The requested resource doesn't exist (${this.label}).`);
    return s;
  }
  private sheetOrNull(): FakeSheet | undefined {
    return this.orNull ? this.resolve() : this.sheet();
  }
  get name(): string {
    return this.read('name');
  }
  get isNullObject(): boolean {
    return this.read('isNullObject');
  }
  load(p?: string | string[]): this {
    const props = this.props(p);
    this.ctx.enqueue(ACTION_BYTES + bytesOf(p), () => {
      const s = this.sheetOrNull();
      this.loaded.set('isNullObject', !s);
      if (s) for (const prop of props) if (prop === 'name') this.loaded.set('name', s.name);
      return bytesOf({ isNullObject: !s, name: s?.name });
    });
    return this;
  }
  private range(resolve: () => CellRange | undefined, args: unknown, orNull = false): FakeRange {
    this.ctx.enqueue(PROXY_BYTES + bytesOf(args), () => 0);
    return new FakeRange(
      this.ctx,
      () => {
        const s = this.orNull ? this.resolve() : this.sheet();
        if (!s) return undefined;
        const r = resolve.call(this);
        return r ? { sheet: s, r } : undefined;
      },
      orNull || this.orNull,
    );
  }
  getRange(address?: string): FakeRange {
    if (address !== undefined && address.length > 8192) throw new FakeOfficeError('InvalidArgument', 'Address too long');
    return this.range(() => (address === undefined ? { top: 0, left: 0, bottom: 1_048_575, right: 16_383 } : rangeFromA1(address)), [address]);
  }
  getRangeByIndexes(row: number, col: number, rows: number, cols: number): FakeRange {
    if (rows < 1 || cols < 1) throw new FakeOfficeError('InvalidArgument', 'Empty range');
    return this.range(() => ({ top: row, left: col, bottom: row + rows - 1, right: col + cols - 1 }), [row, col, rows, cols]);
  }
  getUsedRange(valuesOnly?: boolean): FakeRange {
    return this.range(() => this.sheet().usedRange(!!valuesOnly) ?? { top: 0, left: 0, bottom: 0, right: 0 }, [valuesOnly]);
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    return this.range(() => this.resolve()?.usedRange(!!valuesOnly) ?? undefined, [valuesOnly], true);
  }
  getRanges(address: string): FakeRangeAreas {
    this.ctx.enqueue(PROXY_BYTES + bytesOf(address), () => {
      if (address.length > 8192) throw new FakeOfficeError('InvalidArgument', 'The address has more than 8192 characters.');
      return 0;
    });
    return new FakeRangeAreas(this.ctx, () => {
      const s = this.sheet();
      return { sheet: s, areas: address.split(/[,;]/).map((a) => rangeFromA1(a.trim())) };
    });
  }
  delete(): void {
    this.ctx.enqueue(ACTION_BYTES, () => {
      const s = this.sheetOrNull();
      if (!s) return 0;
      const book = this.ctx.book;
      if (book.sheets.length === 1) throw new FakeOfficeError('InvalidOperation', 'A workbook must contain at least one visible worksheet.');
      book.sheets.splice(book.sheets.indexOf(s), 1);
      if (book.active === s.name) book.active = book.sheets[0].name;
      return 0;
    });
  }
  activate(): void {
    this.ctx.enqueue(ACTION_BYTES, () => {
      this.ctx.book.active = this.sheet().name;
      return 0;
    });
  }
}

interface Located {
  sheet: FakeSheet;
  r: CellRange;
}

class FakeRange extends Loadable {
  readonly format: {
    fill: { color: string; clear(): void };
    font: { bold: boolean };
    autofitColumns(): void;
  };
  constructor(
    private readonly ctx: FakeContext,
    private readonly resolve: () => Located | undefined,
    private readonly orNull = false,
  ) {
    super();
    const set = (fn: (cell: FakeCell) => void): void => this.eachCell(fn);
    const fill = {
      set color(c: string) {
        ctxEnqueue(bytesOf(c), () => set((cell) => (cell.fill = c)));
      },
      get color(): string {
        throw new FakeOfficeError('PropertyNotLoaded', 'format.fill.color not loaded');
      },
      clear: () => ctxEnqueue(0, () => set((cell) => (cell.fill = undefined))),
    };
    const font = {
      set bold(b: boolean) {
        ctxEnqueue(bytesOf(b), () => set((cell) => (cell.bold = b)));
      },
      get bold(): boolean {
        throw new FakeOfficeError('PropertyNotLoaded', 'format.font.bold not loaded');
      },
    };
    const ctxEnqueue = (bytes: number, fn: () => void): void =>
      this.ctx.enqueue(ACTION_BYTES + bytes, () => {
        fn();
        return 0;
      });
    this.format = { fill, font, autofitColumns: () => ctxEnqueue(0, () => this.located()) };
  }
  private located(): Located {
    const l = this.resolve();
    if (!l) throw new FakeOfficeError('ItemNotFound', 'The range does not exist.');
    return l;
  }
  private eachCell(fn: (cell: FakeCell, r: number, c: number) => void): void {
    const { sheet, r } = this.located();
    for (let i = r.top; i <= r.bottom; i++) for (let j = r.left; j <= r.right; j++) fn(sheet.ensure(i, j), i, j);
  }
  private cellCount(r: CellRange): number {
    return (r.bottom - r.top + 1) * (r.right - r.left + 1);
  }

  get values(): Scalar[][] {
    return this.read('values');
  }
  set values(data: (Scalar | null)[][]) {
    this.ctx.enqueue(ACTION_BYTES + bytesOf(data), () => {
      const { sheet, r } = this.located();
      this.checkShape(data, r);
      const book = this.ctx.book;
      if (sheet.protected) throw new FakeOfficeError('AccessDenied', 'The sheet is protected.');
      data.forEach((row, i) =>
        row.forEach((v, j) => {
          if (v === null) return;
          const rr = r.top + i;
          const cc = r.left + j;
          const m = sheet.mergeAt(rr, cc);
          if (m && (m.top !== rr || m.left !== cc)) {
            throw new FakeOfficeError('InvalidOperation', `Cannot change part of a merged cell (${rangeToA1(m)}).`);
          }
          const cell = sheet.ensure(rr, cc);
          delete cell.formula;
          delete cell.value;
          if (typeof v === 'string') Object.assign(cell, parseInput(v, cell.numberFormat));
          else cell.value = v;
          book.valueWrites.push({ sheet: sheet.name, a1: a1Of(rr, cc) });
        }),
      );
      return 0;
    });
  }
  get numberFormat(): string[][] {
    return this.read('numberFormat');
  }
  set numberFormat(data: (string | null)[][]) {
    this.ctx.enqueue(ACTION_BYTES + bytesOf(data), () => {
      const { sheet, r } = this.located();
      this.checkShape(data, r);
      data.forEach((row, i) =>
        row.forEach((f, j) => {
          if (f === null) return;
          sheet.ensure(r.top + i, r.left + j).numberFormat = f;
          this.ctx.book.formatWrites.push({ sheet: sheet.name, a1: a1Of(r.top + i, r.left + j) });
        }),
      );
      return 0;
    });
  }
  set hyperlink(link: { documentReference?: string; address?: string; textToDisplay?: string }) {
    this.ctx.enqueue(ACTION_BYTES + bytesOf(link), () => {
      this.eachCell((cell) => {
        cell.hyperlink = { ...link };
        if (link.textToDisplay !== undefined) {
          delete cell.formula;
          cell.value = link.textToDisplay;
        }
      });
      return 0;
    });
  }
  get address(): string {
    return this.read('address');
  }
  get rowIndex(): number {
    return this.read('rowIndex');
  }
  get columnIndex(): number {
    return this.read('columnIndex');
  }
  get rowCount(): number {
    return this.read('rowCount');
  }
  get columnCount(): number {
    return this.read('columnCount');
  }
  get isNullObject(): boolean {
    return this.read('isNullObject');
  }
  load(p?: string | string[]): this {
    const props = this.props(p);
    this.ctx.enqueue(ACTION_BYTES + bytesOf(p), () => {
      const l = this.orNull ? this.resolve() : this.located();
      const out: Record<string, unknown> = { isNullObject: !l };
      if (l) {
        const { sheet, r } = l;
        for (const prop of props) {
          switch (prop) {
            case 'values': {
              if (this.cellCount(r) > MAX_READ_CELLS) {
                out.values = null;
                break;
              }
              const rows: Scalar[][] = [];
              for (let i = r.top; i <= r.bottom; i++) {
                const row: Scalar[] = [];
                for (let j = r.left; j <= r.right; j++) row.push(sheet.cell(i, j)?.value ?? '');
                rows.push(row);
              }
              out.values = rows;
              break;
            }
            case 'numberFormat': {
              const rows: string[][] = [];
              for (let i = r.top; i <= r.bottom; i++) {
                const row: string[] = [];
                for (let j = r.left; j <= r.right; j++) row.push(sheet.cell(i, j)?.numberFormat ?? 'General');
                rows.push(row);
              }
              out.numberFormat = rows;
              break;
            }
            case 'address':
              out.address = `${quoteSheet(sheet.name)}!${rangeToA1(r)}`;
              break;
            case 'rowIndex':
              out.rowIndex = r.top;
              break;
            case 'columnIndex':
              out.columnIndex = r.left;
              break;
            case 'rowCount':
              out.rowCount = r.bottom - r.top + 1;
              break;
            case 'columnCount':
              out.columnCount = r.right - r.left + 1;
              break;
            case 'isNullObject':
              break;
            default:
              throw new FakeOfficeError('InvalidArgument', `The fake does not load '${prop}'.`);
          }
        }
      }
      for (const [k, v] of Object.entries(out)) this.loaded.set(k, v);
      return bytesOf(out);
    });
    return this;
  }
  getMergedAreasOrNullObject(): FakeRangeAreas {
    this.ctx.enqueue(PROXY_BYTES, () => 0);
    return new FakeRangeAreas(
      this.ctx,
      () => {
        const { sheet, r } = this.located();
        const areas = sheet.merges.filter((m) => m.top <= r.bottom && m.bottom >= r.top && m.left <= r.right && m.right >= r.left);
        if (areas.length > 512) throw new FakeOfficeError('GeneralException', 'More than 512 merged areas in the range.');
        return areas.length ? { sheet, areas } : undefined;
      },
      true,
    );
  }
  select(): void {
    this.ctx.enqueue(ACTION_BYTES, () => {
      const { sheet, r } = this.located();
      this.ctx.book.active = sheet.name;
      this.ctx.book.selection = { sheet: sheet.name, address: rangeToA1(r) };
      return 0;
    });
  }
  clear(): void {
    this.ctx.enqueue(ACTION_BYTES, () => {
      const { sheet, r } = this.located();
      for (let i = r.top; i <= r.bottom; i++) for (let j = r.left; j <= r.right; j++) sheet.cells.delete(key(i, j));
      return 0;
    });
  }
  private checkShape(data: unknown[][], r: CellRange): void {
    const rows = r.bottom - r.top + 1;
    const cols = r.right - r.left + 1;
    if (data.length !== rows || data.some((row) => row.length !== cols)) {
      throw new FakeOfficeError('InvalidArgument', `The number of rows or columns in the input array doesn't match the size or dimensions of the range.`);
    }
  }
}

class FakeRangeAreas extends Loadable {
  readonly format: { fill: { color: string; clear(): void } };
  constructor(
    private readonly ctx: FakeContext,
    private readonly resolve: () => { sheet: FakeSheet; areas: CellRange[] } | undefined,
    private readonly orNull = false,
  ) {
    super();
    const each = (fn: (cell: FakeCell) => void): void => {
      const l = this.resolve();
      if (!l) throw new FakeOfficeError('ItemNotFound', 'The range does not exist.');
      for (const a of l.areas) for (let i = a.top; i <= a.bottom; i++) for (let j = a.left; j <= a.right; j++) fn(l.sheet.ensure(i, j));
    };
    const enqueue = (bytes: number, fn: () => void): void =>
      ctx.enqueue(ACTION_BYTES + bytes, () => {
        fn();
        return 0;
      });
    this.format = {
      fill: {
        set color(c: string) {
          enqueue(bytesOf(c), () => each((cell) => (cell.fill = c)));
        },
        get color(): string {
          throw new FakeOfficeError('PropertyNotLoaded', 'format.fill.color not loaded');
        },
        clear: () => enqueue(0, () => each((cell) => (cell.fill = undefined))),
      },
    };
  }
  get address(): string {
    return this.read('address');
  }
  get areaCount(): number {
    return this.read('areaCount');
  }
  get isNullObject(): boolean {
    return this.read('isNullObject');
  }
  load(p?: string | string[]): this {
    this.ctx.enqueue(ACTION_BYTES + bytesOf(p), () => {
      const l = this.resolve();
      if (!l && !this.orNull) throw new FakeOfficeError('ItemNotFound', 'The range does not exist.');
      const out = {
        isNullObject: !l,
        address: l ? l.areas.map((a) => `${quoteSheet(l.sheet.name)}!${rangeToA1(a)}`).join(', ') : undefined,
        areaCount: l?.areas.length ?? 0,
      };
      for (const [k, v] of Object.entries(out)) this.loaded.set(k, v);
      return bytesOf(out);
    });
    return this;
  }
}

class FakeCharts {
  constructor(
    private readonly ctx: FakeContext,
    private readonly sheet: () => FakeSheet,
  ) {}
  add(type: string, source: FakeRange, seriesBy?: string): unknown {
    const chart: FakeChart = { type, source: '', seriesBy };
    this.ctx.enqueue(PROXY_BYTES + bytesOf([type, seriesBy]), () => {
      const s = this.sheet();
      // Resolve the source range's address through a private load-free path.
      chart.source = (source as unknown as { resolveAddress(): string }).resolveAddress();
      s.charts.push(chart);
      return 0;
    });
    const ctx = this.ctx;
    const set = (fn: () => void): void =>
      ctx.enqueue(ACTION_BYTES, () => {
        fn();
        return 0;
      });
    return {
      title: {
        set text(t: string) {
          set(() => (chart.title = t));
        },
      },
      legend: {
        set visible(_v: boolean) {
          set(() => undefined);
        },
      },
      setPosition: () => set(() => undefined),
    };
  }
}

// Give ranges a way for charts to know their source without a load round trip.
(FakeRange.prototype as unknown as { resolveAddress(this: FakeRange): string }).resolveAddress = function (this: FakeRange): string {
  const l = (this as unknown as { resolve: () => Located | undefined }).resolve();
  if (!l) throw new FakeOfficeError('ItemNotFound', 'Chart source does not exist.');
  return `${quoteSheet(l.sheet.name)}!${rangeToA1(l.r)}`;
};
