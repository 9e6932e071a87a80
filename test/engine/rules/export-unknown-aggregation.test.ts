import rule from '../../../src/engine/rules/export-unknown-aggregation';
import { cleanActivity, runExportRule } from './export-tester';

describe('export-unknown-aggregation', () => {
  it('is silent on SI/NO with ANUAL/MENSUAL or a printed type', () => {
    const acts = [
      cleanActivity({ accumulated: 'SI', tipo: 'MENSUAL' }),
      cleanActivity({ code: 'AOI2', accumulated: 'NO', tipo: 'ANUAL' }),
      cleanActivity({ code: 'AOI3', accumulated: null, tipo: 'Acumulado Mensual' }),
      cleanActivity({ code: 'AOI4', accumulated: 'Sí', tipo: null }),
    ];
    expect(runExportRule(rule, { activities: acts }).observations).toEqual([]);
  });

  it('flags an unknown Acumulado and an unknown Tipo on their cells', () => {
    const { observations, built } = runExportRule(rule, {
      activities: [cleanActivity({ accumulated: 'S' }), cleanActivity({ code: 'AOI2', tipo: 'TRIMESTRAL' })],
    });
    expect(observations.map((o) => [o.cell, o.found])).toEqual([
      [built.a1('Acumulado', 0), 'S'],
      [built.a1('Tipo', 1), 'TRIMESTRAL'],
    ]);
    expect(observations[0].message).toContain('se calculó como Acumulado Anual');
  });

  it('says once when the export has no Acumulado column and no type', () => {
    const { observations } = runExportRule(rule, { activities: [cleanActivity(), cleanActivity({ code: 'AOI2' })], drop: ['Acumulado'] });
    expect(observations.map((o) => [o.cell, o.message.slice(0, 40)])).toEqual([['A2', 'La exportación no tiene la columna «Acum']]);
  });
});
