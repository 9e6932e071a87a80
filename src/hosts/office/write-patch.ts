import type { CellRange, CellValue } from '../../engine/grid/cell';
import { columnLetters, rangeToA1, toA1 } from '../../engine/grid/a1';
import type { TrafficColor } from '../../engine/model';
import type { ComputedCell, PatchCell } from '../../engine/patch/types';
import { jsonBytes, OP_OVERHEAD_BYTES, packBySize, PLAN_BUDGET_BYTES, syncBatches } from './payload';

/** Fills for the traffic light (Excel's own red / yellow / green colour-scale tones). */
export const TRAFFIC_FILL: Readonly<Record<TrafficColor, string>> = {
  red: '#F8696B',
  yellow: '#FFEB84',
  green: '#63BE7B',
};

/** Gap rows a run may bridge with `null` (kept cells) instead of starting a new range. */
const MAX_GAP_ROWS = 4;
/** Rows per range written, so no single action grows large. */
const MAX_RUN_ROWS = 4_000;
/** `getRange`/`getRanges` refuse an address over 8,192 characters. */
const MAX_ADDRESS_CHARS = 8_000;

export type WriteValue = string | number | boolean | null;

/** One rectangle written in one action: `null` keeps a cell, `''` clears it. */
export interface RangeWrite {
  readonly kind: 'values' | 'numberFormat';
  readonly top: number;
  readonly left: number;
  readonly data: WriteValue[][];
  readonly bytes: number;
}

/** Traffic-light fills over many cells at once (a RangeAreas), `color` null clears. */
export interface FillWrite {
  readonly kind: 'fill';
  readonly color: string | null;
  readonly address: string;
  readonly bytes: number;
}

export type WriteOp = RangeWrite | FillWrite;

export interface WritePlan {
  /** Values first, then number formats, then fills: the order they go out. */
  readonly ops: readonly WriteOp[];
  /** The cells whose value is written (top-left of merged areas), A1. */
  readonly cells: readonly string[];
}

export interface WriteStats {
  readonly syncs: number;
  readonly cellsWritten: number;
  /** Estimated request bytes of each batch sent. */
  readonly batchBytes: readonly number[];
}

/**
 * A string Excel would read as something else when set through `values` (a formula,
 * a number, a date, a boolean) gets the apostrophe prefix, which Excel keeps out of the
 * value: `'-` is stored as the text `-`.
 */
export function literalText(s: string): string {
  if (/^[=+\-@']/.test(s) || /^\s*[($]?\s*[\d.,]/.test(s) || /^\s*(true|false|verdadero|falso)\s*$/i.test(s)) {
    return `'${s}`;
  }
  return s;
}

function valueForExcel(v: CellValue): WriteValue {
  if (v === null) return '';
  if (typeof v === 'string') return literalText(v);
  return v;
}

const key = (row: number, col: number): number => row * 16_384 + col;

/** Every cell of a multi-cell merged area → its area. */
function mergeIndex(merges: readonly CellRange[]): Map<number, CellRange> {
  const index = new Map<number, CellRange>();
  for (const m of merges) {
    if (m.top === m.bottom && m.left === m.right) continue;
    for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) index.set(key(r, c), m);
  }
  return index;
}

interface Target {
  readonly row: number;
  readonly col: number;
  readonly value: WriteValue;
  readonly format: string;
}

function rangeWrite(kind: RangeWrite['kind'], top: number, left: number, data: WriteValue[][]): RangeWrite {
  return {
    kind,
    top,
    left,
    data,
    bytes: OP_OVERHEAD_BYTES + jsonBytes(data) + columnLetters(left).length * 2 + 16,
  };
}

function fillOps(color: string | null, addresses: readonly string[]): FillWrite[] {
  const out: FillWrite[] = [];
  let cur: string[] = [];
  let len = 0;
  const flush = (): void => {
    if (!cur.length) return;
    const address = cur.join(',');
    out.push({ kind: 'fill', color, address, bytes: OP_OVERHEAD_BYTES + jsonBytes(address) + 24 });
    cur = [];
    len = 0;
  };
  for (const a of addresses) {
    if (len + a.length + 1 > MAX_ADDRESS_CHARS) flush();
    cur.push(a);
    len += a.length + 1;
  }
  flush();
  return out;
}

/**
 * The write as data: which rectangles get which values and formats, and which cells get
 * which fill. Pure, so it is tested without Excel.
 *
 * - Only patch cells are written; every other cell of a rectangle is `null` (kept).
 * - A cell in a merged area is written at the area's top-left only, alone in its range,
 *   so no write ever covers part of a merged area.
 * - The rest goes out as vertical runs per column, bridging up to 4 unmerged rows.
 * - Fills cover every AVANCE % and AEI physical cell (set from `color`, cleared when null).
 */
