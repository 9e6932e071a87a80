import rule from '../../../src/engine/rules/hidden-activity-row';
import { ruleTester } from './rule-tester';
import { sheet } from './sheets';

ruleTester(rule, {
  valid: [
    sheet(),
    { name: 'hidden rows without AO data (a blank row, the AEI line)', spec: sheet(), hiddenRows: [3, 10, 17] },
  ],
  invalid: [
    {
      name: 'a hidden AO, counted',
      spec: sheet({ code: 'AOI30126400197' }),
      hiddenRows: [8, 9],
      errors: [{ cell: 'A8', messageId: 'hidden', message: 'Las filas 8–9 están ocultas y tienen datos de 1 AO (AOI30126400197) que se contaron en las cifras' }],
    },
    {
      name: 'the EJECUTADO rows of two AO, one warning',
      spec: sheet({ code: 'AOI30126400197' }, {}, { code: 'AOI30126400199' }),
      hiddenRows: [9, 13],
      errors: [{ cell: 'A9', messageId: 'hidden', message: 'Las filas 9 y 13 están ocultas y tienen datos de 2 AO (AOI30126400197 y AOI30126400199)' }],
    },
  ],
});
