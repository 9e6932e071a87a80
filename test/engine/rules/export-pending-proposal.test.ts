import rule from '../../../src/engine/rules/export-pending-proposal';
import { cleanActivity, runExportRule } from './export-tester';

describe('export-pending-proposal', () => {
  it('is silent when the approved block has the month, or the proposal is outside the period', () => {
    const phys = { RE: [2, 2, 2, 2, 2, 2], RE_P: [3, 3], SE: [2, 2, 2, 2, 2, 2], SE_P: [null, null, null, null, null, null, 4] };
    expect(runExportRule(rule, { activities: [cleanActivity({ physical: phys })] }).observations).toEqual([]);
  });

  it('flags an SE_P value where SE is blank, once per row and block, naming the months', () => {
    const phys = { RE: [2, 2, 2, 2, 2, 2], SE: [2, 2, 2, 2, null, null], SE_P: [null, null, null, null, 3, 1] };
    const { observations, built } = runExportRule(rule, { activities: [cleanActivity({ physical: phys })] });
    expect(observations.map((o) => o.cell)).toEqual([built.a1('F(SE_P) 05', 0)]);
    expect(observations[0].message).toBe(
      'F(SE_P) 05 de la fila 3 dice 3 (propuesta sin aprobar), pero F(SE) está vacío en May y Jun: apruebe la propuesta en el Aplicativo y vuelva a exportar. No se contó.',
    );
  });
});
