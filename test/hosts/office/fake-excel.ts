/**
 * An in-memory Excel that behaves like Office.js where our host depends on it. Every proxy
 * class `implements` the narrow Office.js slice in src/hosts/office/excel-api.ts (itself
 * `Pick<Excel.X, …>` of the real types), with no cast: the compiler ties the fake to
 * @types/office-js. What it assumes of Excel without proof is listed in
 * docs/excel-assumptions.md.
 *
 * - proxies queue actions; nothing happens until `context.sync()`; a property read before
 *   it was loaded and synced throws (PropertyNotLoaded);
 * - `values`/`formulas` set: `null` keeps a cell, `''` clears it, a string is parsed the way
 *   Excel parses typed input (`=…`, `+…`, `-…` → formula; `1,900.00` → number; TRUE → boolean)
 *   unless the cell's number format is Text (`@`) or it starts with an apostrophe;
 * - a non-null value aimed at a merged area's non-top-left cell fails (as Excel refuses to
 *   change part of a merged cell);
 * - a request or response over 5 MB throws Request/ResponsePayloadSizeLimitExceeded, like
 *   Excel on the web, and a `values` read over 5 million cells answers `null`;
 * - `getMergedAreasOrNullObject` fails over 512 areas; addresses over 8,192 characters fail;
 * - a protected sheet refuses writes, a protected workbook structure refuses adding and
 *   deleting sheets (AccessDenied);
 * - worksheet-scoped names, conditional formats (custom formulas, evaluated by a tiny
 *   evaluator for the forms the host writes), sheet visibility, merges;
 * - undo: each sync that changes something is one undo step, or one per `Excel.run` with
 *   `mergeUndoGroup` where the book says it is supported;
 * - syncs, request and response bytes, and every cell whose value was set are recorded;
 *   `failWritesTo` makes every write to one sheet fail, to test a failure halfway.
 */
import type { CellRange } from '../../../src/engine/grid/cell';
import { rangeFromA1, rangeToA1 } from '../../../src/engine/grid/a1';
import type {
  ApplicationApi,
  ChartApi,
  ChartsApi,
  ConditionalFormatApi,
  ConditionalFormatsApi,
  CustomConditionalFormatApi,
  ExcelContext,
  ExcelRun,
  FillApi,
  NamedItemApi,
  NamesApi,
  RangeAreasApi,
  RangeApi,
  RangeFormatApi,
  WorkbookApi,
  WorkbookProtectionApi,
  WorksheetApi,
  WorksheetProtectionApi,
  WorksheetsApi,
} from '../../../src/hosts/office/excel-api';

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
  /** A static fill (the template's own colours); the host must never touch it. */
  fill?: string;
  bold?: boolean;
}

export interface FakeChart {
  type: string;
  source: string;
  seriesBy?: string;
  title?: string;
}

