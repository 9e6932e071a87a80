/**
 * The Office host end to end over the fake Excel: read → analyze → write, as the pane and
 * the ribbon run it. Asserts what only the host can get wrong: exactly the patch's cells
 * are written, inputs are untouched, the second run writes nothing, syncs stay few and
 * every request stays under 4 MB.
 */
import { analyze } from '../../../src/engine';
import { fromA1 } from '../../../src/engine/grid/a1';
import { createOfficeService } from '../../../src/hosts/office/service';
import { readSheet } from '../../../src/hosts/office/read-sheet';
import { TRAFFIC_FILL } from '../../../src/hosts/office/write-patch';
import { UserFacingError, type Progress } from '../../../src/app/contract';
import type { FakeCell, FakeWorkbook } from './fake-excel';
import { REPORT, bigSpec, sampleLikeSpec, workbookWith } from './poi-workbook';

const FECHA = '2023-08-15';
const MB = 1024 * 1024;
const quiet = (): void => undefined;

function service(book: FakeWorkbook) {
  return createOfficeService({ run: book.run, mergesSupported: () => true, log: quiet });
}

/** The engine's view of the fake sheet, read the way Excel would give it. */
async function analysisOf(book: FakeWorkbook) {
  const read = await book.run((ctx) => readSheet(ctx, REPORT));
  return analyze(read.grid, { fechaCorte: FECHA, sheet: REPORT });
}

function withoutFill(cells: Map<string, FakeCell>): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [a1, c] of cells) out.set(a1, { value: c.value, formula: c.formula, numberFormat: c.numberFormat, bold: c.bold });
  return out;
}

