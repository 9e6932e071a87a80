import type { ExcelContext, RangeAreasApi } from './excel-api';
import type { CellRange, CellValue, Grid } from '../../engine/grid/cell';
import { rangeFromA1 } from '../../engine/grid/a1';
import { UserFacingError } from '../../app/contract';
import { isPayloadLimitError } from './errors';
import { jsonBytes, PLAN_BUDGET_BYTES } from './payload';

/** Excel on the web may answer `null` for a read over 5 million cells; we stay far below. */
export const MAX_USED_CELLS = 3_000_000;
export const INITIAL_BLOCK_ROWS = 5_000;
export const MAX_BLOCK_ROWS = 10_000;
/** Before anything is measured, assume this many JSON bytes per cell. */
const ASSUMED_BYTES_PER_CELL = 24;
/** `getMergedAreasOrNullObject` fails over 512 areas in its range. */
const MAX_MERGED_AREAS_PER_CALL = 512;

export interface ReadOptions {
  /** Read merged areas (needs ExcelApi 1.13). Default true. */
  readonly merges?: boolean;
  readonly initialBlockRows?: number;
  readonly maxBlockRows?: number;
  readonly budgetBytes?: number;
  readonly maxCells?: number;
  /** Called after each block with the fraction of rows read. */
  readonly onProgress?: (fraction: number) => void;
}

export interface BlockStat {
  readonly start: number;
  readonly rows: number;
  /** Estimated JSON bytes of the block's response (values + merged areas). */
  readonly bytes: number;
}

export interface SheetRead {
  readonly grid: Grid;
  /** 1 + last used row / column (the grid always starts at A1). */
  readonly rowCount: number;
  readonly columnCount: number;
  readonly syncs: number;
  readonly blocks: readonly BlockStat[];
  /** Blocks retried with half the rows after a payload error. */
  readonly retries: number;
}

