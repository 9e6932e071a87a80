/**
 * A clean generated workbook: every rule runs on it, before and after its computed cells
 * are filled by the patch, and none reports an error or a warning.
 */
import { analyze, RULES } from '../../../src/engine';
import { aei, ao, MONTHS_YEAR, oei, poiSheet, type PoiSheetSpec } from '../../fixtures/poi-sheet';
import { applyPatch } from '../helpers';

const six = (n: number): number[] => new Array<number>(6).fill(n);

const semester: PoiSheetSpec = {
  objectives: [
    oei('01', [
      aei('01.01', [
        ao({ prog: [1, 1, 1, 5, 5, 5], exec: [1, 1, 1, 1, 0, 0], finProg: [100, 100, 100, 300, 300, 300], finExec: [90, 80, 100, 250, 0, 0] }),
        ao({ aggregation: 'Acumulado Mensual', priority: 'Alta', prog: [10, 20, 30, 40, 50, 60], exec: [10, 20, 30, 40, 50, 55], finProg: six(1000), finExec: six(950.5) }),
        ao({ prog: six(0), exec: six(0), finProg: six(0), finExec: six(0) }),
      ]),
      aei('01.02', [
        ao({ aggregation: 'No Acumulado', priority: 'Media', prog: [10, 0, 20, 0, 10, 10], exec: [5, 3, 20, 0, 20, 10], finProg: six(500), finExec: six(480) }),
        ao({ priority: 'Baja', unit: 'PERSONA', prog: [100, 100, 100, 100, 100, 100], exec: [90, 95, 100, 100, 110, 120], finProg: six(0), finExec: six(0) }),
      ]),
    ]),
    oei('02', [
      aei('02.01', [
        ao({ prog: [0, 0, 0, 2, 0, 2], exec: [0, 0, 0, 1, 0, 1], finProg: [0, 0, 0, 11856.88, 0, 8820.87], finExec: [0, 0, 0, 11856.88, 0, 8000] }),
        ao({ prog: six(3), exec: six(2), finProg: six(1200), finExec: six(1190.25) }),
      ]),
    ]),
  ],
};

const year: PoiSheetSpec = {
  period: 'ANUAL',
  months: MONTHS_YEAR,
  repeatHeaderEvery: 5,
  objectives: [
    oei('01', [
      aei('01.01', Array.from({ length: 6 }, (_, i) => ao({ prog: new Array(12).fill(i + 2), exec: new Array(12).fill(i + 1), finProg: new Array(12).fill(100), finExec: new Array(12).fill(90) }))),
    ]),
  ],
};

describe.each([
  ['a first semester', semester, '2023-08-15'],
  ['a whole year with repeated page headers', year, '2024-02-15'],
])('a clean generated workbook: %s', (_, spec, fechaCorte) => {
  const opts = { fechaCorte, sheet: 'Reporte POI' };
  const grid = poiSheet(spec).toGrid();
  const first = analyze(grid, opts);
  const written = applyPatch(grid, first);
  const second = analyze(written, opts);

  it('runs every rule (none off, none failing)', () => {
    expect(RULES.length).toBeGreaterThanOrEqual(30);
    expect(first.observations.filter((o) => o.internal)).toEqual([]);
  });
  it('has no error and no warning before its computed cells are filled', () => {
    expect(first.observations.filter((o) => o.severity !== 'info')).toEqual([]);
  });
  it('has no observation at all once the patch is applied, and nothing more to write', () => {
    expect(first.patch.cells.length).toBeGreaterThan(0);
    expect(second.observations).toEqual([]);
    expect(second.patch.cells).toEqual([]);
  });
});
