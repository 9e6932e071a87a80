import { analyze } from '../../src/engine';
import { openXlsx } from '../../src/hosts/xlsx';
import { UserFacingError, type Progress } from '../../src/app/contract';
import { GENERIC_ERROR, toShownError } from '../../src/ui/use-analysis';
import { WORKER_FAILED, WebPoiService } from '../../src/web/web-service';
import { CSV_BYTES, InProcessWorker, PDF_BYTES, REPORT_SHEET, smallReport, smallWorkbook } from './helpers';

const FECHA = '2023-08-01';

async function opened() {
  const worker = new InProcessWorker();
  const service = new WebPoiService(worker);
  await service.openBytes('reporte.xlsx', smallWorkbook());
  return { worker, service };
}

describe('WebPoiService', () => {
  it('opens a workbook, shows its report sheet with the header frozen, and lists the sheets', async () => {
    const { service } = await opened();
    const s = service.getState();
    expect(s.file).toEqual({ name: 'reporte.xlsx', seq: 1 });
    expect(s.fileError).toBeNull();
    expect(s.opening).toBeNull();
    expect(s.sheet).toBe(REPORT_SHEET);
    expect(s.view?.frozenRows).toBe(5); // 2 title rows, a blank row, 2 header rows
    expect(s.view?.grid.rows[0]?.[0]).toMatch(/REPORTE DE SEGUIMIENTO/);
    expect(await service.listSheets()).toEqual([
      { name: 'Notas', recognised: false },
      { name: REPORT_SHEET, recognised: true },
    ]);
  });

  it('analyses with progress and keeps the summary for the grid', async () => {
    const { service } = await opened();
    const seen: Progress[] = [];
    const summary = await service.analyze(REPORT_SHEET, FECHA, (p) => seen.push(p));
    expect(seen.map((p) => p.stage)).toEqual(['reading', 'computing']);
    expect(summary.recognised).toBe(true);
    expect(summary.activityCount).toBe(3);
    expect(summary.pendingCells).toBeGreaterThan(0);
    expect(service.getState().summary).toBe(summary);
    expect(service.getState().modified).toBe(false);
  });

  it('recomputes into the open workbook: the grid shows the computed cells, Descargar gives the copy', async () => {
    const { service } = await opened();
    const seen: string[] = [];
    const result = await service.recompute(REPORT_SHEET, FECHA, (p) => seen.push(p.stage));
    // After writing, the written sheet is checked again: the summary is of the workbook as it now is.
    expect(seen).toEqual(['reading', 'computing', 'writing', 'computing']);
    expect(result.summary.pendingCells).toBe(0);
    expect(result.cellsWritten).toBeGreaterThan(0);
    const state = service.getState();
    expect(state.modified).toBe(true);
    const cols = smallReport().columns;
    const firstAo = smallReport().activityRows[0];
    expect(state.view?.grid.rows[firstAo]?.[cols.physicalAccumulated]).toBe(6);
    expect(state.view?.grid.rows[firstAo]?.[cols.percent]).toBe(100);

    const { fileName, bytes } = await service.download();
    expect(fileName).toBe('reporte-recalculado.xlsx');
    const pkg = openXlsx(bytes);
    expect(pkg.sheets.map((s) => s.name)).toEqual(['Notas', REPORT_SHEET, 'Observaciones', 'Resumen']);
    const again = analyze(pkg.readSheet(REPORT_SHEET), { fechaCorte: FECHA, sheet: REPORT_SHEET });
    expect(again.patch.cells).toEqual([]);
    // The grid shown is what the copy holds.
    expect(state.view?.grid.rows[firstAo]?.slice(0, cols.last + 1)).toEqual(pkg.readSheet(REPORT_SHEET).rows[firstAo]?.slice(0, cols.last + 1));
  });

  it('recomputes twice (the added sheets are replaced) and writes the Resumen alone', async () => {
    const { service } = await opened();
    await service.recompute(REPORT_SHEET, FECHA);
    const second = await service.recompute(REPORT_SHEET, FECHA);
    expect(second.cellsWritten).toBe(0);
    await service.writeSummary(REPORT_SHEET, FECHA);
    const names = openXlsx((await service.download()).bytes).sheets.map((s) => s.name);
    expect(names).toEqual(['Notas', REPORT_SHEET, 'Observaciones', 'Resumen']);
  });

  it('offers the original name while nothing was written', async () => {
    const { service } = await opened();
    expect((await service.download()).fileName).toBe('reporte.xlsx');
  });

  it.each([
    ['datos.csv', CSV_BYTES, /texto \(CSV u otro\), no un libro de Excel/],
    ['informe.pdf', PDF_BYTES, /es un PDF, no un libro de Excel/],
  ])('refuses %s with the Spanish sentence and keeps the open workbook', async (name, bytes, message) => {
    const { service } = await opened();
    await service.openBytes(name, bytes.slice());
    const s = service.getState();
    expect(s.fileError?.message).toMatch(message);
    expect(s.fileError?.message).not.toBe(GENERIC_ERROR);
    expect(s.file).toEqual({ name: 'reporte.xlsx', seq: 1 });
    expect((await service.analyze(REPORT_SHEET, FECHA)).recognised).toBe(true);
  });

  it('selects a cell, switching sheets when needed, with a new seq every time', async () => {
    const { service } = await opened();
    await service.selectCell(REPORT_SHEET, 'N8');
    const first = service.getState().selected;
    expect(first?.a1).toBe('N8');
    await service.selectCell(REPORT_SHEET, 'N8');
    expect(service.getState().selected?.seq).toBeGreaterThan(first!.seq);
    await service.selectCell('Notas', 'A1');
    expect(service.getState().sheet).toBe('Notas');
    expect(service.getState().view?.sheet).toBe('Notas');
    expect(service.getState().selected?.a1).toBe('A1');
  });

  it('reports an unknown sheet as the host says it, in Spanish', async () => {
    const { service } = await opened();
    const e = await service.analyze('No existe', FECHA).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(UserFacingError);
    expect((e as Error).message).toMatch(/no tiene una hoja llamada «No existe»/);
  });

  it('turns an unexpected failure into a generic message with the detail', async () => {
    const { service } = await opened();
    const e = await service.analyze(REPORT_SHEET, 'mañana').catch((x: unknown) => x);
    expect(e).not.toBeInstanceOf(UserFacingError);
    const shown = toShownError(e);
    expect(shown.message).toBe(GENERIC_ERROR);
    expect(shown.detail).toMatch(/^InvalidOptionsError: fechaCorte/);
  });

  it('asks to open a file first', async () => {
    const service = new WebPoiService(new InProcessWorker());
    await expect(service.listSheets()).rejects.toThrow(/Abra primero un libro/);
  });

  it('fails pending requests in Spanish when the worker dies', async () => {
    const worker = new InProcessWorker();
    const service = new WebPoiService(worker);
    const pending = service.listSheets();
    worker.crash('SyntaxError');
    await expect(pending).rejects.toThrow(WORKER_FAILED);
  });

  it('says what to do when the sample is missing', async () => {
    const service = new WebPoiService(new InProcessWorker());
    const realFetch = global.fetch;
    global.fetch = (async () => new Response('no', { status: 404 })) as typeof fetch;
    try {
      await service.openSample('samples/none.xlsx');
    } finally {
      global.fetch = realFetch;
    }
    expect(service.getState().fileError?.message).toMatch(/No se encontró el libro de ejemplo/);
    expect(service.getState().file).toBeNull();
  });
});