export function planPatchWrite(
  patch: readonly PatchCell[],
  computed: readonly ComputedCell[],
  merges: readonly CellRange[],
): WritePlan {
  const merged = mergeIndex(merges);
  const targets = new Map<number, Target>();
  for (const cell of patch) {
    const m = merged.get(key(cell.at.row, cell.at.col));
    const row = m ? m.top : cell.at.row;
    const col = m ? m.left : cell.at.col;
    const k = key(row, col);
    if (!targets.has(k)) targets.set(k, { row, col, value: valueForExcel(cell.value), format: cell.format });
  }

  const singles: Target[] = [];
  const byColumn = new Map<number, Target[]>();
  for (const t of targets.values()) {
    if (merged.has(key(t.row, t.col))) singles.push(t);
    else {
      const list = byColumn.get(t.col) ?? [];
      list.push(t);
      byColumn.set(t.col, list);
    }
  }

  const valueOps: RangeWrite[] = [];
  const formatOps: RangeWrite[] = [];
  const emit = (run: Target[]): void => {
    const top = run[0].row;
    const height = run[run.length - 1].row - top + 1;
    const values: WriteValue[][] = Array.from({ length: height }, () => [null]);
    const formats: WriteValue[][] = Array.from({ length: height }, () => [null]);
    for (const t of run) {
      values[t.row - top][0] = t.value;
      formats[t.row - top][0] = t.format;
    }
    valueOps.push(rangeWrite('values', top, run[0].col, values));
    formatOps.push(rangeWrite('numberFormat', top, run[0].col, formats));
  };
  for (const col of [...byColumn.keys()].sort((a, b) => a - b)) {
    const list = byColumn.get(col)!.sort((a, b) => a.row - b.row);
    let run: Target[] = [];
    for (const t of list) {
      const last = run[run.length - 1];
      let bridge = !!last && t.row - last.row - 1 <= MAX_GAP_ROWS && t.row - run[0].row < MAX_RUN_ROWS;
      for (let r = last ? last.row + 1 : 0; bridge && r < t.row; r++) if (merged.has(key(r, col))) bridge = false;
      if (!bridge && run.length) {
        emit(run);
        run = [];
      }
      run.push(t);
    }
    if (run.length) emit(run);
  }
  singles.sort((a, b) => a.row - b.row || a.col - b.col);
  for (const t of singles) {
    valueOps.push(rangeWrite('values', t.row, t.col, [[t.value]]));
    formatOps.push(rangeWrite('numberFormat', t.row, t.col, [[t.format]]));
  }

  // Fills: every traffic-light cell, grouped by colour, vertical runs joined.
  const fills = new Map<string | null, { row: number; col: number; area: CellRange | undefined }[]>();
  for (const c of computed) {
    if (c.kind !== 'percent' && c.kind !== 'aei-physical') continue;
    const colour = c.color ? TRAFFIC_FILL[c.color] : null;
    const list = fills.get(colour) ?? [];
    list.push({ row: c.at.row, col: c.at.col, area: merged.get(key(c.at.row, c.at.col)) });
    fills.set(colour, list);
  }
  const fillWrites: FillWrite[] = [];
  for (const colour of [TRAFFIC_FILL.red, TRAFFIC_FILL.yellow, TRAFFIC_FILL.green, null]) {
    const list = fills.get(colour);
    if (!list) continue;
    list.sort((a, b) => a.col - b.col || a.row - b.row);
    const addresses: string[] = [];
    const seen = new Set<string>();
    let runStart: { row: number; col: number } | null = null;
    let runEnd = -1;
    const close = (): void => {
      if (runStart) addresses.push(rangeToA1({ top: runStart.row, left: runStart.col, bottom: runEnd, right: runStart.col }));
      runStart = null;
    };
    for (const f of list) {
      if (f.area) {
        close();
        const a = rangeToA1(f.area);
        if (!seen.has(a)) addresses.push(a);
        seen.add(a);
      } else if (runStart && runStart.col === f.col && f.row === runEnd + 1) {
        runEnd = f.row;
      } else {
        close();
        runStart = { row: f.row, col: f.col };
        runEnd = f.row;
      }
    }
    close();
    fillWrites.push(...fillOps(colour, addresses));
  }

  const cells = [...targets.values()]
    .sort((a, b) => a.row - b.row || a.col - b.col)
    .map((t) => toA1({ row: t.row, col: t.col }));
  return { ops: [...valueOps, ...formatOps, ...fillWrites], cells };
}

/** Greedy packing of ops, in order, into batches under the byte budget. */
export function packBatches(ops: readonly WriteOp[], budget = PLAN_BUDGET_BYTES): WriteOp[][] {
  return packBySize(ops, budget);
}

function queue(sheet: Excel.Worksheet, op: WriteOp): void {
  if (op.kind === 'fill') {
    const areas = sheet.getRanges(op.address);
    if (op.color) areas.format.fill.color = op.color;
    else areas.format.fill.clear();
    return;
  }
  const range = sheet.getRangeByIndexes(op.top, op.left, op.data.length, op.data[0].length);
  // Office.js types say any[][]; null is Excel's "keep this cell".
  if (op.kind === 'values') range.values = op.data;
  else range.numberFormat = op.data;
}

/**
 * Write a plan in as few syncs as the 4 MB budget allows, each batch with calculation
 * suspended until its sync. A batch refused for its size is split in two and retried.
 */
export async function executeWritePlan(
  context: Excel.RequestContext,
  sheetName: string,
  plan: WritePlan,
  options: { budgetBytes?: number; onProgress?: (fraction: number) => void } = {},
): Promise<WriteStats> {
  let done = 0;
  const { syncs, batchBytes } = await syncBatches(
    context,
    packBatches(plan.ops, options.budgetBytes),
    (batch) => {
      context.application.suspendApiCalculationUntilNextSync();
      const sheet = context.workbook.worksheets.getItem(sheetName);
      for (const op of batch) queue(sheet, op);
    },
    (batch) => {
      done += batch.length;
      options.onProgress?.(done / plan.ops.length);
    },
  );
  return { syncs, cellsWritten: plan.cells.length, batchBytes };
}

/** Plan and write the engine's patch on the report sheet. */
export async function writePatch(
  context: Excel.RequestContext,
  sheetName: string,
  patch: readonly PatchCell[],
  computed: readonly ComputedCell[],
  merges: readonly CellRange[],
  options: { budgetBytes?: number; onProgress?: (fraction: number) => void } = {},
): Promise<WriteStats> {
  return executeWritePlan(context, sheetName, planPatchWrite(patch, computed, merges), options);
}