/** A conditional format: custom formula relative to the first area's top-left cell. */
export interface FakeConditionalFormat {
  readonly id: number;
  areas: CellRange[];
  formula: string;
  fill?: string;
  stopIfTrue?: boolean;
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
  /** Worksheet-scoped names: name → formula, and whether shown in Name Manager. */
  readonly names = new Map<string, { formula: string; visible: boolean }>();
  readonly conditionalFormats: FakeConditionalFormat[] = [];
  visibility: 'Visible' | 'Hidden' | 'VeryHidden' = 'Visible';
  frozenRows = 0;
  readonly columnWidths = new Map<number, number>();
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
  /** Set a cell as a planner typing into it would (a string is parsed like typed input). */
  type(a1: string, v: Scalar): void {
    const { r, c } = at(a1);
    const cell = this.ensure(r, c);
    delete cell.formula;
    delete cell.value;
    Object.assign(cell, typeof v === 'string' ? parseInput(v, cell.numberFormat) : { value: v });
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
  /**
   * The fill a cell shows: the first conditional format whose formula holds for it (in
   * the order they were added), else its static fill.
   */
  shownFill(a1: string): string | undefined {
    const { r, c } = at(a1);
    for (const cf of this.conditionalFormats) {
      const inside = cf.areas.some((a) => r >= a.top && r <= a.bottom && c >= a.left && c <= a.right);
      if (!inside) continue;
      const origin = cf.areas[0];
      if (evaluateCondition(cf.formula, this, r - origin.top, c - origin.left)) return cf.fill;
    }
    return this.cell(r, c)?.fill;
  }
}

function at(a1: string): { r: number; c: number } {
  const r = rangeFromA1(a1);
  return { r: r.top, c: r.left };
}

function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/**
 * Evaluates the forms of conditional-format formula the host writes: `AND(…)` of
 * `ISNUMBER(ref)`, `ref<n`, `ref<=n`, `ref>n`, `ref>=n` and `"text"<>""`, with refs relative
 * to the format's origin. Anything else throws, so a new form cannot pass untested.
 */
export function evaluateCondition(formula: string, sheet: FakeSheet, dr: number, dc: number): boolean {
  const body = formula.replace(/^=/, '');
  const and = /^AND\((.*)\)$/i.exec(body);
  const terms = and ? splitArgs(and[1]) : [body];
  const valueOf = (ref: string): Scalar => {
    const { r, c } = at(ref.replace(/\$/g, ''));
    return sheet.valueAt(r + dr, c + dc);
  };
  return terms.every((t) => {
    const isNum = /^ISNUMBER\(([A-Z]+\d+)\)$/i.exec(t);
    if (isNum) return typeof valueOf(isNum[1]) === 'number';
    const cmp = /^([A-Z]+\d+)(<=|>=|<|>)(-?\d+(?:\.\d+)?)$/i.exec(t);
    if (cmp) {
      const v = valueOf(cmp[1]);
      const n = Number(cmp[3]);
      // Excel ranks any text above every number and a blank as 0.
      const x = typeof v === 'number' ? v : v === '' ? 0 : Infinity;
      return cmp[2] === '<' ? x < n : cmp[2] === '<=' ? x <= n : cmp[2] === '>' ? x > n : x >= n;
    }
    const str = /^"([^"]*)"<>""$/.exec(t);
    if (str) return str[1] !== '';
    throw new Error(`The fake cannot evaluate the condition ${t}`);
  });
}

function splitArgs(s: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quoted = false;
  let cur = '';
  for (const ch of s) {
    if (ch === '"') quoted = !quoted;
    if (!quoted && ch === '(') depth++;
    if (!quoted && ch === ')') depth--;
    if (!quoted && depth === 0 && ch === ',') {
      out.push(cur.trim());
      cur = '';
    } else cur += ch;
  }
  out.push(cur.trim());
  return out;
}

/** What Excel makes of a string typed (or set through `values`) into a cell. */
export function parseInput(s: string, numberFormat: string | undefined): { value?: Scalar; formula?: string } {
  if (s === '') return {};
  if (numberFormat === '@') return { value: s };
  if (s.startsWith("'")) return { value: s.slice(1) };
  if (/^[=+@]./.test(s) || /^-./.test(s) && !/^-\s*[\d.,]+$/.test(s)) {
    // HYPERLINK("target","text") shows its text; any other formula is beyond the fake.
    const link = /^=HYPERLINK\("((?:[^"]|"")*)","((?:[^"]|"")*)"\)$/i.exec(s);
    return { formula: s, value: link ? link[2].replace(/""/g, '"') : '#NAME?' };
  }
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
  fills?: Map<string, string>;
}

