import { analyzeSheet, inThreadAnalyzer, type Analyzer } from '../../src/app/analyzer';
import { HEAD_ROWS } from '../../src/app/choose-sheet';
import { UserFacingError, type AnalyzeChoices } from '../../src/app/contract';
import { createPoiService } from '../../src/app/service';
import type { Grid } from '../../src/engine/grid/cell';
import { sheetNotRecognised } from '../../src/engine/not-recognised';
import { aei, ao, oei, poiSheet } from '../fixtures/poi-sheet';
import { EXPORT_SHEET, flatExport } from '../fixtures/flat-export';
import { MemoryPort } from './memory-port';

const FECHA = '2023-08-15';
const SHEET = 'Reporte POI';

/** One AO states a wrong % (90 for 25) and one a wrong accumulated; the computed cells are otherwise blank. */
function reportGrid(): Grid {
  return poiSheet({
    objectives: [
      oei('01', [
        aei('01.01', [ao({ prog: [1, 1, 1, 1, 1, 1], exec: [1, 1, 1, 1, 1, 1], execAcc: 5 })]),
        aei('01.02', [ao({ prog: [4, 0, 0, 0, 0, 0], exec: [1, 0, 0, 0, 0, 0], percent: 90 })]),
      ]),
    ],
  }).toGrid();
}

function workbook(): MemoryPort {
  return new MemoryPort([
    { name: 'Notas', grid: { rows: [['Notas del planificador']], merges: [] } },
    { name: SHEET, grid: reportGrid() },
  ]);
}

describe('createPoiService over a workbook port', () => {
  it('lists the sheets from their top rows only', async () => {
    const port = workbook();
    expect(await createPoiService(port).listSheets()).toEqual([
      { name: 'Notas', recognised: false },
      { name: SHEET, recognised: true },
    ]);
    expect(port.reads.every((r) => r.limitRows === HEAD_ROWS)).toBe(true);
  });

  it('analyze reads the sheet whole and writes nothing', async () => {
    const port = workbook();
    const summary = await createPoiService(port).analyze(SHEET, FECHA);
    expect(summary.recognised).toBe(true);
    expect(summary.pendingCells).toBeGreaterThan(0);
    expect(port.reads).toEqual([{ sheet: SHEET, limitRows: undefined }]);
    expect(port.plans).toEqual([]);
  });

  it('recompute carries out the plan, then reports the workbook as it now is', async () => {
    const port = workbook();
    const service = createPoiService(port);
    const before = await service.analyze(SHEET, FECHA);
    const stale = before.observations.filter((o) => o.rule === 'stated-percent' || o.rule === 'stated-physical-accumulated');
    expect(stale.length).toBeGreaterThanOrEqual(2);

    const result = await service.recompute(SHEET, FECHA);
    const [plan] = port.plans;
    expect(port.plans).toHaveLength(1);
    expect(plan.cells?.cells).toHaveLength(before.pendingCells);
    expect(plan.sheets.map((s) => s.name)).toEqual(['Observaciones', 'Resumen']);
    expect(result).toMatchObject({ cellsWritten: before.pendingCells, sheetsWritten: ['Observaciones', 'Resumen'], status: plan.status, notices: [] });

    // The pane no longer lists the errors it has just corrected: the summary is the written sheet's.
    expect(result.summary.pendingCells).toBe(0);
    expect(result.summary.observations.filter((o) => stale.some((s) => s.rule === o.rule && s.cell === o.cell))).toEqual([]);
    expect(result.summary).toEqual(await service.analyze(SHEET, FECHA));
    // One read of the sheet for the whole recompute (and one more for the check above).
    expect(port.reads.filter((r) => r.limitRows === undefined)).toHaveLength(3);
  });

  it('recompute of an unrecognised sheet writes nothing and says why', async () => {
    const port = workbook();
    const result = await createPoiService(port).recompute('Notas', FECHA);
    expect(result).toMatchObject({ cellsWritten: 0, sheetsWritten: [] });
    expect(result.summary.observations.map((o) => o.message)).toEqual([sheetNotRecognised('Notas')]);
    expect(port.plans).toEqual([]);
  });

  it('writeSummary writes Resumen alone; on an unrecognised sheet it refuses in Spanish', async () => {
    const port = workbook();
    const service = createPoiService(port);
    await service.writeSummary(SHEET, FECHA);
    expect(port.plans.map((p) => [p.cells, p.sheets.map((s) => s.name)])).toEqual([[null, ['Resumen']]]);
    await expect(service.writeSummary('Notas', FECHA)).rejects.toThrow(UserFacingError);
    await expect(service.writeSummary('Notas', FECHA)).rejects.toThrow(sheetNotRecognised('Notas'));
  });

  it('chooses the sheet by the one policy, with this front end’s words when none fits', async () => {
    const port = workbook();
    expect(await createPoiService(port).chooseSheet()).toEqual({ sheet: SHEET, reason: null });
    const notesOnly = new MemoryPort([{ name: 'Notas', grid: { rows: [['x']], merges: [] } }]);
    const pick = await createPoiService(notesOnly, { whatToDo: 'Abra el panel.' }).chooseSheet();
    expect(pick.reason).toMatch(/ninguna hoja tiene el formato del Reporte de seguimiento del POI .* Abra el panel\.$/);
  });

  it('runs the engine through the analyzer it is given (the pane passes a worker)', async () => {
    const port = workbook();
    const grid = await port.readGrid(SHEET);
    const seen: string[] = [];
    const counting: Analyzer = {
      analyze: (grid, request) => {
        seen.push(request.sheet);
        return inThreadAnalyzer.analyze(grid, request);
      },
    };
    const service = createPoiService(port, { analyzer: counting });
    const summary = await service.analyze(SHEET, FECHA);
    expect(summary).toEqual(analyzeSheet(grid, { sheet: SHEET, fechaCorte: FECHA }).summary);
    await service.recompute(SHEET, FECHA);
    // analyze, then recompute's analysis and its check of the written sheet.
    expect(seen).toEqual([SHEET, SHEET, SHEET]);
  });

  it('selects a cell through the port', async () => {
    const port = workbook();
    await createPoiService(port).selectCell(SHEET, 'N8');
    expect(port.selected).toEqual([`${SHEET}!N8`]);
  });
});

