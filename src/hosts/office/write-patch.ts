import type { CellRange, CellValue } from '../../engine/grid/cell';
import { columnLetters, rangeToA1, toA1 } from '../../engine/grid/a1';
import type { ComputedCell, PatchCell } from '../../engine/patch/types';
import { jsonBytes, OP_OVERHEAD_BYTES } from './payload';

/** Fills for the traffic light (Excel's own red / yellow / green colour-scale tones). */
export const TRAFFIC_FILL = {
  red: '#F8696B',
  yellow: '#FFEB84',
  green: '#63BE7B',
} as const;

/** Gap rows a run may bridge with `null` (kept cells) instead of starting a new range. */
const MAX_GAP_ROWS = 4;
/** Rows per range written, so no single action grows large. */
const MAX_RUN_ROWS = 4_000;
/** `getRange`/`getRanges` refuse an address over 8,192 characters. */
export const MAX_ADDRESS_CHARS = 8_000;
/** In every conditional format the tool adds: how it finds its own again (a true no-op term). */
export const CF_MARK = '"SemaforoPOI"<>""';

export type WriteValue = string | number | boolean | null;

/** One column run written in one action: `null` keeps a cell, a value replaces it. */
export interface RangeWrite {
  readonly kind: 'values' | 'numberFormat';
  readonly top: number;
  readonly left: number;
  readonly data: WriteValue[][];
  readonly bytes: number;
}

export interface WritePlan {
  /** Values first, then number formats: the order they go out. */
  readonly ops: readonly RangeWrite[];
  /** The cells whose value is written (top-left of merged areas), A1, by row then column. */
  readonly cells: readonly string[];
  /** Each written cell with what it gets, in `cells` order. */
  readonly targets: readonly WriteTarget[];
}

export interface WriteTarget {
  readonly row: number;
  readonly col: number;
  readonly value: CellValue;
  readonly format: string;
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

export function valueForExcel(v: CellValue): WriteValue {
  if (v === null) return '';
  if (typeof v === 'string') return literalText(v);
  return v;
}

const key = (row: number, col: number): number => row * 16_384 + col;

// One index per merges array: a recompute asks for the same grid's several times (60,000
// areas for 10,000 AO). The index is only read.
const indexes = new WeakMap<readonly CellRange[], ReadonlyMap<number, CellRange>>();

/** Every cell of a multi-cell merged area → its area. */
export function mergeIndex(merges: readonly CellRange[]): ReadonlyMap<number, CellRange> {
  const known = indexes.get(merges);
  if (known) return known;
  const index = new Map<number, CellRange>();
  indexes.set(merges, index);
  for (const m of merges) {
    if (m.top === m.bottom && m.left === m.right) continue;
    for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) index.set(key(r, c), m);
  }
  return index;
}

export function rangeWrite(kind: RangeWrite['kind'], top: number, left: number, data: WriteValue[][]): RangeWrite {
  return { kind, top, left, data, bytes: OP_OVERHEAD_BYTES + jsonBytes(data) + columnLetters(left).length * 2 + 16 };
}

/** A merged area one column wide can ride in a column run (null over its lower cells). */
const columnOnly = (m: CellRange): boolean => m.left === m.right;

/**
 * Column runs over targets: a run bridges up to 4 kept rows and always covers whole
 * merged areas, so no write covers part of one. A target in an area wider than one column
 * is written alone at its top-left.
 */
export function columnRuns<T extends { readonly row: number; readonly col: number }>(
  targets: readonly T[],
  merged: ReadonlyMap<number, CellRange>,
): { top: number; col: number; height: number; items: T[] }[] {
  const byColumn = new Map<number, T[]>();
  const singles: T[] = [];
  for (const t of targets) {
    const m = merged.get(key(t.row, t.col));
    if (m && !columnOnly(m)) singles.push(t);
    else {
      const list = byColumn.get(t.col) ?? [];
      list.push(t);
      byColumn.set(t.col, list);
    }
  }
  const runs: { top: number; col: number; height: number; items: T[] }[] = [];
  const bottomOf = (t: T): number => merged.get(key(t.row, t.col))?.bottom ?? t.row;
  for (const col of [...byColumn.keys()].sort((a, b) => a - b)) {
    const list = byColumn.get(col)!.sort((a, b) => a.row - b.row);
    let run: T[] = [];
    let bottom = -1;
    const close = (): void => {
      if (run.length) runs.push({ top: run[0].row, col, height: bottom - run[0].row + 1, items: run });
      run = [];
    };
    for (const t of list) {
      let bridge = run.length > 0 && t.row - bottom - 1 <= MAX_GAP_ROWS && t.row - run[0].row < MAX_RUN_ROWS;
      // A kept row inside another cell's merged area wider than this column breaks the run.
      for (let r = bottom + 1; bridge && r < t.row; r++) {
        const m = merged.get(key(r, col));
        if (m && (!columnOnly(m) || m.top < bottom + 1 || m.bottom >= t.row)) bridge = false;
      }
      if (!bridge) close();
      run.push(t);
      bottom = Math.max(bottom, bottomOf(t));
    }
    close();
  }
  for (const t of singles.sort((a, b) => a.row - b.row || a.col - b.col)) runs.push({ top: t.row, col: t.col, height: 1, items: [t] });
  return runs;
}

