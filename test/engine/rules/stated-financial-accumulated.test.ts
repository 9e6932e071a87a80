import rule from '../../../src/engine/rules/stated-financial-accumulated';
import { ruleTester } from './rule-tester';
import { sheet } from './sheets';

const money = { finExec: [11856.88, 8820.87, 0, 17648.24, '11,309.33', 9399.83] };

ruleTester(rule, {
  valid: [sheet({ ...money, finProgAcc: 600, finExecAcc: 59035.15 }), sheet({ ...money, finExecAcc: '59,035.15' }), sheet()],
  invalid: [
    {
      spec: sheet({ ...money, finExecAcc: 59000 }),
      errors: [{ cell: 'U9', messageId: 'mismatch', message: '(EJECUTADO) dice 59,000.00; la suma de los meses es 59,035.15', expected: 59035.15, found: 59000 }],
    },
    {
      spec: sheet({ finProgAcc: 500 }),
      errors: [{ cell: 'U8', messageId: 'mismatch', expected: 600, found: 500 }],
    },
  ],
});