describe('WebPoiService, shown sheet', () => {
  it('shows the analysed sheet even when it was not the one on screen', async () => {
    const { service } = await opened();
    await service.showSheet('Notas');
    expect(service.getState().view?.sheet).toBe('Notas');
    await service.analyze(REPORT_SHEET, FECHA);
    expect(service.getState().sheet).toBe(REPORT_SHEET);
    expect(service.getState().view?.sheet).toBe(REPORT_SHEET);
  });

  it('shows a sheet that cannot be read as an error where the grid goes, and recovers', async () => {
    const { service } = await opened();
    await service.showSheet('Borrada');
    expect(service.getState().view).toBeNull();
    expect(service.getState().viewError?.message).toMatch(/no tiene una hoja llamada «Borrada»/);
    await service.showSheet(REPORT_SHEET);
    expect(service.getState().viewError).toBeNull();
    expect(service.getState().view?.sheet).toBe(REPORT_SHEET);
  });

  it('transfers a copy when given a view into a larger buffer', async () => {
    const worker = new InProcessWorker();
    const service = new WebPoiService(worker);
    const book = smallWorkbook();
    const big = new Uint8Array(book.length + 10);
    big.set(book, 5);
    await service.openBytes('vista.xlsx', big.subarray(5, 5 + book.length));
    expect(service.getState().file?.name).toBe('vista.xlsx');
    const open = worker.posted.find((m) => m.op === 'open') as { bytes: Uint8Array };
    expect(open.bytes.byteOffset).toBe(0);
    expect(open.bytes.buffer.byteLength).toBe(book.length);
  });
});
