import rule from '../../../src/engine/rules/export-execution-without-programming';
import { cleanActivity, runExportRule } from './export-tester';

describe('export-execution-without-programming', () => {
  it('is silent when some phase programmed the month', () => {
    const phys = { A: [0, 0, 1], RE: [2, 2, 0, 2, 2, 2], SE: [2, 2, 2, 2, 2, 2] };
    expect(runExportRule(rule, { activities: [cleanActivity({ physical: phys })] }).observations).toEqual([]);
  });

  it('flags executed months that no phase programmed, physical and financial', () => {
    const phys = { RE: [2, 2, 0, 2, 2, null], SE: [2, 2, 4, 2, 2, 1] };
    const fin = { RE: [100, 100, 100, 100, 100, 100], SE: [90, 90, 90, 90, 90, 90] };
    const { observations, built } = runExportRule(rule, { activities: [cleanActivity({ physical: phys, financial: fin })] });
    expect(observations.map((o) => o.cell)).toEqual([built.a1('F(SE) 03', 0)]);
    expect(observations[0].message).toContain('La AO AOI30126400001 tiene ejecución física en Mar y Jun sin meta en ninguna fase');
  });

  it('sums the rows of the AO before judging', () => {
    const phys = { RE: [2, 2, 2, 2, 2, 2], SE: [2, 2, 2, 2, 2, 2] };
    const { observations } = runExportRule(rule, { activities: [cleanActivity({ split: 2, physical: phys, rowCells: [{ 'F(RE) 02': 0 }] })] });
    expect(observations).toEqual([]);
  });
});
