/**
 * The La Victoria 2023-S1 sample (samples/la-victoria-2023-s1.xlsx), loaded into the fake
 * Excel as a planner would open it, then recomputed by the Office host twice.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../../src/engine';
import { createOfficeService } from '../../../src/hosts/office/service';
import { openXlsx } from '../../../src/hosts/xlsx';
import { FakeWorkbook } from './fake-excel';

const SAMPLE = join(__dirname, '../../../samples/la-victoria-2023-s1.xlsx');
const FECHA = '2023-08-01';
const MB = 1024 * 1024;

(existsSync(SAMPLE) ? describe : describe.skip)('Office host on the La Victoria sample', () => {
  it('writes exactly the patch in 6 syncs, requests under 4 MB, and nothing on the second run', async () => {
    const grid = openXlsx(readFileSync(SAMPLE)).readSheet('Reporte POI');
    const expected = analyze(grid, { fechaCorte: FECHA, sheet: 'Reporte POI' });
    const book = new FakeWorkbook();
    const sheet = book.addSheet('Reporte POI', { values: grid.rows.map((r) => [...(r ?? [])]), merges: [...grid.merges] });
    const before = sheet.snapshot();
    const service = createOfficeService({ run: book.run, mergesSupported: () => true, log: () => undefined });

    const result = await service.recompute('Reporte POI', FECHA);
    expect(result.summary.activityCount).toBe(expected.model?.activities.length);
    const written = book.valueWrites.filter((w) => w.sheet === 'Reporte POI').map((w) => w.a1);
    expect([...written].sort()).toEqual(expected.patch.cells.map((c) => c.a1).sort());
    const untouched = new Set(written);
    const changed = [...before].filter(([a1, c]) => !untouched.has(a1) && sheet.get(a1)?.value !== c.value).map(([a1]) => a1);
    expect(changed).toEqual([]);
    // Read 2; sheet list and marks (with the re-read) 2; the backup alone 1; the writes 1.
    expect(book.syncs.length).toBeLessThanOrEqual(6);
    expect(book.maxRequest).toBeLessThan(4 * MB);
    const first = { syncs: book.syncs.length, request: book.maxRequest, response: book.maxResponse, cells: result.cellsWritten };

    book.resetStats();
    const again = await service.recompute('Reporte POI', FECHA);
    expect(again.cellsWritten).toBe(0);
    expect(book.valueWrites.filter((w) => w.sheet === 'Reporte POI')).toEqual([]);
    process.stdout.write(
      `[office host] sample: ${grid.rows.length} rows, ${grid.merges.length} merges; first run ${first.cells} cells, ${first.syncs} syncs, ` +
        `max request ${(first.request / 1024).toFixed(0)} KB, max response ${(first.response / 1024).toFixed(0)} KB; second run ${book.syncs.length} syncs\n`,
    );
  });
});
