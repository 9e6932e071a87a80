import rule from '../../../src/engine/rules/export-row-without-activity';
import { cleanActivity, runExportRule } from './export-tester';

describe('export-row-without-activity', () => {
  it('is silent when every row has its code', () => {
    expect(runExportRule(rule, { activities: [cleanActivity({ split: 2 })] }).observations).toEqual([]);
  });

  it('flags a row with figures and no Actividad Operativa ID', () => {
    const { observations, built } = runExportRule(rule, { activities: [cleanActivity({ split: 2, rowCells: [{}, { 'Actividad Operativa ID': null }] })] });
    expect(observations.map((o) => [o.cell, o.message])).toEqual([
      [built.a1('Actividad Operativa ID', 1), 'La fila 4 tiene cifras en sus meses pero no tiene «Actividad Operativa ID»: no se contó. Complete el código o borre la fila.'],
    ]);
  });
});
