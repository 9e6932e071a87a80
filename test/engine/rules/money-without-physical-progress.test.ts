import rule from '../../../src/engine/rules/money-without-physical-progress';
import { ruleTester } from './rule-tester';
import { sheet } from './sheets';

const noProgress = [0, 0, 0, 0, 0, 0];

ruleTester(rule, {
  valid: [
    sheet(),
    { name: 'no money spent', spec: sheet({ exec: noProgress, finExec: [0, 0, 0, 0, 0, 0] }) },
    { name: 'No Acumulado with progress in one month', spec: sheet({ aggregation: 'No Acumulado', exec: [0, 0, 0, 0, 0, 2] }) },
  ],
  invalid: [
    {
      spec: sheet({ exec: noProgress, finExec: [11856.88, 8820.87, 0, 17648.24, 11309.33, 9399.83] }),
      errors: [{ cell: 'M9', messageId: 'noProgress', message: 'Se ejecutaron 59,035.15 sin avance físico', found: 0 }],
    },
    {
      name: 'an AO without programming that spent money',
      spec: sheet({ prog: noProgress, exec: noProgress, finExec: [0, 0, 0, 0, 0, 50] }),
      errors: [{ cell: 'M9', messageId: 'noProgress', message: 'Se ejecutaron 50.00 sin avance' }],
    },
  ],
});
