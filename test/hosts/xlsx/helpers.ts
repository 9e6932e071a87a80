/** Shared by the .xlsx host tests: grid normalisation and an independent reader (SheetJS). */
import * as XLSX from '@e965/xlsx';
import type { CellRange, CellValue, Grid } from '../../../src/engine/grid/cell';

export type Rows = CellValue[][];

/** Rows as plain arrays: missing rows → [], trailing nulls and trailing empty rows dropped. */
export function normalizeRows(rows: ReadonlyArray<ReadonlyArray<CellValue> | undefined>): Rows {
  const out: Rows = [];
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r] ? Array.from(rows[r]!, (v) => (v === undefined ? null : v)) : [];
    while (row.length && row[row.length - 1] === null) row.pop();
    out.push(row);
  }
  while (out.length && out[out.length - 1].length === 0) out.pop();
  return out;
}

export function sortMerges(m: readonly CellRange[]): CellRange[] {
  return [...m].sort((a, b) => a.top - b.top || a.left - b.left || a.bottom - b.bottom || a.right - b.right);
}

/** The same sheet as SheetJS reads it: cached values, errors as their text. */
export function readWithSheetJS(bytes: Uint8Array, sheet: string): { rows: Rows; merges: CellRange[]; sheetNames: string[] } {
  const wb = XLSX.read(bytes, { type: 'array', dense: true, cellFormula: false, cellHTML: false });
  const ws = wb.Sheets[sheet];
  if (!ws) throw new Error(`SheetJS: no sheet ${sheet} in ${wb.SheetNames.join(', ')}`);
  const data = (ws['!data'] ?? []) as (XLSX.CellObject | undefined)[][];
  const rows: (CellValue[] | undefined)[] = [];
  data.forEach((row, r) => {
    if (!row) return;
    rows[r] = Array.from(row, (cell) => sheetJsValue(cell));
  });
  const merges = (ws['!merges'] ?? []).map((m) => ({ top: m.s.r, left: m.s.c, bottom: m.e.r, right: m.e.c }));
  return { rows: normalizeRows(rows), merges: sortMerges(merges), sheetNames: wb.SheetNames };
}

function sheetJsValue(cell: XLSX.CellObject | undefined): CellValue {
  if (!cell || cell.t === 'z' || cell.v === undefined) return null;
  if (cell.t === 'e') return cell.w ?? null;
  if (cell.v instanceof Date) return cell.v.toISOString();
  return cell.v as CellValue;
}

export function gridOf(grid: Grid): { rows: Rows; merges: CellRange[] } {
  return { rows: normalizeRows(grid.rows), merges: sortMerges(grid.merges) };
}

/** Expected rows after writing edits over `rows`. */
export function withEdits(rows: Rows, edits: readonly { row: number; col: number; value: CellValue }[]): Rows {
  const out = rows.map((r) => [...r]);
  for (const e of edits) {
    while (out.length <= e.row) out.push([]);
    const row = out[e.row];
    while (row.length <= e.col) row.push(null);
    row[e.col] = e.value;
  }
  return normalizeRows(out);
}

/** Byte equality without jest's element-by-element deep compare (slow on large arrays). */
export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
