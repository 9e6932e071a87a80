/**
 * The service over a flat export: the period and phase the user chose reach the engine, and
 * «Generar reporte» (recompute) leaves the export as it is and adds the generated report.
 */
import { createPoiService } from '../../src/app/service';
import { createOfficeService } from '../../src/hosts/office/service';
import { FakeWorkbook } from '../hosts/office/fake-excel';
import { EXPORT_SHEET, flatExport, variedActivities } from '../fixtures/flat-export';
import { MemoryPort } from './memory-port';
import { aei, ao, oei, poiSheet } from '../fixtures/poi-sheet';

const FECHA = '2025-08-15';

function exportBook(): MemoryPort {
  const built = flatExport({
    activities: variedActivities({
      seed: 7,
      activities: 12,
      trackedThrough: 9,
    }),
  });
  return new MemoryPort([{ name: EXPORT_SHEET, grid: built.grid }]);
}

describe('createPoiService over a flat export', () => {
  it('says the layout, the period chosen by the fecha de corte, and the phases read', async () => {
    const summary = await createPoiService(exportBook()).analyze(EXPORT_SHEET, FECHA);
    expect(summary.layout).toBe('exportacion');
    expect(summary.period).toMatchObject({
      code: 'S1',
      months: [1, 2, 3, 4, 5, 6],
      source: 'fecha-corte',
    });
    expect(summary.forcedPhase).toBeNull();
    const counts = summary.programmedPhases ?? {};
    expect(Object.values(counts).reduce((a, b) => a + (b ?? 0), 0)).toBe(summary.activityCount);
    expect(counts.RE).toBeGreaterThan(0);
  });

  it('a printed report says its layout and the months of its header, with no phases and no effect of the choices', async () => {
    const grid = poiSheet({ objectives: [oei('01', [aei('01.01', [ao({ prog: [1, 1, 1, 1, 1, 1], exec: [1, 1, 1, 1, 1, 1] })])])] }).toGrid();
    const service = createPoiService(new MemoryPort([{ name: 'Reporte POI', grid }]));
    const summary = await service.analyze('Reporte POI', FECHA);
    expect(summary.layout).toBe('reporte');
    expect(summary.period).toMatchObject({ code: 'S1', months: [1, 2, 3, 4, 5, 6], source: 'reporte' });
    expect(summary.programmedPhases).toBeUndefined();
    expect(summary.forcedPhase).toBeUndefined();
    expect(await service.analyze('Reporte POI', FECHA, undefined, { period: 'anual', programmedPhase: 'A' })).toEqual(summary);
  });

  it('analyses with the period and phase chosen', async () => {
    const service = createPoiService(exportBook());
    const auto = await service.analyze(EXPORT_SHEET, FECHA);
    const year = await service.analyze(EXPORT_SHEET, FECHA, undefined, {
      period: 'anual',
      programmedPhase: 'A',
    });
    expect(year.period).toMatchObject({
      code: 'anual',
      months: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
      source: 'opcion',
    });
    expect(year.forcedPhase).toBe('A');
    expect(year.programmedPhases).toEqual({ A: year.activityCount });
    expect(year.totals).not.toEqual(auto.totals);
    const march = await service.analyze(EXPORT_SHEET, FECHA, undefined, {
      period: '03',
    });
    expect(march.period).toMatchObject({ code: '03', months: [1, 2, 3] });
    expect(march.forcedPhase).toBeNull();
  });

  it('recompute writes the generated report, Observaciones and Resumen and leaves the export as it was', async () => {
    const port = exportBook();
    const before = structuredClone(port.sheet(EXPORT_SHEET).grid);
    const service = createPoiService(port);
    const result = await service.recompute(EXPORT_SHEET, FECHA, undefined, {
      period: 'S2',
    });
    const [plan] = port.plans;
    expect(plan.cells?.cells).toEqual([]);
    expect(plan.sheets.map((s) => s.role)).toEqual(['reporte', 'observaciones', 'resumen']);
    expect(result.sheetsWritten).toEqual(['Reporte de seguimiento', 'Observaciones', 'Resumen']);
    expect(result.cellsWritten).toBe(0);
    expect(result.summary.period).toMatchObject({
      code: 'S2',
      months: [7, 8, 9, 10, 11, 12],
    });
    expect(port.sheet(EXPORT_SHEET).grid).toEqual(before);
    // The generated sheet is for the period chosen: its title names it.
    const titles = plan.sheets[0].table
      .slice(0, 6)
      .flat()
      .map((c) => String(c?.value ?? ''));
    expect(titles.some((t) => t.includes('SEGUNDO SEMESTRE'))).toBe(true);
  });
});

describe('the add-in (Office service) over a flat export', () => {
  it('«Generar reporte» adds Reporte de seguimiento to the workbook, the export untouched; read back, the figures are the same', async () => {
    const built = flatExport({
      activities: variedActivities({
        seed: 5,
        activities: 10,
        trackedThrough: 7,
      }),
    });
    const book = new FakeWorkbook();
    book.addSheet(EXPORT_SHEET, {
      values: built.rows.map((r) => r.map((v) => (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : null))),
    });
    const before = book.sheet(EXPORT_SHEET).snapshot();
    const quiet = (): void => undefined;
    const service = createOfficeService({ run: book.run, log: quiet });

    const result = await service.recompute(EXPORT_SHEET, FECHA, undefined, {
      period: 'anual',
      programmedPhase: 'RE',
    });
    expect(result.sheetsWritten).toEqual(['Reporte de seguimiento', 'Observaciones', 'Resumen']);
    expect(result.summary).toMatchObject({
      layout: 'exportacion',
      forcedPhase: 'RE',
      period: { code: 'anual' },
    });
    expect(book.sheets.map((s) => s.name)).toEqual([EXPORT_SHEET, 'Reporte de seguimiento', 'Observaciones', 'Resumen']);
    expect(book.sheet(EXPORT_SHEET).snapshot()).toEqual(before);

    // The generated sheet is a printed report for the whole year, with the export's figures.
    const back = await service.analyze('Reporte de seguimiento', FECHA);
    expect(back.layout).toBe('reporte');
    expect(back.period?.months).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(back.activityCount).toBe(result.summary.activityCount);
    expect(back.totals).toEqual(result.summary.totals);
    expect(back.trafficLight).toEqual(result.summary.trafficLight);
  });
});
