/**
 * The web page over the Aplicativo's flat export (a generated .xlsx): the period and phase
 * chosen cross the worker, and «Generar reporte» puts the generated Reporte de seguimiento
 * into the downloaded copy, whose figures read back the same.
 */
import { analyze } from '../../src/engine';
import { openXlsx } from '../../src/hosts/xlsx';
import { WebPoiService } from '../../src/web/web-service';
import { EXPORT_SHEET, flatExport, flatExportXlsx, variedActivities } from '../fixtures/flat-export';
import { InProcessWorker } from './helpers';

const FECHA = '2025-08-15';
const REPORT = 'Reporte de seguimiento';

async function openedExport() {
  const built = flatExport({ activities: variedActivities({ seed: 11, activities: 15, trackedThrough: 8 }) });
  const bytes = flatExportXlsx(built);
  const worker = new InProcessWorker();
  const service = new WebPoiService(worker);
  await service.openBytes('POI_Por_ActividadOperativaAnual.xlsx', bytes);
  return { worker, service, bytes };
}

describe('WebPoiService over a flat export', () => {
  it('opens the export on its sheet and analyses it with the period the user chose', async () => {
    const { worker, service } = await openedExport();
    expect(service.getState().sheet).toBe(EXPORT_SHEET);
    const auto = await service.analyze(EXPORT_SHEET, FECHA);
    expect(auto.layout).toBe('exportacion');
    expect(auto.period).toMatchObject({ code: 'S1', source: 'fecha-corte' });

    const chosen = await service.analyze(EXPORT_SHEET, FECHA, undefined, { period: '04', programmedPhase: 'CS' });
    expect(worker.posted.at(-1)).toMatchObject({ op: 'analyze', choices: { period: '04', programmedPhase: 'CS' } });
    expect(chosen.period).toMatchObject({ code: '04', months: [1, 2, 3, 4], source: 'opcion' });
    expect(chosen.forcedPhase).toBe('CS');
    expect(service.getState().summary).toBe(chosen);
  });

  it('«Generar reporte» writes the generated sheet into the downloaded copy; read back, its figures are the same', async () => {
    const { service, bytes } = await openedExport();
    const result = await service.recompute(EXPORT_SHEET, FECHA, undefined, { period: 'S1' });
    expect(result.sheetsWritten).toEqual([REPORT, 'Observaciones', 'Resumen']);
    expect(result.cellsWritten).toBe(0);
    expect(service.getState().modified).toBe(true);
    expect((await service.listSheets()).find((s) => s.name === REPORT)).toMatchObject({ toolRole: 'reporte' });

    const { fileName, bytes: copy } = await service.download();
    expect(fileName).toBe('POI_Por_ActividadOperativaAnual-recalculado.xlsx');
    const pkg = openXlsx(copy);
    expect(pkg.sheets.map((s) => s.name)).toEqual([EXPORT_SHEET, REPORT, 'Observaciones', 'Resumen']);
    // The export itself is unchanged.
    expect(pkg.readSheet(EXPORT_SHEET)).toEqual(openXlsx(bytes).readSheet(EXPORT_SHEET));

    const back = analyze(pkg.readSheet(REPORT), { fechaCorte: FECHA, sheet: REPORT });
    expect(back.layout).toBe('reporte');
    expect(back.model?.activities.length).toBe(result.summary.activityCount);
    expect(back.figures?.totals).toEqual(result.summary.totals);
    expect(back.figures?.trafficLight).toEqual(result.summary.trafficLight);
    expect(back.period?.months).toEqual([1, 2, 3, 4, 5, 6]);
  });
});