describe('Office service on a sample-like report', () => {
  it('writes exactly the patch, leaves every input unchanged, and a second run writes no value', async () => {
    const { book, sheet } = workbookWith(sampleLikeSpec());
    const before = sheet.snapshot();
    const expected = await analysisOf(book);
    expect(expected.model).not.toBeNull();
    const patchA1 = expected.patch.cells.map((c) => c.a1);
    expect(patchA1.length).toBeGreaterThan(10);
    book.resetStats();

    const progress: Progress[] = [];
    const result = await service(book).recompute(REPORT, FECHA, (p) => progress.push(p));
    expect(result.cellsWritten).toBe(patchA1.length);
    expect(progress.map((p) => p.stage)).toEqual(expect.arrayContaining(['reading', 'computing', 'writing']));

    // The exact set of report cells written (values and formats) is the patch.
    const written = book.valueWrites.filter((w) => w.sheet === REPORT).map((w) => w.a1);
    expect([...written].sort()).toEqual([...patchA1].sort());
    const formatted = book.formatWrites.filter((w) => w.sheet === REPORT).map((w) => w.a1);
    expect([...formatted].sort()).toEqual([...patchA1].sort());

    // Each written cell holds the computed value, as a value (never a formula) with its format.
    for (const c of expected.patch.cells) {
      const cell = sheet.get(c.a1);
      expect([c.a1, cell?.value ?? null, cell?.formula]).toEqual([c.a1, c.value, undefined]);
      expect(cell?.numberFormat).toBe(c.format);
    }
    // Every other cell is as it was (fills aside: they are the traffic light).
    const after = withoutFill(sheet.snapshot());
    const was = withoutFill(before);
    for (const a1 of patchA1) {
      after.delete(a1);
      was.delete(a1);
    }
    for (const [a1, cell] of was) expect([a1, after.get(a1)]).toEqual([a1, cell]);

    // Traffic light on every AVANCE % and AEI physical cell, as conditional formats; no static fill touched.
    const lights = expected.computed.filter((c) => c.kind === 'percent' || c.kind === 'aei-physical');
    expect(lights.length).toBeGreaterThan(5);
    for (const c of lights) expect([c.a1, sheet.shownFill(c.a1)]).toEqual([c.a1, c.color ? TRAFFIC_FILL[c.color] : undefined]);
    for (const [a1, cell] of sheet.snapshot()) expect([a1, cell.fill]).toEqual([a1, before.get(a1)?.fill]);

    // Syncs: used range + 1 block; sheet list and marks (with the re-read); the backup alone; 1 write batch.
    expect(book.syncs).toHaveLength(6);
    expect(book.maxRequest).toBeLessThan(4 * MB);
    // One write batch: calculation runs, with one recalculation at its end.
    expect(book.recalculations).toBe(1);

    // Second run: the patch is empty and no value is written to the report.
    book.resetStats();
    const again = await service(book).recompute(REPORT, FECHA);
    expect(again.cellsWritten).toBe(0);
    expect(again.summary.pendingCells).toBe(0);
    expect(book.valueWrites.filter((w) => w.sheet === REPORT)).toEqual([]);
    expect(book.formatWrites.filter((w) => w.sheet === REPORT)).toEqual([]);
    expect((await analysisOf(book)).patch.cells).toEqual([]);
  });

  it('writes the Observaciones sheet: status line, header, one linked row per observation, text kept as text', async () => {
    const { book } = workbookWith(sampleLikeSpec());
    const expected = await analysisOf(book);
    await service(book).recompute(REPORT, FECHA);
    const obs = book.sheet('Observaciones');
    expect(obs.valueAt('A1')).toMatch(/^Semáforo POI · hoja «Reporte POI» · fecha de corte 2023-08-15 · \d+ celdas recalculadas · \d+ observaciones/);
    expect([0, 1, 2, 3, 4, 5, 6].map((c) => obs.valueAt(2, c))).toEqual(['Regla', 'Severidad', 'Celda', 'Fila', 'Mensaje', 'Esperado', 'Encontrado']);
    expect(expected.observations.length).toBeGreaterThan(0);
    expected.observations.forEach((o, i) => {
      const r = 3 + i;
      expect(obs.valueAt(r, 0)).toBe(o.rule);
      expect(obs.valueAt(r, 2)).toBe(o.cell);
      expect(obs.cell(r, 2)?.formula).toBe(`=HYPERLINK("#'Reporte POI'!${o.cell}","${o.cell}")`);
      expect(obs.valueAt(r, 4)).toBe(o.message);
    });
    for (const [a1, cell] of obs.snapshot()) if (!/^C\d/.test(a1)) expect([a1, cell.formula]).toEqual([a1, undefined]);
  });

  it('analyze() reads and computes but writes nothing', async () => {
    const { book, sheet } = workbookWith(sampleLikeSpec());
    const before = sheet.snapshot();
    const summary = await service(book).analyze(REPORT, FECHA);
    expect(summary.recognised).toBe(true);
    expect(summary.pendingCells).toBeGreaterThan(0);
    expect(book.valueWrites).toEqual([]);
    expect(sheet.snapshot()).toEqual(before);
    expect(book.find('Observaciones')).toBeUndefined();
    expect(book.syncs).toHaveLength(2);
  });

  it('lists the sheets, recognising the POI one, in three syncs', async () => {
    const { book } = workbookWith(sampleLikeSpec(), ['Notas']);
    expect(await service(book).listSheets()).toEqual([
      { name: 'Notas', recognised: false, active: true },
      { name: REPORT, recognised: true },
    ]);
    // Sheets, then their marks (the tool's own sheets), then the top rows of every sheet.
    expect(book.syncs).toHaveLength(3);
  });

  it('writes the Resumen sheet with a bar chart of AEI physical execution', async () => {
    const { book } = workbookWith(sampleLikeSpec());
    await service(book).writeSummary(REPORT, FECHA);
    const s = book.sheet('Resumen');
    expect(s.valueAt('A1')).toBe('Semáforo POI: resumen del reporte');
    expect(s.charts).toHaveLength(1);
    expect(s.charts[0]).toMatchObject({ type: 'BarClustered', title: 'Ejecución física por AEI (%)' });
    // Run twice: still one Resumen sheet, one chart.
    await service(book).writeSummary(REPORT, FECHA);
    expect(book.sheets.filter((x) => x.name === 'Resumen')).toHaveLength(1);
    expect(book.sheet('Resumen').charts).toHaveLength(1);
  });

  it('selects a cell of the report', async () => {
    const { book } = workbookWith(sampleLikeSpec());
    await service(book).selectCell(REPORT, 'N14');
    expect(book.selection).toEqual({ sheet: REPORT, address: 'N14' });
    expect(book.active).toBe(REPORT);
  });

  it('turns Excel errors into Spanish sentences (cell-edit mode) and writes nothing', async () => {
    const { book, sheet } = workbookWith(sampleLikeSpec());
    const before = sheet.snapshot();
    book.cellEditMode = true;
    const err = await service(book).recompute(REPORT, FECHA).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserFacingError);
    expect((err as Error).message).toBe('Excel está editando una celda. Pulse Intro o Esc y vuelva a intentarlo.');
    expect(sheet.snapshot()).toEqual(before);
    await expect(service(book).listSheets()).rejects.toThrow('Excel está editando una celda');
    await expect(service(book).selectCell(REPORT, 'A1')).rejects.toThrow('Excel está editando una celda');
  });

  it('reports a missing sheet in Spanish', async () => {
    const { book } = workbookWith(sampleLikeSpec());
    await expect(service(book).analyze('Otra hoja', FECHA)).rejects.toThrow('No se encontró la hoja «Otra hoja»');
  });

  it('writes nothing to a sheet without the POI layout', async () => {
    const { book } = workbookWith(sampleLikeSpec(), ['Notas']);
    const result = await service(book).recompute('Notas', FECHA);
    expect(result.summary.recognised).toBe(false);
    expect(result.cellsWritten).toBe(0);
    expect(book.valueWrites).toEqual([]);
  });

  it('works without merged areas (ExcelApi 1.13 missing): same cells written', async () => {
    const { book } = workbookWith(sampleLikeSpec());
    const expected = await analysisOf(book);
    book.resetStats();
    await createOfficeService({ run: book.run, mergesSupported: () => false, log: quiet }).recompute(REPORT, FECHA);
    const written = book.valueWrites.filter((w) => w.sheet === REPORT).map((w) => w.a1);
    expect([...written].sort()).toEqual(expected.patch.cells.map((c) => c.a1).sort());
  });
});

