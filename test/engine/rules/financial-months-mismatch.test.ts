import rule from '../../../src/engine/rules/financial-months-mismatch';
import { ruleTester } from './rule-tester';
import { sheet } from './sheets';

ruleTester(rule, {
  valid: [sheet(), { ...sheet(), months: ['Ene', 'Feb', 'Mar', 'Abr', 'May', 'Jun', 'Jul', 'Ago', 'Set', 'Oct', 'Nov', 'Dic'], period: 'ANUAL' }],
  invalid: [
    {
      name: 'Jul instead of Jun in FINANCIERO',
      spec: sheet(),
      cells: { T5: 'Jul' },
      errors: [
        {
          cell: 'T5',
          messageId: 'mismatch',
          message: 'El bloque FINANCIERO tiene Ene, Feb, Mar, Abr, May y Jul; el FISICO tiene Ene, Feb, Mar, Abr, May y Jun',
          expected: 'Ene, Feb, Mar, Abr, May y Jun',
          found: 'Ene, Feb, Mar, Abr, May y Jul',
        },
      ],
    },
    {
      name: 'FINANCIERO one month short',
      spec: sheet(),
      cells: { T5: 'TOTAL' },
      errors: [{ cell: 'S5', messageId: 'mismatch', message: 'FINANCIERO tiene Ene, Feb, Mar, Abr y May' }],
    },
  ],
});
