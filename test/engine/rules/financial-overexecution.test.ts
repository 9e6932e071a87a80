import rule from '../../../src/engine/rules/financial-overexecution';
import { ruleTester } from './rule-tester';
import { sheet } from './sheets';

ruleTester(rule, {
  valid: [sheet(), { name: 'spent less than programmed', spec: sheet({ finExec: [100, 0, 0, 0, 0, 0] }) }, sheet({ finProg: [0, 0, 0, 0, 0, 0], finExec: [0, 0, 0, 0, 0, 0] })],
  invalid: [
    {
      spec: sheet({ finExec: [100, 100, 100, 100, 100, 250] }),
      errors: [{ cell: 'U9', messageId: 'over', message: 'Se ejecutó 750.00 de 600.00 programado (125 %)', expected: 600, found: 750 }],
    },
    {
      name: 'money spent without money programmed',
      spec: sheet({ finProg: [0, 0, 0, 0, 0, 0], finExec: [0, 0, 0, 0, 0, 80.5] }),
      errors: [{ cell: 'U9', messageId: 'unprogrammed', message: 'Se ejecutó 80.50 sin programación financiera', expected: 0, found: 80.5 }],
    },
  ],
});