describe('Office service on 10,000 AO', () => {
  it('recomputes in at most 10 syncs with every request under 4 MB, then rewrites nothing', async () => {
    const { book, sheet } = workbookWith(bigSpec(10_000));
    const before = sheet.snapshot();
    const result = await service(book).recompute(REPORT, FECHA);
    const syncs = book.syncs.length;
    const requests = book.syncs.map((s) => s.request);
    const responses = book.syncs.map((s) => s.response);

    expect(result.summary.activityCount).toBe(10_000);
    expect(result.cellsWritten).toBeGreaterThan(50_000);
    expect(syncs).toBeLessThanOrEqual(10);
    expect(Math.max(...requests)).toBeLessThan(4 * MB);
    expect(Math.max(...responses)).toBeLessThan(4 * MB);

    // Only computed cells changed; every input is as it was.
    const written = new Set(book.valueWrites.filter((w) => w.sheet === REPORT).map((w) => w.a1));
    expect(written.size).toBe(result.cellsWritten);
    const changed: string[] = [];
    for (const [a1, cell] of before) {
      const now = sheet.get(a1);
      if (!written.has(a1) && (now?.value !== cell.value || now?.numberFormat !== cell.numberFormat)) changed.push(a1);
    }
    expect(changed).toEqual([]);
    // The first AO's merged AVANCE % was written at its top-left only.
    const first = sheet.merges.find((m) => m.left === 13 && m.bottom === m.top + 1)!;
    expect(written.has(`N${first.top + 1}`)).toBe(true);
    expect(written.has(`N${first.top + 2}`)).toBe(false);

    book.resetStats();
    const again = await service(book).recompute(REPORT, FECHA);
    expect(again.cellsWritten).toBe(0);
    expect(book.valueWrites.filter((w) => w.sheet === REPORT)).toEqual([]);
    // Report the measured figures for the record (bench-like, not asserted as timings).
    process.stdout.write(
      `[office host] 10,000 AO: first run ${syncs} syncs, max request ${(Math.max(...requests) / MB).toFixed(2)} MB, ` +
        `max response ${(Math.max(...responses) / MB).toFixed(2)} MB; second run ${book.syncs.length} syncs, ` +
        `max request ${(book.maxRequest / MB).toFixed(2)} MB\n`,
    );
    expect(fromA1('N1').col).toBe(13);
  });
});
