import rule from '../../../src/engine/rules/blank-programmed-month';
import { ruleTester } from './rule-tester';
import { sheet } from './sheets';

ruleTester(rule, {
  valid: [
    sheet(),
    { name: 'zeros are a recorded «no goal»', spec: sheet({ prog: [0, 0, 0, 5, 5, 5] }) },
    { name: 'a blank EJECUTADO month is overdue-tracking’s', spec: sheet({ exec: [1, 1, 1, 5, 5, null] }) },
  ],
  invalid: [
    {
      spec: sheet({ prog: [1, 1, null, 5, null, 5] }),
      errors: [{ cell: 'I8', messageId: 'blank', message: 'PROGRAMADO físico sin valor en Mar y May', found: null }],
    },
    {
      name: 'physical and financial blanks: one observation per block',
      spec: sheet({ prog: [null, 1, 1, 5, 5, 5], finProg: [100, 100, 100, null, null, null] }),
      errors: [
        { cell: 'G8', messageId: 'blank', message: 'físico sin valor en Ene' },
        { cell: 'R8', messageId: 'blank', message: 'PROGRAMADO financiero sin valor en Abr, May y Jun' },
      ],
    },
  ],
});
