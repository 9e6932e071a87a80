import rule from '../../../src/engine/rules/export-month-value';
import { cleanActivity, runExportRule } from './export-tester';

describe('export-month-value', () => {
  it('is silent on a clean export and on values outside the period', () => {
    const phys = { RE: [2, 2, 2, 2, 2, 2, -5, 2], SE: [2, 2, 2, 2, 2, 2] };
    expect(runExportRule(rule, { activities: [cleanActivity({ physical: phys })] }).observations).toEqual([]);
  });

  it('flags a negative, a text and an error in months that count, on the export row that holds them', () => {
    const { observations, built } = runExportRule(rule, {
      activities: [
        cleanActivity({
          split: 2,
          physical: { RE: [2, 2, 2, 2, 2, 2], SE: [2, 2, 2, 2, 2, 2] },
          rowCells: [{ 'F(SE) 04': 'pendiente' }, { 'Fn(RE) 02': -1200, 'F(SE) 06': '#N/A' }],
        }),
      ],
    });
    expect(observations.map((o) => [o.cell, o.message])).toEqual([
      [built.a1('F(SE) 04', 0), expect.stringContaining('F(SE) 04 de la fila 3 dice «pendiente», que no es un número')],
      [built.a1('F(SE) 06', 1), expect.stringContaining('F(SE) 06 de la fila 4 tiene el error #N/A')],
      [built.a1('Fn(RE) 02', 1), expect.stringContaining('Fn(RE) 02 de la fila 4 es -1,200, una cifra negativa')],
    ]);
  });

  it('does not look at a phase that is not read (A, when RE has values)', () => {
    const phys = { A: [-1, 'x'], RE: [2, 2, 2, 2, 2, 2], SE: [2, 2, 2, 2, 2, 2] };
    expect(runExportRule(rule, { activities: [cleanActivity({ physical: phys })] }).observations).toEqual([]);
  });
});
