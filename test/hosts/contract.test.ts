/**
 * One contract, both hosts: the app's service over each host's WorkbookPort. The .xlsx host (a
 * patched copy) and the Office host (over the fake Excel) must write the same cells with the same values,
 * leave every input cell as it was, and find nothing left to write on a second run.
 */
import { analyze } from '../../src/engine';
import { toA1 } from '../../src/engine/grid/a1';
import type { CellValue, Grid } from '../../src/engine/grid/cell';
import { createOfficeService } from '../../src/hosts/office/service';
import { createPoiService } from '../../src/app/service';
import { buildWorkbook, openXlsx } from '../../src/hosts/xlsx';
import { createXlsxPort } from '../../src/hosts/xlsx/workbook-port';
import { aei, ao, MONTHS_YEAR, oei, poiSheet, type PoiSheet } from '../fixtures/poi-sheet';
import { FakeWorkbook } from './office/fake-excel';
import { loadReport, REPORT, sampleLikeSpec } from './office/poi-workbook';

const FECHA = '2023-08-01';

interface HostUnderTest {
  readonly name: string;
  /** Recomputes the report in place; returns the number of computed cells written. */
  recompute(): Promise<number>;
  /** The report sheet's values now, as the engine reads them. */
  report(): Grid;
}

function xlsxHost(sheet: PoiSheet): HostUnderTest {
  const port = createXlsxPort(buildWorkbook([sheet.sheetSpec(REPORT)]));
  // The copy as written, read back from its bytes (not the port's kept grid).
  const report = (): Grid => openXlsx(port.bytes()).readSheet(REPORT);
  const service = createPoiService(port);
  return {
    name: 'xlsx',
    report,
    async recompute() {
      return (await service.recompute(REPORT, FECHA)).cellsWritten;
    },
  };
}

function officeHost(sheet: PoiSheet): HostUnderTest {
  const book = new FakeWorkbook();
  const fake = loadReport(book, sheet);
  const service = createOfficeService({ run: book.run, mergesSupported: () => true, log: () => undefined });
  return {
    name: 'office',
    report() {
      const range = fake.usedRange(true)!;
      const rows: CellValue[][] = [];
      for (let r = 0; r <= range.bottom; r++) {
        rows.push([]);
        // Office.js gives '' for an empty cell; the engine's blank is null.
        for (let c = 0; c <= range.right; c++) rows[r].push(fake.valueAt(r, c) === '' ? null : fake.valueAt(r, c));
      }
      return { rows, merges: fake.merges };
    },
    async recompute() {
      return (await service.recompute(REPORT, FECHA)).cellsWritten;
    },
  };
}

const dense = (grid: Grid, rows: number, cols: number): CellValue[][] =>
  Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => grid.rows[r]?.[c] ?? null));

const sheets: [string, () => PoiSheet][] = [
  ['a first-semester report like La Victoria’s first pages', () => poiSheet(sampleLikeSpec())],
  [
    'a whole year with a wrong stated %',
    () =>
      poiSheet({
        period: 'ANUAL',
        months: MONTHS_YEAR,
        objectives: [oei('01', [aei('01.01', [ao({ prog: new Array(12).fill(2), exec: new Array(12).fill(1), percent: 80, finExec: new Array(12).fill(12.5) })])])],
      }),
  ],
];

describe.each(sheets)('both hosts on %s', (_, build) => {
  // One build: the fixture numbers AO codes as it goes, so a second build would differ.
  const sheet = build();
  const original = sheet.toGrid();
  const expected = analyze(original, { fechaCorte: FECHA, sheet: REPORT });
  const hosts = [xlsxHost(sheet), officeHost(sheet)];
  const width = Math.max(...original.rows.map((r) => r?.length ?? 0));
  const height = original.rows.length;
  const written = new Set(expected.patch.cells.map((c) => c.a1));

  it.each(hosts.map((h) => [h.name, h] as const))('%s: writes the patch, and only it', async (_name, host) => {
    expect(await host.recompute()).toBe(expected.patch.cells.length);
    const after = dense(host.report(), height, width);
    const before = dense(original, height, width);
    const changed: string[] = [];
    for (let r = 0; r < height; r++) for (let c = 0; c < width; c++) if (after[r][c] !== before[r][c]) changed.push(toA1({ row: r, col: c }));
    expect(changed.sort()).toEqual([...written].sort());
    for (const cell of expected.patch.cells) expect([cell.a1, after[cell.at.row][cell.at.col]]).toEqual([cell.a1, cell.value]);
  });

  it.each(hosts.map((h) => [h.name, h] as const))('%s: a second run writes nothing', async (_name, host) => {
    expect(await host.recompute()).toBe(0);
  });

  it('the two hosts leave the report with the same values', () => {
    expect(dense(hosts[0].report(), height, width)).toEqual(dense(hosts[1].report(), height, width));
  });
});
