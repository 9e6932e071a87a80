/**
 * The Office port's look at the top of each sheet (what choose-sheet recognises layouts on),
 * over the in-memory Excel.
 */
import { createOfficePort } from '../../src/hosts/office/workbook-port';
import { createOfficeService } from '../../src/hosts/office/service';
import { poiSheet } from '../fixtures/poi-sheet';
import { FakeWorkbook } from '../hosts/office/fake-excel';
import { sampleLikeSpec } from '../hosts/office/poi-workbook';

const quiet = (): void => undefined;

describe('the Office port', () => {
  it('recognises a report whose header starts far to the right, in three syncs for every sheet', async () => {
    const sheet = poiSheet(sampleLikeSpec());
    const shift = 60;
    const book = new FakeWorkbook();
    book.addSheet('Notas', { values: [['Notas del planificador']] });
    book.addSheet('Desplazado', { values: sheet.table.map((row) => [...new Array<null>(shift).fill(null), ...row.map((c) => c?.value ?? null)]) });
    book.addSheet('Vacía');
    book.active = 'Desplazado';
    expect(await createOfficeService({ run: book.run, log: quiet }).listSheets()).toEqual([
      { name: 'Notas', recognised: false },
      { name: 'Desplazado', recognised: true, active: true },
      { name: 'Vacía', recognised: false },
    ]);
    // Sheets, their marks, then the top rows of every sheet at once.
    expect(book.syncs).toHaveLength(3);
  });

  it('reads only the top rows when asked, and the whole sheet otherwise', async () => {
    const sheet = poiSheet(sampleLikeSpec());
    const book = new FakeWorkbook();
    book.addSheet('Reporte', { values: sheet.table.map((row) => row.map((c) => c?.value ?? null)) });
    const port = createOfficePort({ run: book.run, mergesSupported: () => false, log: quiet });
    const head = await port.readGrid('Reporte', { limitRows: 5 });
    expect(head.rows.length).toBe(5);
    const whole = await port.readGrid('Reporte');
    expect(whole.rows.length).toBe(sheet.table.length);
    expect(whole.rows.slice(0, 5)).toEqual(head.rows);
  });
});

describe('the Office service’s undo', () => {
  it('is offered where the port can undo, and a recompute that wrote cells says it can be undone', async () => {
    const book = new FakeWorkbook();
    const sheet = poiSheet(sampleLikeSpec());
    book.addSheet('Reporte', { values: sheet.table.map((row) => row.map((c) => c?.value ?? null)), merges: sheet.merges });
    const service = createOfficeService({ run: book.run, mergesSupported: () => true, log: quiet });
    expect(typeof service.undo).toBe('function');
    const written = await service.recompute('Reporte', '2023-08-15');
    expect(written.cellsWritten).toBeGreaterThan(0);
    expect(written.undoAvailable).toBe(true);
    expect(await service.undo!()).toMatch(/^Se deshizo el último recálculo: \d+ celdas volvieron a su valor anterior en la hoja «Reporte»\.$/);
    await expect(service.undo!()).rejects.toThrow('No hay un recálculo que deshacer');
  });
});
