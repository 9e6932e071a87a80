import { analyze } from '../../src/engine';
import { toSummary } from '../../src/app/summary';
import { aei, ao, oei, poiSheet } from '../fixtures/poi-sheet';

function sheet() {
  return poiSheet({
    objectives: [
      oei('01', [
        aei('01.01', [
          ao({ code: 'AOI1', prog: [1, 1, 1, 1, 1, 1], exec: [1, 1, 1, 1, 1, 1], finProg: [10, 0, 0, 0, 0, 0], finExec: [10, 0, 0, 0, 0, 0] }),
          ao({ code: 'AOI2', prog: [2, 2, 2, 2, 2, 2], exec: [1, 1, 1, 1, 1, 1], finProg: [0, 0, 0, 0, 0, 50], finExec: [0, 0, 0, 0, 0, 25] }),
        ]),
        aei('01.02', [ao({ code: 'AOI3', prog: [0, 0, 0, 0, 0, 0], exec: [0, 0, 0, 0, 0, 0] })]),
      ]),
    ],
  });
}

describe('toSummary', () => {
  const analysis = analyze(sheet().toGrid(), { fechaCorte: '2023-08-15', sheet: 'Reporte POI' });

  it('carries the figures the pane shows', () => {
    const s = toSummary(analysis);
    expect(s.sheet).toBe('Reporte POI');
    expect(s.fechaCorte).toBe('2023-08-15');
    expect(s.recognised).toBe(true);
    expect(s.months).toEqual(['Ene', 'Feb', 'Mar', 'Abr', 'May', 'Jun']);
    expect(s.activityCount).toBe(3);
    expect(s.totals).toEqual(analysis.figures!.totals);
    expect(s.totals!.physicalAverage).toBe(75);
    expect(s.trafficLight).toEqual(analysis.figures!.trafficLight);
    expect(s.observations).toBe(analysis.observations);
    expect(s.pendingCells).toBe(analysis.patch.cells.length);
    expect(s.pendingCells).toBeGreaterThan(0);
    expect(s.computed).toBe(analysis.computed);
  });

  it('lists the AEI in report order with their physical and financial figures', () => {
    expect(toSummary(analysis).strategicActions).toMatchObject([
      { code: 'AEI.01.01', name: 'ACCIÓN ESTRATÉGICA 01.01', physical: 75, financial: 35 },
      { code: 'AEI.01.02', name: 'ACCIÓN ESTRATÉGICA 01.02', physical: 'S.P.', financial: 0 },
    ]);
  });

  it('places each AO and AEI by its rows, so the UI can filter observations by AEI and cost centre', () => {
    const s = toSummary(analysis);
    const model = analysis.model!;
    expect(s.activityRefs.map((a) => [a.code, a.strategicAction])).toEqual([['AOI1', 'AEI.01.01'], ['AOI2', 'AEI.01.01'], ['AOI3', 'AEI.01.02']]);
    model.activities.forEach((a, i) => {
      expect(s.activityRefs[i].firstRow).toBe(a.programmed!.row + 1);
      expect(s.activityRefs[i].lastRow).toBe(a.executed!.row + 1);
      expect(s.activityRefs[i].costCenter).toBe(String(a.costCenter.value ?? '').trim());
    });
    const [first, second] = s.strategicActions;
    expect(first.firstRow).toBe(model.strategicActions[0].label.at.row + 1);
    expect(first.lastRow).toBeGreaterThanOrEqual(s.activityRefs[1].lastRow);
    expect(second.firstRow).toBeGreaterThan(first.lastRow);
  });

  it('survives a structured clone (it crosses the worker boundary) and holds no model object', () => {
    const s = toSummary(analysis);
    expect(structuredClone(s)).toEqual(s);
    expect(JSON.stringify(s)).not.toContain('"activities"');
  });

  it('does not change the analysis', () => {
    const before = JSON.stringify(analysis);
    toSummary(analysis);
    expect(JSON.stringify(analysis)).toBe(before);
  });

  it('summarises an unrecognised sheet as such', () => {
    const a = analyze({ rows: [['hola']], merges: [] }, { fechaCorte: '2023-08-15', sheet: 'Hoja1' });
    const s = toSummary(a);
    expect(s).toMatchObject({ recognised: false, months: [], activityCount: 0, strategicActions: [], totals: null, trafficLight: null, pendingCells: 0 });
    expect(s.observations.length).toBe(1);
  });
});
