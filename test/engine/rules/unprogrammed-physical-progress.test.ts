import rule from '../../../src/engine/rules/unprogrammed-physical-progress';
import { ruleTester } from './rule-tester';
import { sheet } from './sheets';

const none = [0, 0, 0, 0, 0, 0];

ruleTester(rule, {
  valid: [
    sheet(),
    { name: 'nothing programmed and nothing executed', spec: sheet({ prog: none, exec: none }) },
    { name: 'programmed in one month only', spec: sheet({ prog: [0, 0, 0, 0, 0, 1], exec: [0, 0, 2, 1, 0, 0] }) },
  ],
  invalid: [
    {
      name: 'executed with 0 programmed, the stated figures agreeing (S.P.)',
      spec: sheet({ prog: none, exec: [0, 0, 2, 1, 0, 0], progAcc: 'S.P.', execAcc: 3, percent: 'S.P.' }),
      errors: [{ cell: 'I9', messageId: 'unprogrammed', message: 'Hay avance físico ejecutado en Mar y Abr, pero nada programado en el periodo', expected: 0, found: 2 }],
    },
    {
      name: 'a blank PROGRAMADO row, No Acumulado',
      spec: sheet({ aggregation: 'No Acumulado', prog: [null, null, null, null, null, null], exec: [0, 0, 0, 0, 0, 7] }),
      errors: [{ cell: 'L9', messageId: 'unprogrammed', message: 'en Jun,', found: 7 }],
    },
  ],
});
