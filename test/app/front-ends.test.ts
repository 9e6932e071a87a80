/**
 * One workbook through the three front ends: `poi-check --out` (a copy on disk), the web
 * page's worker session (the downloaded copy) and the add-in (the Office service over the
 * in-memory Excel). Each carries out the app's one recompute plan, so the three must end
 * with the same sheets holding the same cells.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/poi-check';
import { toA1 } from '../../src/engine/grid/a1';
import type { CellValue } from '../../src/engine/grid/cell';
import { createOfficeService } from '../../src/hosts/office/service';
import { buildWorkbook, openXlsx } from '../../src/hosts/xlsx';
import { WorkbookSession } from '../../src/web/worker-core';
import { poiSheet } from '../fixtures/poi-sheet';
import { FakeWorkbook } from '../hosts/office/fake-excel';
import { loadReport, REPORT, sampleLikeSpec } from '../hosts/office/poi-workbook';

const FECHA = '2023-08-15';
const NOTES = 'Notas';

/** Sheet name → (A1 → value) of every non-empty cell. */
type Book = Map<string, Map<string, CellValue>>;

function fromXlsx(bytes: Uint8Array): Book {
  const pkg = openXlsx(bytes);
  const book: Book = new Map();
  for (const { name } of pkg.sheets) {
    const cells = new Map<string, CellValue>();
    pkg.readSheet(name).rows.forEach((row, r) =>
      row?.forEach((v, c) => {
        if (v !== null && v !== '') cells.set(toA1({ row: r, col: c }), v);
      }),
    );
    book.set(name, cells);
  }
  return book;
}

/** A date cell as the engine's cell type carries it (ISO text, see src/engine/grid/cell.ts), as our .xlsx reader gives it. */
function asEngineValue(value: CellValue, numberFormat: string | undefined): CellValue {
  if (typeof value !== 'number' || !numberFormat || !/d.*m.*y|y.*m.*d/i.test(numberFormat)) return value;
  return new Date(Date.UTC(1899, 11, 30) + value * 86_400_000).toISOString().slice(0, 10);
}

function fromFake(fake: FakeWorkbook): Book {
  const book: Book = new Map();
  // The add-in's hidden backup sheet («Deshacer el último recálculo») is its own way to undo, not an output.
  for (const sheet of fake.sheets.filter((s) => s.visibility === 'Visible')) {
    const cells = new Map<string, CellValue>();
    for (const [a1, cell] of sheet.snapshot()) if (cell.value !== undefined && cell.value !== '') cells.set(a1, asEngineValue(cell.value, cell.numberFormat));
    book.set(sheet.name, cells);
  }
  return book;
}

const sorted = (cells: Map<string, CellValue> | undefined): [string, CellValue][] => [...(cells ?? new Map<string, CellValue>())].sort((a, b) => (a[0] < b[0] ? -1 : 1));

describe('the CLI, the web page and the add-in write the same workbook', () => {
  // One fixture build for all three (it numbers AO codes as it goes).
  const sheet = poiSheet(sampleLikeSpec());
  const bytes = buildWorkbook([{ name: NOTES, table: [[{ value: 'Notas del planificador' }]] }, sheet.sheetSpec(REPORT)]);
  const books = new Map<string, Book>();

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'front-ends-'));
    const input = join(dir, 'reporte.xlsx');
    const out = join(dir, 'copia.xlsx');
    writeFileSync(input, bytes);
    const code = await main(['--fecha-corte', FECHA, '--out', out, input], { out: () => undefined, err: () => undefined });
    expect(code).toBe(1); // the sample-like report has errors: the copy is written all the same
    books.set('cli', fromXlsx(new Uint8Array(readFileSync(out))));

    const session = new WorkbookSession();
    const quiet = (): void => undefined;
    await session.open('reporte.xlsx', bytes.slice(), quiet);
    await session.recompute(REPORT, FECHA, quiet);
    books.set('web', fromXlsx(session.download().bytes));

    const fake = new FakeWorkbook();
    fake.addSheet(NOTES, { values: [['Notas del planificador']] });
    loadReport(fake, sheet);
    await createOfficeService({ run: fake.run, mergesSupported: () => true, log: quiet }).recompute(REPORT, FECHA);
    books.set('add-in', fromFake(fake));
  });

  it('the same set of sheets, in the same order: the planner’s, then Observaciones and Resumen', () => {
    for (const [, book] of books) expect([...book.keys()]).toEqual([NOTES, REPORT, 'Observaciones', 'Resumen']);
  });

  it.each([REPORT, 'Observaciones', 'Resumen', NOTES])('«%s» holds the same cells in all three', (name) => {
    const cli = sorted(books.get('cli')?.get(name));
    expect(cli.length).toBeGreaterThan(0);
    expect(sorted(books.get('web')?.get(name))).toEqual(cli);
    expect(sorted(books.get('add-in')?.get(name))).toEqual(cli);
  });

  it('Observaciones starts with the run’s status line and lists the observations', () => {
    const obs = books.get('cli')?.get('Observaciones');
    expect(obs?.get('A1')).toMatch(/^Semáforo POI · hoja «Reporte POI» · fecha de corte 2023-08-15 · \d+ celdas recalculadas · \d+ observaciones/);
    expect(obs?.get('A3')).toBe('Regla');
    expect(obs?.get('A4')).toEqual(expect.any(String));
  });
});