export class FakeWorkbook {
  readonly sheets: FakeSheet[] = [];
  active = '';
  selection: { sheet: string; address: string } | null = null;
  cellEditMode = false;
  /** Workbook structure protection: sheets cannot be added or deleted. */
  structureProtected = false;
  /** Excel 2021+/365 (ExcelApi 1.20): `mergeUndoGroup` merges a run's syncs into one undo step. */
  undoGroupSupported = false;
  /** In a grouped (`mergeUndoGroup`) run, these kinds of change throw UndoNotSupported. */
  undoNotSupported = new Set<'cells' | 'structure'>();
  /** Whether the sync being applied belongs to a grouped run. */
  syncingGrouped = false;
  /** Every write aimed at this sheet fails with GeneralException (a failure halfway). */
  failWritesTo: string | null = null;
  readonly syncs: SyncRecord[] = [];
  /** Every cell that received a non-null value (or was cleared with ''), in order. */
  readonly valueWrites: ValueWrite[] = [];
  readonly formatWrites: ValueWrite[] = [];
  calculationSuspensions = 0;
  screenSuspensions = 0;
  recalculations = 0;
  /** Undo steps on Excel's stack since the last reset. */
  undoSteps = 0;
  private batches = 0;
  private nextId = 1;

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
    init.fills?.forEach((f, a1) => {
      const { r, c } = at(a1);
      sheet.ensure(r, c).fill = f;
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
  id(): number {
    return this.nextId++;
  }
  /** `Excel.run` over this workbook, with or without run options. */
  readonly run: ExcelRun = async <T>(
    first: Pick<Excel.RunOptions, 'mergeUndoGroup'> | ((context: ExcelContext) => Promise<T>),
    second?: (context: ExcelContext) => Promise<T>,
  ): Promise<T> => {
    const batch = typeof first === 'function' ? first : second;
    if (!batch) throw new Error('Excel.run without a batch');
    const grouped = typeof first !== 'function' && first.mergeUndoGroup === true && this.undoGroupSupported;
    this.batches++;
    const context = new FakeContext(this, grouped);
    try {
      return await batch(context);
    } finally {
      if (grouped && context.changed) this.undoSteps++;
    }
  };
  get runs(): number {
    return this.batches;
  }
  resetStats(): void {
    this.syncs.length = 0;
    this.valueWrites.length = 0;
    this.formatWrites.length = 0;
    this.calculationSuspensions = 0;
    this.screenSuspensions = 0;
    this.recalculations = 0;
    this.undoSteps = 0;
  }
  get maxRequest(): number {
    return Math.max(0, ...this.syncs.map((s) => s.request));
  }
  get maxResponse(): number {
    return Math.max(0, ...this.syncs.map((s) => s.response));
  }
  /** Every change goes through here: protection, structure and injected failures. */
  mutate(sheet: FakeSheet | null, what: 'cells' | 'structure'): void {
    if (this.syncingGrouped && this.undoNotSupported.has(what)) throw new FakeOfficeError('UndoNotSupported', `This ${what} change cannot be undone in a group.`);
    if (what === 'structure' && this.structureProtected) throw new FakeOfficeError('AccessDenied', 'The workbook structure is protected.');
    if (!sheet) return;
    if (what === 'cells' && sheet.protected) throw new FakeOfficeError('AccessDenied', 'The sheet is protected.');
    if (this.failWritesTo !== null && sheet.name.toLowerCase() === this.failWritesTo.toLowerCase()) {
      throw new FakeOfficeError('GeneralException', `Injected failure writing to ${sheet.name}.`);
    }
  }
}

interface Action {
  readonly request: number;
  /** Changes the workbook (an undo step) rather than only reading it. */
  readonly mutates: boolean;
  /** Runs at sync; returns the bytes it adds to the response. */
  readonly apply: () => number;
}

export class FakeContext implements ExcelContext {
  private queue: Action[] = [];
  readonly workbook: FakeWorkbookProxy;
  readonly application: ApplicationApi;
  /** Whether a sync of this run changed something (for the run's undo group). */
  changed = false;
  constructor(
    readonly book: FakeWorkbook,
    private readonly grouped = false,
  ) {
    this.workbook = new FakeWorkbookProxy(this);
    const enqueue = (request: number, apply: () => number): void => this.enqueue(request, apply);
    this.application = {
      suspendApiCalculationUntilNextSync(): void {
        enqueue(ACTION_BYTES, () => {
          book.calculationSuspensions++;
          return 0;
        });
      },
      suspendScreenUpdatingUntilNextSync(): void {
        enqueue(ACTION_BYTES, () => {
          book.screenSuspensions++;
          return 0;
        });
      },
      calculate(): void {
        enqueue(ACTION_BYTES, () => {
          book.recalculations++;
          return 0;
        });
      },
    };
  }
  enqueue(request: number, apply: () => number, mutates = false): void {
    this.queue.push({ request, apply, mutates });
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
    let changed = false;
    this.book.syncingGrouped = this.grouped;
    try {
      // Like Excel, a failing action leaves the ones before it applied.
      for (const a of actions) {
        response += a.apply();
        changed ||= a.mutates;
      }
    } finally {
      this.book.syncs.push({ request, response, actions: actions.length });
      if (changed) {
        if (!this.grouped) this.book.undoSteps++;
        this.changed = true;
      }
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

class FakeWorkbookProxy implements WorkbookApi {
  readonly worksheets: FakeWorksheets;
  readonly protection: FakeWorkbookProtection;
  constructor(readonly ctx: FakeContext) {
    this.worksheets = new FakeWorksheets(ctx);
    this.protection = new FakeWorkbookProtection(ctx);
  }
}

class FakeWorkbookProtection extends Loadable implements WorkbookProtectionApi {
  constructor(private readonly ctx: FakeContext) {
    super();
  }
  get protected(): boolean {
    return this.read('protected');
  }
  load(): this {
    this.ctx.enqueue(ACTION_BYTES, () => {
      this.loaded.set('protected', this.ctx.book.structureProtected);
      return 20;
    });
    return this;
  }
}

class FakeWorksheets extends Loadable implements WorksheetsApi {
  constructor(private readonly ctx: FakeContext) {
    super();
  }
  private get book(): FakeWorkbook {
    return this.ctx.book;
  }
  get items(): FakeWorksheet[] {
    return this.read('items');
  }
  load(p?: string): this {
    const props = this.props(p).map((x) => x.replace(/^items\//, ''));
    this.ctx.enqueue(ACTION_BYTES + bytesOf(p), () => {
      const items = this.book.sheets.map((s) => {
        const ws = new FakeWorksheet(this.ctx, () => s, false, s.name);
        ws.loadNow(props);
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
  add(name?: string): FakeWorksheet {
    const sheetName = name ?? `Hoja${this.book.sheets.length + 1}`;
    this.ctx.enqueue(
      PROXY_BYTES + bytesOf(name),
      () => {
        this.book.mutate(null, 'structure');
        if (this.book.find(sheetName)) throw new FakeOfficeError('ItemAlreadyExists', `A sheet named ${sheetName} already exists.`);
        if (sheetName.length > 31 || /[\\/?*[\]:]/.test(sheetName)) throw new FakeOfficeError('InvalidArgument', `Bad sheet name ${sheetName}.`);
        this.book.sheets.push(new FakeSheet(sheetName));
        return 0;
      },
      true,
    );
    return new FakeWorksheet(this.ctx, () => this.book.find(sheetName), false, sheetName);
  }
}

type Resolve<T> = () => T | undefined;

class FakeWorksheet extends Loadable implements WorksheetApi {
  readonly charts: FakeCharts;
  readonly names: FakeNames;
  readonly protection: FakeSheetProtection;
  readonly freezePanes: Pick<Excel.WorksheetFreezePanes, 'freezeRows'>;
  constructor(
    private readonly ctx: FakeContext,
    private readonly resolve: Resolve<FakeSheet>,
    private readonly orNull: boolean,
    private readonly label = '',
  ) {
    super();
    this.charts = new FakeCharts(ctx, () => this.sheet());
    this.names = new FakeNames(ctx, () => this.sheet());
    this.protection = new FakeSheetProtection(ctx, () => this.sheet());
    this.freezePanes = {
      freezeRows: (count?: number): void =>
        ctx.enqueue(
          ACTION_BYTES,
          () => {
            this.sheet().frozenRows = count ?? 1;
            return 0;
          },
          true,
        ),
    };
  }
  /** Fills loaded properties from the sheet right away (a collection load at sync). */
  loadNow(props: string[]): void {
    const s = this.resolve();
    this.loaded.set('isNullObject', !s);
    if (!s) return;
    for (const prop of props) {
      if (prop === 'name') this.loaded.set('name', s.name);
      else if (prop === 'visibility') this.loaded.set('visibility', s.visibility);
      else if (prop !== 'isNullObject') throw new FakeOfficeError('InvalidArgument', `The fake does not load worksheet '${prop}'.`);
    }
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
  get visibility(): Excel.SheetVisibility | 'Visible' | 'Hidden' | 'VeryHidden' {
    return this.read('visibility');
  }
  set visibility(v: Excel.SheetVisibility | 'Visible' | 'Hidden' | 'VeryHidden') {
    this.ctx.enqueue(
      ACTION_BYTES + bytesOf(v),
      () => {
        const s = this.sheet();
        if (v !== 'Visible' && this.ctx.book.sheets.filter((x) => x.visibility === 'Visible' && x !== s).length === 0) {
          throw new FakeOfficeError('InvalidOperation', 'A workbook must contain at least one visible worksheet.');
        }
        s.visibility = v === 'Hidden' ? 'Hidden' : v === 'VeryHidden' ? 'VeryHidden' : 'Visible';
        return 0;
      },
      true,
    );
  }
  load(p?: string): this {
    const props = this.props(p);
    this.ctx.enqueue(ACTION_BYTES + bytesOf(p), () => {
      const s = this.sheetOrNull();
      this.loadNow(s ? props : []);
      if (!s) this.loaded.set('isNullObject', true);
      return bytesOf({ isNullObject: !s, name: s?.name, visibility: s?.visibility });
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
  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    return this.range(() => this.resolve()?.usedRange(!!valuesOnly) ?? undefined, [valuesOnly], true);
  }
  getRanges(address?: string): FakeRangeAreas {
    const text = address ?? '';
    this.ctx.enqueue(PROXY_BYTES + bytesOf(text), () => {
      if (text.length > 8192) throw new FakeOfficeError('InvalidArgument', 'The address has more than 8192 characters.');
      return 0;
    });
    return new FakeRangeAreas(this.ctx, () => {
      const s = this.sheet();
      return { sheet: s, areas: text.split(/[,;]/).map((a) => rangeFromA1(a.trim())) };
    });
  }
  delete(): void {
    this.ctx.enqueue(
      ACTION_BYTES,
      () => {
        const s = this.sheetOrNull();
        if (!s) return 0;
        const book = this.ctx.book;
        book.mutate(null, 'structure');
        if (book.sheets.filter((x) => x !== s && x.visibility === 'Visible').length === 0) {
          throw new FakeOfficeError('InvalidOperation', 'A workbook must contain at least one visible worksheet.');
        }
        book.sheets.splice(book.sheets.indexOf(s), 1);
        if (book.active === s.name) book.active = book.sheets.find((x) => x.visibility === 'Visible')!.name;
        return 0;
      },
      true,
    );
  }
  activate(): void {
    this.ctx.enqueue(ACTION_BYTES, () => {
      this.ctx.book.active = this.sheet().name;
      return 0;
    });
  }
}

class FakeSheetProtection extends Loadable implements WorksheetProtectionApi {
  constructor(
    private readonly ctx: FakeContext,
    private readonly sheet: () => FakeSheet,
  ) {
    super();
  }
  get protected(): boolean {
    return this.read('protected');
  }
  load(): this {
    this.ctx.enqueue(ACTION_BYTES, () => {
      this.loaded.set('protected', this.sheet().protected);
      return 20;
    });
    return this;
  }
}

class FakeNames implements NamesApi {
  constructor(
    private readonly ctx: FakeContext,
    private readonly sheet: () => FakeSheet,
  ) {}
  add(name: string, reference: string): FakeNamedItem {
    this.ctx.enqueue(
      PROXY_BYTES + bytesOf([name, reference]),
      () => {
        const s = this.sheet();
        this.ctx.book.mutate(s, 'structure');
        if (!/^[A-Za-z_\\][\w.]*$/.test(name)) throw new FakeOfficeError('InvalidArgument', `Bad name ${name}.`);
        if ([...s.names.keys()].some((n) => n.toLowerCase() === name.toLowerCase())) {
          throw new FakeOfficeError('ItemAlreadyExists', `The name ${name} already exists.`);
        }
        s.names.set(name, { formula: reference, visible: true });
        return 0;
      },
      true,
    );
    return new FakeNamedItem(this.ctx, () => this.find(name), false);
  }
  getItemOrNullObject(name: string): FakeNamedItem {
    this.ctx.enqueue(PROXY_BYTES + bytesOf(name), () => 0);
    return new FakeNamedItem(this.ctx, () => this.find(name), true);
  }
  private find(name: string): { sheet: FakeSheet; name: string } | undefined {
    const s = this.sheet();
    const found = [...s.names.keys()].find((n) => n.toLowerCase() === name.toLowerCase());
    return found === undefined ? undefined : { sheet: s, name: found };
  }
}

class FakeNamedItem extends Loadable implements NamedItemApi {
  constructor(
    private readonly ctx: FakeContext,
    private readonly resolve: () => { sheet: FakeSheet; name: string } | undefined,
    private readonly orNull: boolean,
  ) {
    super();
  }
  private item(): { sheet: FakeSheet; name: string } {
    const i = this.resolve();
    if (!i) throw new FakeOfficeError('ItemNotFound', 'The name does not exist.');
    return i;
  }
  get formula(): string {
    return this.read('formula');
  }
  set formula(f: string) {
    this.ctx.enqueue(
      ACTION_BYTES + bytesOf(f),
      () => {
        const { sheet, name } = this.item();
        sheet.names.get(name)!.formula = f;
        return 0;
      },
      true,
    );
  }
  get visible(): boolean {
    return this.read('visible');
  }
  set visible(v: boolean) {
    this.ctx.enqueue(
      ACTION_BYTES,
      () => {
        const { sheet, name } = this.item();
        sheet.names.get(name)!.visible = v;
        return 0;
      },
      true,
    );
  }
  get isNullObject(): boolean {
    return this.read('isNullObject');
  }
  load(p?: string): this {
    const props = this.props(p);
    this.ctx.enqueue(ACTION_BYTES + bytesOf(p), () => {
      const i = this.orNull ? this.resolve() : this.item();
      this.loaded.set('isNullObject', !i);
      const entry = i ? i.sheet.names.get(i.name)! : undefined;
      for (const prop of props) {
        if (prop === 'formula') this.loaded.set('formula', entry?.formula);
        else if (prop === 'visible') this.loaded.set('visible', entry?.visible);
        else if (prop !== 'isNullObject') throw new FakeOfficeError('InvalidArgument', `The fake does not load name '${prop}'.`);
      }
      return bytesOf(entry ?? null) + 20;
    });
    return this;
  }
  delete(): void {
    this.ctx.enqueue(
      ACTION_BYTES,
      () => {
        const { sheet, name } = this.item();
        sheet.names.delete(name);
        return 0;
      },
      true,
    );
  }
}

interface Located {
  sheet: FakeSheet;
  r: CellRange;
}

type FillProxy = FillApi;

class FakeRange extends Loadable implements RangeApi {
  readonly format: RangeFormatApi;
  readonly conditionalFormats: FakeConditionalFormats;
  constructor(
    private readonly ctx: FakeContext,
    private readonly resolve: () => Located | undefined,
    private readonly orNull = false,
  ) {
    super();
    const each = (fn: (cell: FakeCell, r: number, c: number) => void): void => this.eachCell(fn);
    const change = (bytes: number, fn: () => void): void =>
      this.ctx.enqueue(
        ACTION_BYTES + bytes,
        () => {
          this.ctx.book.mutate(this.located().sheet, 'cells');
          fn();
          return 0;
        },
        true,
      );
    const fill: FillProxy = {
      set color(c: string) {
        change(bytesOf(c), () => each((cell) => (cell.fill = c)));
      },
      get color(): string {
        throw new FakeOfficeError('PropertyNotLoaded', 'format.fill.color not loaded');
      },
      clear: () => change(0, () => each((cell) => (cell.fill = undefined))),
    };
    const font = {
      set bold(b: boolean) {
        change(bytesOf(b), () => each((cell) => (cell.bold = b)));
      },
      get bold(): boolean {
        throw new FakeOfficeError('PropertyNotLoaded', 'format.font.bold not loaded');
      },
    };
    const located = (): Located => this.located();
    this.format = {
      fill,
      font,
      autofitColumns: () => change(0, () => located()),
      set columnWidth(w: number) {
        change(bytesOf(w), () => {
          const { sheet, r } = located();
          for (let c = r.left; c <= r.right; c++) sheet.columnWidths.set(c, w);
        });
      },
      get columnWidth(): number {
        throw new FakeOfficeError('PropertyNotLoaded', 'format.columnWidth not loaded');
      },
    };
    this.conditionalFormats = new FakeConditionalFormats(ctx, () => {
      const l = this.located();
      return { sheet: l.sheet, areas: [l.r] };
    });
  }
  private located(): Located {
    const l = this.resolve();
    if (!l) throw new FakeOfficeError('ItemNotFound', 'The range does not exist.');
    return l;
  }
  /** The range's address without a load round trip (a chart's source). */
  resolveAddress(): string {
    const { sheet, r } = this.located();
    return `${quoteSheet(sheet.name)}!${rangeToA1(r)}`;
  }
  private eachCell(fn: (cell: FakeCell, r: number, c: number) => void): void {
    const { sheet, r } = this.located();
    for (let i = r.top; i <= r.bottom; i++) for (let j = r.left; j <= r.right; j++) fn(sheet.ensure(i, j), i, j);
  }
  private cellCount(r: CellRange): number {
    return (r.bottom - r.top + 1) * (r.right - r.left + 1);
  }
  private setCells(data: unknown[][], asFormulas: boolean): void {
    this.ctx.enqueue(
      ACTION_BYTES + bytesOf(data),
      () => {
        const { sheet, r } = this.located();
        this.checkShape(data, r);
        const book = this.ctx.book;
        book.mutate(sheet, 'cells');
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
            if (typeof v === 'string') Object.assign(cell, parseInput(v, asFormulas && v.startsWith('=') ? undefined : cell.numberFormat));
            else if (typeof v === 'number' || typeof v === 'boolean') cell.value = v;
            else throw new FakeOfficeError('InvalidArgument', `The fake does not write ${typeof v}.`);
            book.valueWrites.push({ sheet: sheet.name, a1: a1Of(rr, cc) });
          }),
        );
        return 0;
      },
      true,
    );
  }

  get values(): Scalar[][] {
    return this.read('values');
  }
  set values(data: (Scalar | null)[][]) {
    this.setCells(data, false);
  }
  get formulas(): Scalar[][] {
    return this.read('formulas');
  }
  set formulas(data: (Scalar | null)[][]) {
    this.setCells(data, true);
  }
  get numberFormat(): string[][] {
    return this.read('numberFormat');
  }
  set numberFormat(data: (string | null)[][]) {
    this.ctx.enqueue(
      ACTION_BYTES + bytesOf(data),
      () => {
        const { sheet, r } = this.located();
        this.checkShape(data, r);
        this.ctx.book.mutate(sheet, 'cells');
        data.forEach((row, i) =>
          row.forEach((f, j) => {
            if (f === null) return;
            sheet.ensure(r.top + i, r.left + j).numberFormat = f;
            this.ctx.book.formatWrites.push({ sheet: sheet.name, a1: a1Of(r.top + i, r.left + j) });
          }),
        );
        return 0;
      },
      true,
    );
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
  load(p?: string): this {
    const props = this.props(p);
    this.ctx.enqueue(ACTION_BYTES + bytesOf(p), () => {
      const l = this.orNull ? this.resolve() : this.located();
      const out: Record<string, unknown> = { isNullObject: !l };
      if (l) {
        const { sheet, r } = l;
        const grid = (of: (cell: FakeCell | undefined) => Scalar): Scalar[][] => {
          const rows: Scalar[][] = [];
          for (let i = r.top; i <= r.bottom; i++) {
            const row: Scalar[] = [];
            for (let j = r.left; j <= r.right; j++) row.push(of(sheet.cell(i, j)));
            rows.push(row);
          }
          return rows;
        };
        for (const prop of props) {
          switch (prop) {
            case 'values':
              out.values = this.cellCount(r) > MAX_READ_CELLS ? null : grid((c) => c?.value ?? '');
              break;
            case 'formulas':
              out.formulas = this.cellCount(r) > MAX_READ_CELLS ? null : grid((c) => c?.formula ?? c?.value ?? '');
              break;
            case 'numberFormat':
              out.numberFormat = grid((c) => c?.numberFormat ?? 'General');
              break;
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
  merge(across?: boolean): void {
    this.ctx.enqueue(
      ACTION_BYTES,
      () => {
        const { sheet, r } = this.located();
        this.ctx.book.mutate(sheet, 'cells');
        const rows = across ? Array.from({ length: r.bottom - r.top + 1 }, (_, i) => ({ ...r, top: r.top + i, bottom: r.top + i })) : [r];
        sheet.merges = [...sheet.merges.filter((m) => m.bottom < r.top || m.top > r.bottom || m.right < r.left || m.left > r.right), ...rows];
        return 0;
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
  private checkShape(data: unknown[][], r: CellRange): void {
    const rows = r.bottom - r.top + 1;
    const cols = r.right - r.left + 1;
    if (data.length !== rows || data.some((row) => row.length !== cols)) {
      throw new FakeOfficeError('InvalidArgument', `The number of rows or columns in the input array doesn't match the size or dimensions of the range.`);
    }
  }
}

class FakeRangeAreas extends Loadable implements RangeAreasApi {
  readonly conditionalFormats: FakeConditionalFormats;
  constructor(
    private readonly ctx: FakeContext,
    private readonly resolve: () => { sheet: FakeSheet; areas: CellRange[] } | undefined,
    private readonly orNull = false,
  ) {
    super();
    this.conditionalFormats = new FakeConditionalFormats(ctx, () => {
      const l = this.resolve();
      if (!l) throw new FakeOfficeError('ItemNotFound', 'The range does not exist.');
      return l;
    });
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
  load(): this {
    this.ctx.enqueue(ACTION_BYTES, () => {
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

class FakeConditionalFormats extends Loadable implements ConditionalFormatsApi {
  constructor(
    private readonly ctx: FakeContext,
    private readonly target: () => { sheet: FakeSheet; areas: CellRange[] },
  ) {
    super();
  }
  get items(): FakeConditionalFormatProxy[] {
    return this.read('items');
  }
  /** Loads the formats that touch the target (their type and custom formula). */
  load(): this {
    this.ctx.enqueue(ACTION_BYTES, () => {
      const { sheet, areas } = this.target();
      const touching = sheet.conditionalFormats.filter((cf) =>
        cf.areas.some((a) => areas.some((b) => a.top <= b.bottom && a.bottom >= b.top && a.left <= b.right && a.right >= b.left)),
      );
      this.loaded.set(
        'items',
        touching.map((cf) => new FakeConditionalFormatProxy(this.ctx, () => ({ sheet, cf }), cf)),
      );
      return bytesOf(touching.map((cf) => ({ type: 'Custom', formula: cf.formula })));
    });
    return this;
  }
  add(type: 'Custom'): FakeConditionalFormatProxy {
    const cf: FakeConditionalFormat = { id: this.ctx.book.id(), areas: [], formula: '' };
    let sheet: FakeSheet | undefined;
    this.ctx.enqueue(
      PROXY_BYTES + bytesOf(type),
      () => {
        const t = this.target();
        sheet = t.sheet;
        this.ctx.book.mutate(sheet, 'cells');
        cf.areas = [...t.areas];
        sheet.conditionalFormats.push(cf);
        return 0;
      },
      true,
    );
    return new FakeConditionalFormatProxy(this.ctx, () => (sheet ? { sheet, cf } : undefined));
  }
}

class FakeConditionalFormatProxy implements ConditionalFormatApi {
  readonly type = 'Custom' as const;
  readonly custom: CustomConditionalFormatApi;
  readonly customOrNullObject: CustomConditionalFormatApi;
  constructor(
    private readonly ctx: FakeContext,
    private readonly resolve: () => { sheet: FakeSheet; cf: FakeConditionalFormat } | undefined,
    loaded?: FakeConditionalFormat,
  ) {
    const set = (bytes: number, fn: (cf: FakeConditionalFormat) => void): void =>
      ctx.enqueue(
        ACTION_BYTES + bytes,
        () => {
          fn(this.located().cf);
          return 0;
        },
        true,
      );
    // A loaded format answers its formula (what `load('items/customOrNullObject/rule/formula')` brings).
    const rule = {
      get formula(): string {
        if (!loaded) throw new FakeOfficeError('PropertyNotLoaded', 'rule.formula not loaded');
        return loaded.formula;
      },
      set formula(f: string) {
        set(bytesOf(f), (cf) => (cf.formula = f));
      },
    };
    const fill = {
      get color(): string {
        throw new FakeOfficeError('PropertyNotLoaded', 'fill.color not loaded');
      },
      set color(c: string) {
        set(bytesOf(c), (cf) => (cf.fill = c));
      },
    };
    this.custom = { isNullObject: false, rule, format: { fill } };
    this.customOrNullObject = this.custom;
  }
  private located(): { sheet: FakeSheet; cf: FakeConditionalFormat } {
    const l = this.resolve();
    if (!l) throw new FakeOfficeError('ItemNotFound', 'The conditional format does not exist.');
    return l;
  }
  get stopIfTrue(): boolean {
    return this.writeOnly('stopIfTrue');
  }
  set stopIfTrue(v: boolean) {
    this.ctx.enqueue(
      ACTION_BYTES,
      () => {
        this.located().cf.stopIfTrue = v;
        return 0;
      },
      true,
    );
  }
  private writeOnly(prop: string): never {
    throw new FakeOfficeError('PropertyNotLoaded', `The fake does not load '${prop}'.`);
  }
  delete(): void {
    this.ctx.enqueue(
      ACTION_BYTES,
      () => {
        const { sheet, cf } = this.located();
        this.ctx.book.mutate(sheet, 'cells');
        const i = sheet.conditionalFormats.indexOf(cf);
        if (i >= 0) sheet.conditionalFormats.splice(i, 1);
        return 0;
      },
      true,
    );
  }
}

class FakeCharts implements ChartsApi {
  constructor(
    private readonly ctx: FakeContext,
    private readonly sheet: () => FakeSheet,
  ) {}
  add(type: 'BarClustered', source: RangeApi, seriesBy?: 'Columns'): ChartApi {
    if (!(source instanceof FakeRange)) throw new Error('A chart source must be a range of this fake.');
    const chart: FakeChart = { type, source: '', seriesBy };
    this.ctx.enqueue(
      PROXY_BYTES + bytesOf([type, seriesBy]),
      () => {
        const s = this.sheet();
        this.ctx.book.mutate(s, 'cells');
        chart.source = source.resolveAddress();
        s.charts.push(chart);
        return 0;
      },
      true,
    );
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
        get text(): string {
          return chart.title ?? '';
        },
      },
      legend: {
        set visible(_v: boolean) {
          set(() => undefined);
        },
        get visible(): boolean {
          throw new FakeOfficeError('PropertyNotLoaded', 'legend.visible not loaded');
        },
      },
      setPosition: () => set(() => undefined),
    };
  }
}
