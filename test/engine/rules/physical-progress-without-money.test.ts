import rule from '../../../src/engine/rules/physical-progress-without-money';
import { ruleTester } from './rule-tester';
import { sheet } from './sheets';

const none = [0, 0, 0, 0, 0, 0];

ruleTester(rule, {
  valid: [
    sheet(),
    { name: 'an AO without money programmed', spec: sheet({ finProg: none, finExec: none }) },
    { name: 'no physical progress either', spec: sheet({ exec: none, finExec: none }) },
  ],
  invalid: [
    {
      spec: sheet({ exec: [1, 1, 1, 1, 0, 0], finExec: none }),
      errors: [{ cell: 'U9', messageId: 'noMoney', message: 'Hay avance físico en Ene, Feb, Mar y Abr, pero el EJECUTADO financiero es 0 con 600.00 programado', found: 0 }],
    },
  ],
});
