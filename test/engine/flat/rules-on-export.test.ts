import { analyze, RULES } from '../../../src/engine';
import { ruleApplies } from '../../../src/engine/rules/layouts';
import { flatExport, variedActivities, type ExportActivity } from '../../fixtures/flat-export';

const OPTIONS = { fechaCorte: '2025-08-15', period: 'S1', sheet: 'POI' } as const;

const clean: ExportActivity = {
  code: 'AOI30126400001',
  oei: 'OEI.01',
  aei: 'AEI.01.01',
  physical: { RE: [2, 2, 2, 2, 2, 2], SE: [2, 2, 2, 2, 2, 2] },
  financial: { RE: [100, 100, 100, 100, 100, 100], SE: [90, 90, 90, 90, 90, 90] },
};

describe('the rules on a flat export', () => {
  it('a clean export has no observation at all', () => {
    expect(analyze(flatExport({ activities: [clean, { ...clean, code: 'AOI2', split: 3 }] }).grid, OPTIONS).observations).toEqual([]);
  });

  it('only rules meant for the export speak on it (no printed-layout rule about stated cells, AEI lines or totals it does not have)', () => {
    const built = flatExport({ activities: variedActivities({ seed: 9, activities: 60, splitShare: 0.5, blankShare: 0.5 }), order: 3 });
    const ids = new Set(analyze(built.grid, OPTIONS).observations.map((o) => o.rule));
    expect(ids.size).toBeGreaterThan(0);
    for (const id of ids) expect(ruleApplies(id, 'exportacion')).toBe(true);
    for (const id of ['stated-percent', 'stated-total', 'missing-strategic-action-line', 'unknown-aggregation-type', 'duplicate-activity-code', 'blank-programmed-month']) {
      expect(ids.has(id)).toBe(false);
      expect(RULES.some((r) => r.meta.id === id)).toBe(true);
    }
  });

  it('the printed-layout rules it reuses point at the export cells (overdue tracking at F(SE) of the first blank month)', () => {
    const built = flatExport({ activities: [{ ...clean, physical: { RE: [2, 2, 2, 2, 2, 2], SE: [2, 2, 2, null, 2, null] } }] });
    const overdue = analyze(built.grid, OPTIONS).observations.filter((o) => o.rule === 'overdue-tracking');
    expect(overdue.map((o) => o.cell)).toEqual([built.a1('F(SE) 04', 0)]);
  });

  it('no export-* rule speaks on a printed report', () => {
    for (const r of RULES) if (r.meta.id.startsWith('export-')) expect(ruleApplies(r.meta.id, 'reporte')).toBe(false);
  });
});

describe('cells the export lacks', () => {
  it('are reported on the AO code when the export has no F(SE) block', () => {
    const built = flatExport({ activities: [clean], phases: ['RE'] });
    const overdue = analyze(built.grid, OPTIONS).observations.filter((o) => o.rule === 'overdue-tracking');
    expect(overdue.map((o) => o.cell)).toEqual([built.a1('Actividad Operativa ID', 0)]);
  });
});
