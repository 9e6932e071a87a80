/**
 * The flat export's generated report goes through the same plan: when the engine returns one,
 * it is the first sheet the plan adds. (The engine returns null for the printed layout; the
 * flat export reader makes it non-null, so here the engine's answer is stood in for.)
 */
import type { GeneratedSheet } from '../../src/engine/report/generated-report';

const generated: GeneratedSheet = {
  name: 'Reporte de seguimiento',
  table: [[{ value: 'REPORTE DE SEGUIMIENTO', bold: true }]],
  merges: [{ top: 0, left: 0, bottom: 0, right: 5 }],
  columnWidths: [60],
  freezeRows: 6,
};

jest.mock('../../src/engine/report/generated-report', () => ({
  ...jest.requireActual('../../src/engine/report/generated-report'),
  generatedReport: () => generated,
}));

import { buildPlan } from '../../src/app/build-plan';
import { analyze } from '../../src/engine/analyze';
import { aei, ao, oei, poiSheet } from '../fixtures/poi-sheet';

it('adds the generated report before Observaciones and Resumen', () => {
  const grid = poiSheet({ objectives: [oei('01', [aei('01.01', [ao({ prog: [1, 0, 0, 0, 0, 0], exec: [1, 0, 0, 0, 0, 0] })])])] }).toGrid();
  const plan = buildPlan(analyze(grid, { fechaCorte: '2023-08-15', sheet: 'POI_Por_ActividadOperativaAnual' }));
  expect(plan.sheets.map((s) => s.role)).toEqual(['reporte', 'observaciones', 'resumen']);
  expect(plan.sheets[0]).toEqual({ role: 'reporte', ...generated });
  expect(plan.message).toMatch(/las hojas Reporte de seguimiento, Observaciones y Resumen\.$/);
});
