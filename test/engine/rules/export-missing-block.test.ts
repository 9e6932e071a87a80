import rule from '../../../src/engine/rules/export-missing-block';
import { cleanActivity, runExportRule } from './export-tester';

describe('export-missing-block', () => {
  it('is silent when a programming phase and SE are there, physical and financial', () => {
    expect(runExportRule(rule, { activities: [cleanActivity()], phases: ['A', 'SE'] }).observations).toEqual([]);
  });

  it('says once per measure that tracking or programming is missing, on the header', () => {
    const { observations, built } = runExportRule(rule, { activities: [cleanActivity()], phases: ['RE'] });
    const header = built.a1('Actividad Operativa ID', -1);
    expect(observations.map((o) => [o.cell, o.message.slice(0, 48)])).toEqual([
      [header, 'La exportación no tiene el bloque F(SE) (seguimi'],
      [header, 'La exportación no tiene el bloque Fn(SE) (seguim'],
    ]);
    const none = runExportRule(rule, { activities: [cleanActivity()], phases: ['SE'] }).observations;
    expect(none.map((o) => o.message.slice(0, 62))).toEqual([
      'La exportación no tiene ningún bloque de programación F(RE), F',
      'La exportación no tiene ningún bloque de programación Fn(RE), ',
    ]);
  });
});