/**
 * The write as data: which column runs get which values and formats. Pure, so it is tested
 * without Excel. Only patch cells are written (at a merged area's top-left); every other
 * cell of a run is `null` (kept).
 */
export function planPatchWrite(patch: readonly PatchCell[], merges: readonly CellRange[]): WritePlan {
  const merged = mergeIndex(merges);
  const seen = new Map<number, WriteTarget>();
  for (const cell of patch) {
    const m = merged.get(key(cell.at.row, cell.at.col));
    const row = m ? m.top : cell.at.row;
    const col = m ? m.left : cell.at.col;
    if (!seen.has(key(row, col))) seen.set(key(row, col), { row, col, value: cell.value, format: cell.format });
  }
  const targets = [...seen.values()].sort((a, b) => a.row - b.row || a.col - b.col);
  const valueOps: RangeWrite[] = [];
  const formatOps: RangeWrite[] = [];
  for (const run of columnRuns(targets, merged)) {
    const values: WriteValue[][] = Array.from({ length: run.height }, () => [null]);
    const formats: WriteValue[][] = Array.from({ length: run.height }, () => [null]);
    for (const t of run.items) {
      values[t.row - run.top][0] = valueForExcel(t.value);
      formats[t.row - run.top][0] = t.format;
    }
    valueOps.push(rangeWrite('values', run.top, run.col, values));
    formatOps.push(rangeWrite('numberFormat', run.top, run.col, formats));
  }
  return { ops: [...valueOps, ...formatOps], cells: targets.map((t) => toA1({ row: t.row, col: t.col })), targets };
}

/** One conditional-format rule of the semáforo (rule 12: red < 75, yellow 75–95, green > 95). */
export interface TrafficRule {
  readonly color: keyof typeof TRAFFIC_FILL;
  /** The condition on the first cell, e.g. `N14<75`. */
  readonly test: (ref: string) => string;
}

export const TRAFFIC_RULES: readonly TrafficRule[] = [
  { color: 'red', test: (ref) => `${ref}<75` },
  { color: 'yellow', test: (ref) => `${ref}>=75,${ref}<=95` },
  { color: 'green', test: (ref) => `${ref}>95` },
];

/** The formula of a rule on areas whose first cell is `ref`: numbers only, with the tool's mark. */
export function trafficFormula(rule: TrafficRule, ref: string): string {
  return `=AND(${CF_MARK},ISNUMBER(${ref}),${rule.test(ref)})`;
}

/** Areas of traffic-light cells, one column at a time, each address under the 8,192-character limit. */
export interface TrafficAreas {
  /** `N14:N15,N16:N21,…`, sorted by row, so the first area's top-left is the formulas' origin. */
  readonly address: string;
  readonly origin: string;
}

/**
 * The cells the semáforo colours (AVANCE % and AEI physical execution), as few areas as
 * possible: adjacent cells and merged areas of one column join into one area.
 */
export function trafficAreas(computed: readonly ComputedCell[], merges: readonly CellRange[]): TrafficAreas[] {
  const merged = mergeIndex(merges);
  const byColumn = new Map<number, CellRange[]>();
  const wide: CellRange[] = [];
  const seen = new Set<number>();
  for (const c of computed) {
    if (c.kind !== 'percent' && c.kind !== 'aei-physical') continue;
    const m = merged.get(key(c.at.row, c.at.col)) ?? { top: c.at.row, left: c.at.col, bottom: c.at.row, right: c.at.col };
    if (seen.has(key(m.top, m.left))) continue;
    seen.add(key(m.top, m.left));
    if (m.left !== m.right) wide.push(m);
    else {
      const column = byColumn.get(m.left);
      if (column) column.push(m);
      else byColumn.set(m.left, [m]);
    }
  }
  const out: TrafficAreas[] = [];
  const emit = (areas: readonly CellRange[]): void => {
    let cur: string[] = [];
    let len = 0;
    const flush = (): void => {
      if (cur.length) out.push({ address: cur.join(','), origin: cur[0].split(':')[0] });
      cur = [];
      len = 0;
    };
    for (const a of areas) {
      const text = rangeToA1(a);
      if (len + text.length + 1 > MAX_ADDRESS_CHARS) flush();
      cur.push(text);
      len += text.length + 1;
    }
    flush();
  };
  for (const col of [...byColumn.keys()].sort((a, b) => a - b)) {
    const joined: CellRange[] = [];
    for (const a of byColumn.get(col)!.sort((x, y) => x.top - y.top)) {
      const last = joined[joined.length - 1];
      if (last && a.top === last.bottom + 1) joined[joined.length - 1] = { ...last, bottom: a.bottom };
      else joined.push(a);
    }
    emit(joined);
  }
  // Areas wider than a column: one format set each (rare; each is its own origin).
  for (const a of wide) emit([a]);
  return out;
}

/** A short fingerprint of the semáforo's areas, to skip rewriting identical formats. */
export function fingerprint(parts: readonly string[]): string {
  let h = 2166136261;
  for (const p of parts) {
    for (let i = 0; i < p.length; i++) h = Math.imul(h ^ p.charCodeAt(i), 16777619) >>> 0;
    h = Math.imul(h ^ 10, 16777619) >>> 0;
  }
  return `${parts.length}-${h.toString(36)}`;
}
