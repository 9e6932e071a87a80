import rule from '../../../src/engine/rules/export-inconsistent-rows';
import { cleanActivity, runExportRule } from './export-tester';

describe('export-inconsistent-rows', () => {
  it('is silent when the rows of an AO agree', () => {
    expect(runExportRule(rule, { activities: [cleanActivity({ split: 3 })] }).observations).toEqual([]);
  });

  it('flags a row that says another AEI or unit than the AO first row', () => {
    const { observations, built } = runExportRule(rule, {
      activities: [cleanActivity({ split: 3, rowCells: [{}, { 'Unidad de Medida': 'PERSONA' }, { AEI: 'AEI.01.02' }] })],
    });
    expect(observations.map((o) => o.cell)).toEqual([built.a1('Unidad de Medida', 1), built.a1('AEI', 2)]);
    expect(observations[0].message).toContain('dice Unidad de Medida «PERSONA» en la fila 4, pero «INFORME» en su primera fila (3)');
  });
});
