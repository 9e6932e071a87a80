import rule from '../../../src/engine/rules/value-under-merge';
import { analyze } from '../../../src/engine';
import { buildGrid, FECHA_CORTE, ruleTester, SHEET } from './rule-tester';
import { sheet } from './sheets';

ruleTester(rule, {
  valid: [
    sheet(),
    { name: 'a merge over months with only its first cell filled', spec: sheet({ exec: [3, null, null, null, null, null] }), merges: ['G9:L9'] },
    { name: 'a merge outside the month columns (the AVANCE % pair)', spec: sheet(), merges: ['M8:M9'] },
  ],
  invalid: [
    {
      name: 'a month under G9:L9-style merge',
      spec: sheet({ exec: [1, null, 4, null, null, null] }),
      merges: ['H9:I9'],
      errors: [{ cell: 'I9', messageId: 'hidden', message: 'EJECUTADO físico de Mar guarda «4» escondido bajo la celda combinada H9:I9', found: 4 }],
    },
    {
      name: 'money months under one merge',
      spec: sheet({ finProg: [100, 100, null, null, null, 50] }),
      merges: ['O8:T8'],
      errors: [
        { cell: 'P8', messageId: 'hidden', message: 'PROGRAMADO financiero de Feb guarda «100»', found: 100 },
        { cell: 'T8', messageId: 'hidden', message: 'PROGRAMADO financiero de Jun guarda «50» escondido bajo la celda combinada O8:T8', found: 50 },
      ],
    },
  ],
});

describe('a value hidden under a merged area', () => {
  it('is not counted: the figures read the months as the planner sees them', () => {
    const analysis = analyze(buildGrid({ spec: sheet({ exec: [1, 1, 1, 5, 5, 5] }), merges: ['G9:L9'] }), { fechaCorte: '2023-06-15', sheet: SHEET });
    // Only G9 is visible: 1 executed of 18 programmed.
    expect(analysis.figures?.activities[0].physicalExecuted).toBe(1);
    expect(analysis.figures?.activities[0].percent).toBe(5.56);
  });
  it('is counted when the cells are not merged', () => {
    const analysis = analyze(buildGrid({ spec: sheet({ exec: [1, 1, 1, 5, 5, 5] }) }), { fechaCorte: FECHA_CORTE, sheet: SHEET });
    expect(analysis.figures?.activities[0].physicalExecuted).toBe(18);
  });
});
