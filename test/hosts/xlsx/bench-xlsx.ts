/**
 * Benchmark of the .xlsx host (not a test: run `npx tsx test/hosts/xlsx/bench-xlsx.ts [AO] [node]`;
 * `node` selects Node's zlib as the codec, as the CLI does).
 * Builds a POI-shaped workbook (default 10,000 AO: 20,004 rows × 21 columns, 60,000
 * merges), then times open + readSheet and writePatchedCopy with one edit per AO row pair
 * plus a 1,000-row Observaciones sheet. Prints times and heap use.
 */
import { buildWorkbook, openXlsx, writePatchedCopy, type CellEdit } from '../../../src/hosts/xlsx';
import type { TableCell } from '../../../src/engine/report/tables';
import { useNodeCodec } from '../../../src/hosts/xlsx/node-codec';
import { HEADER_ROWS, POI_SHEET, poiLikeSheet } from '../../fixtures/xlsx/poi-like';

const activities = Number(process.argv[2] ?? 10000);
if (process.argv[3] === 'node') useNodeCodec();

function time<T>(label: string, fn: () => T, runs = 3): T {
  let result!: T;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    result = fn();
    times.push(performance.now() - t0);
  }
  const fmt = times.map((t) => `${t.toFixed(0)} ms`).join(', ');
  console.log(`${label}: ${fmt} (first is cold)`);
  return result;
}

const spec = poiLikeSheet(activities);
const built = time('buildWorkbook', () => buildWorkbook([spec]), 1);
console.log(`file: ${(built.length / 1e6).toFixed(1)} MB, ${spec.table.length} rows, ${spec.merges?.length} merges`);

const grid = time('openXlsx + readSheet', () => openXlsx(built).readSheet(POI_SHEET), 5);
console.log(`read back: ${grid.rows.length} rows, ${grid.merges.length} merges`);
time('openXlsx + readSheet(maxRows: 40)', () => openXlsx(built).readSheet(POI_SHEET, { maxRows: 40 }), 5);

// Two computed cells per AO: the % (T, merged top-left) and TOTAL (U) of the first row.
const edits: CellEdit[] = [];
for (let i = 0; i < activities; i++) {
  const row = HEADER_ROWS + 2 * i;
  edits.push({ row, col: 19, value: 0.5 }, { row, col: 20, value: i });
}
const observations: TableCell[][] = [[{ value: 'Celda', bold: true }, { value: 'Observación', bold: true }]];
for (let i = 0; i < 1000; i++) {
  observations.push([{ value: `T${HEADER_ROWS + 2 * i + 1}`, link: { sheet: POI_SHEET, cell: `T${HEADER_ROWS + 2 * i + 1}` } }, { value: `Observación ${i}` }]);
}
const copy = time(`writePatchedCopy (${edits.length} edits + 1,000-row sheet)`, () =>
  writePatchedCopy(built, POI_SHEET, edits, [{ name: 'Observaciones', table: observations, freezeRows: 1 }]),
);
console.log(`copy: ${(copy.length / 1e6).toFixed(1)} MB`);
const mem = process.memoryUsage();
console.log(`heap used ${(mem.heapUsed / 1e6).toFixed(0)} MB, rss ${(mem.rss / 1e6).toFixed(0)} MB`);
