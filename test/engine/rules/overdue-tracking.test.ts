import rule from '../../../src/engine/rules/overdue-tracking';
import { ruleTester } from './rule-tester';
import { sheet } from './sheets';

const blankJune = sheet({ exec: [1, 1, 1, 5, 5, null] });

ruleTester(rule, {
  valid: [
    sheet(),
    { name: 'June is not late on 31 July', spec: blankJune, fechaCorte: '2023-07-31' },
    { name: 'an AO without EJECUTADO row is missing-executed-row’s', spec: sheet({ noExecutedRow: true }) },
    { name: 'a recorded 0 is tracking', spec: sheet({ exec: [1, 1, 1, 5, 5, 0] }) },
  ],
  invalid: [
    {
      name: 'June is late on 1 August',
      spec: blankJune,
      fechaCorte: '2023-08-01',
      errors: [{ cell: 'L9', messageId: 'one', message: 'Falta el EJECUTADO físico de junio, cuyo plazo venció el 31 de julio de 2023', found: null }],
    },
    {
      name: 'three months late',
      spec: sheet({ exec: [1, 1, 1, null, null, null] }),
      fechaCorte: '2023-08-15',
      errors: [{ cell: 'J9', messageId: 'many', message: 'Falta el EJECUTADO físico de abril, mayo y junio; el plazo de junio venció el 31 de julio de 2023' }],
    },
    {
      name: 'second semester: December is due at the end of January of the next year',
      spec: { ...sheet({ exec: [1, 1, 1, 5, 5, null] }), months: ['Jul', 'Ago', 'Set', 'Oct', 'Nov', 'Dic'], period: 'SEGUNDO SEMESTRE' },
      fechaCorte: '2024-02-01',
      errors: [{ cell: 'L9', messageId: 'one', message: 'de diciembre, cuyo plazo venció el 31 de enero de 2024' }],
    },
    {
      name: 'setiembre, as written in Peru',
      spec: { ...sheet({ exec: [1, 1, null, 5, 5, 5] }), months: ['Jul', 'Ago', 'Set', 'Oct', 'Nov', 'Dic'], period: 'SEGUNDO SEMESTRE' },
      fechaCorte: '2023-11-01',
      errors: [{ cell: 'I9', messageId: 'one', message: 'de setiembre, cuyo plazo venció el 31 de octubre de 2023' }],
    },
  ],
});
