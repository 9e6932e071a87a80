import rule from '../../../src/engine/rules/export-stated-total';
import { cleanActivity, runExportRule } from './export-tester';

describe('export-stated-total', () => {
  it('is silent when every Total is the sum of its months', () => {
    expect(runExportRule(rule, { activities: [cleanActivity({ split: 2 })] }).observations).toEqual([]);
  });

  it('flags an Fn(…) Total that is not the sum, and an F(…) Total of an Acumulado Anual AO', () => {
    const { observations, built } = runExportRule(rule, { activities: [cleanActivity({ totals: { 'Fn(SE)': 1000, 'F(RE)': 30 } })] });
    expect(observations.map((o) => [o.cell, o.expected, o.found])).toEqual([
      [built.a1('F(RE) Total', 0), 24, 30],
      [built.a1('Fn(SE) Total', 0), 540, 1000],
    ]);
    expect(observations[1].message).toBe('Fn(SE) Total de la fila 3 dice 1,000.00; sus 12 meses suman 540.00. Revise los meses o el total en el Aplicativo.');
  });

  it('does not judge the physical Total of a Mensual or No Acumulado AO', () => {
    const acts = [
      cleanActivity({ tipo: 'MENSUAL', totals: { 'F(SE)': 2 } }),
      cleanActivity({ code: 'AOI2', accumulated: 'NO', totals: { 'F(RE)': 2 } }),
    ];
    expect(runExportRule(rule, { activities: acts }).observations).toEqual([]);
  });
});