/** Office.js values → the engine's cell: `''` (empty) → null; the rest is already plain. */
export function toCellValue(v: unknown): CellValue {
  if (v === '' || v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  return String(v);
}

function toRow(values: readonly unknown[]): CellValue[] {
  let end = values.length;
  while (end > 0 && (values[end - 1] === '' || values[end - 1] === null)) end--;
  const row: CellValue[] = new Array<CellValue>(end);
  for (let c = 0; c < end; c++) row[c] = toCellValue(values[c]);
  return row;
}

/**
 * Split a RangeAreas address ("'Reporte POI'!A14:A15, 'Reporte POI'!N14:N15") into the
 * ranges it names. Sheet names may hold commas and quotes ('' escapes a quote).
 */
export function parseAreasAddress(address: string): CellRange[] {
  const out: CellRange[] = [];
  let part = '';
  let quoted = false;
  const flush = (): void => {
    const p = part.trim();
    part = '';
    if (!p) return;
    const bang = p.lastIndexOf('!');
    const ref = bang >= 0 ? p.slice(bang + 1) : p;
    if (ref) out.push(rangeFromA1(ref.replace(/\$/g, '')));
  };
  for (const ch of address) {
    if (ch === "'") quoted = !quoted;
    if (!quoted && (ch === ',' || ch === ';')) flush();
    else part += ch;
  }
  flush();
  return out;
}

/** Rows per `getMergedAreasOrNullObject` call so it can never exceed 512 areas. */
export function mergeChunkRows(columns: number): number {
  // An area inside the chunk covers ≥ 2 cells; one crossing its top or bottom edge ≥ 1.
  return Math.floor((2 * MAX_MERGED_AREAS_PER_CALL) / Math.max(1, columns)) - 2;
}

function tooLarge(rows: number, cols: number): UserFacingError {
  return new UserFacingError(
    `La hoja usa ${rows.toLocaleString('es-PE')} filas × ${cols.toLocaleString('es-PE')} columnas, ` +
      'más de lo que el complemento puede leer. Borre el contenido sobrante fuera del reporte ' +
      '(filas o columnas lejanas) o use la herramienta de línea de comandos (poi-check).',
    `${rows}x${cols}`,
  );
}

/** The used extent of a sheet from A1, or null when it is blank. One sync. */
async function usedExtent(
  context: ExcelContext,
  sheetName: string,
): Promise<{ rows: number; cols: number } | null> {
  const sheet = context.workbook.worksheets.getItemOrNullObject(sheetName);
  sheet.load('isNullObject');
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load('isNullObject,rowIndex,columnIndex,rowCount,columnCount');
  await context.sync();
  if (sheet.isNullObject) {
    throw new UserFacingError(
      `No se encontró la hoja «${sheetName}». Compruebe que no se haya renombrado ni eliminado y vuelva a intentarlo.`,
      'ItemNotFound',
    );
  }
  if (used.isNullObject) return null;
  return { rows: used.rowIndex + used.rowCount, cols: used.columnIndex + used.columnCount };
}

/**
 * Read a sheet into the engine's Grid: one sync for the used range, then one per row
 * block. A block starts at 5,000 rows and is then sized from the bytes actually
 * measured so each response stays under the budget; a payload error (or the `null`
 * Excel returns for an oversized read) halves the block and retries it.
 */
export async function readSheet(
  context: ExcelContext,
  sheetName: string,
  options: ReadOptions = {},
): Promise<SheetRead> {
  const budget = options.budgetBytes ?? PLAN_BUDGET_BYTES;
  const maxBlock = options.maxBlockRows ?? MAX_BLOCK_ROWS;
  let syncs = 0;
  const extent = await usedExtent(context, sheetName);
  syncs++;
  if (!extent) return { grid: { rows: [], merges: [] }, rowCount: 0, columnCount: 0, syncs, blocks: [], retries: 0 };
  const { rows: totalRows, cols } = extent;
  if (totalRows * cols > (options.maxCells ?? MAX_USED_CELLS)) throw tooLarge(totalRows, cols);

  const chunkRows = mergeChunkRows(cols);
  const wantMerges = (options.merges ?? true) && chunkRows >= 1;
  const sheet = context.workbook.worksheets.getItem(sheetName);
  const rows: CellValue[][] = [];
  const merges = new Map<string, CellRange>();
  const blocks: BlockStat[] = [];
  let retries = 0;
  let blockRows = Math.max(
    1,
    Math.min(options.initialBlockRows ?? INITIAL_BLOCK_ROWS, Math.floor(budget / (cols * ASSUMED_BYTES_PER_CELL))),
  );
  let maxBytesPerRow = 0;
  let start = 0;
  while (start < totalRows) {
    const n = Math.min(blockRows, totalRows - start);
    const range = sheet.getRangeByIndexes(start, 0, n, cols);
    range.load('values');
    const areas: RangeAreasApi[] = [];
    if (wantMerges) {
      for (let s = start; s < start + n; s += chunkRows) {
        const a = sheet.getRangeByIndexes(s, 0, Math.min(chunkRows, start + n - s), cols).getMergedAreasOrNullObject();
        a.load('isNullObject,address');
        areas.push(a);
      }
    }
    try {
      // One sync per block of rows sized to ~3.4 MB (5 blocks for 10,000 AO), never per row.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
    } catch (e) {
      syncs++;
      if (isPayloadLimitError(e) && n > 1) {
        blockRows = Math.max(1, Math.floor(n / 2));
        retries++;
        continue;
      }
      throw e;
    }
    syncs++;
    const values = range.values as unknown[][] | null;
    if (!values) {
      // Over 5 million cells Excel may answer null instead of failing.
      if (n === 1) throw tooLarge(totalRows, cols);
      blockRows = Math.max(1, Math.floor(n / 2));
      retries++;
      continue;
    }
    let bytes = jsonBytes(values);
    for (const v of values) rows.push(toRow(v));
    for (const a of areas) {
      if (a.isNullObject) continue;
      bytes += jsonBytes(a.address);
      for (const r of parseAreasAddress(a.address)) merges.set(`${r.top},${r.left},${r.bottom},${r.right}`, r);
    }
    blocks.push({ start, rows: n, bytes });
    start += n;
    options.onProgress?.(start / totalRows);
    maxBytesPerRow = Math.max(maxBytesPerRow, bytes / n);
    // Later rows may be wordier than the ones seen: keep a 25 % margin on the worst row seen.
    blockRows = Math.max(1, Math.min(maxBlock, Math.floor(budget / (maxBytesPerRow * 1.25 || 1))));
  }
  const mergeList = [...merges.values()].sort((a, b) => a.top - b.top || a.left - b.left);
  return { grid: { rows, merges: mergeList }, rowCount: totalRows, columnCount: cols, syncs, blocks, retries };
}

/**
 * The first rows of several sheets in one sync (for "is this a POI sheet?"). Merges are
 * not read: the header labels sit in their merged areas' top-left cells anyway.
 */
export async function readHeads(
  context: ExcelContext,
  rowCount = 60,
  columnCount = 40,
): Promise<{ name: string; grid: Grid }[]> {
  const sheets = context.workbook.worksheets;
  sheets.load('items/name');
  await context.sync();
  const ranges = sheets.items.map((ws) => {
    const r = ws.getRangeByIndexes(0, 0, rowCount, columnCount);
    r.load('values');
    return { name: ws.name, r };
  });
  await context.sync();
  return ranges.map(({ name, r }) => ({
    name,
    grid: { rows: ((r.values as unknown[][] | null) ?? []).map(toRow), merges: [] },
  }));
}