describe('createPoiService on a flat export: the period and phase choices', () => {
  const built = flatExport({
    activities: [
      { code: 'AOI1', oei: 'OEI.01', aei: 'AEI.01.01', physical: { A: [5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5], RE: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1], SE: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1] } },
    ],
  });
  const port = (): MemoryPort => new MemoryPort([{ name: EXPORT_SHEET, grid: built.grid }]);

  it('without choices: the period of the fecha de corte, said in Spanish', async () => {
    const summary = await createPoiService(port()).analyze(EXPORT_SHEET, '2025-08-15');
    expect(summary).toMatchObject({ layout: 'exportacion', period: { code: 'S1', months: [1, 2, 3, 4, 5, 6], source: 'fecha-corte' } });
    expect(summary.periodLine).toMatch(/^Periodo: PRIMER SEMESTRE \(enero a junio\), elegido por la fecha de corte 2025-08-15/);
  });

  it('reads the choices on every call (a function), so the pane can change them', async () => {
    let choices: AnalyzeChoices = { period: 'anual' };
    const service = createPoiService(port(), { exportChoices: () => choices });
    const year = await service.analyze(EXPORT_SHEET, '2025-08-15');
    expect(year.period).toMatchObject({ code: 'anual', source: 'opcion' });
    expect(year.months).toHaveLength(12);
    choices = { period: '03', programmedPhase: 'A' };
    const march = await service.analyze(EXPORT_SHEET, '2025-08-15');
    expect(march.months).toHaveLength(3);
    // A: 5 a month programmed, 1 executed → 20 %.
    expect(march.totals?.physicalAverage).toBe(20);
  });

  it('recompute writes the generated report with the chosen period', async () => {
    const p = port();
    const result = await createPoiService(p, { exportChoices: { period: 'S2' } }).recompute(EXPORT_SHEET, '2026-03-01');
    expect(result.sheetsWritten).toEqual(['Reporte de seguimiento', 'Observaciones', 'Resumen']);
    expect(result.cellsWritten).toBe(0);
    const report = p.book.find((s) => s.name === 'Reporte de seguimiento')!;
    expect(report.table?.[1]?.[0]?.value).toBe('SEGUNDO SEMESTRE');
  });
});

describe('undo', () => {
  it('is absent where the port cannot undo (the web page works on a copy of the file)', () => {
    expect(createPoiService(new MemoryPort([])).undo).toBeUndefined();
  });
});
