import rule from '../../../src/engine/rules/text-in-number-cell';
import { ruleTester } from './rule-tester';
import { sheet } from './sheets';

ruleTester(rule, {
  valid: [
    sheet(),
    { name: 'numbers stored as text are readable', spec: sheet({ exec: ['1', '1', '1', '5', '5', '5.00'] }) },
    { name: 'a date has its own rule (date-in-month-cell)', spec: sheet({ exec: [1, 1, '1900-01-05', 5, 5, 5] }) },
  ],
  invalid: [
    {
      spec: sheet({ exec: [1, 1, 1, 'pendiente', 5, 5] }),
      errors: [{ cell: 'J9', messageId: 'text', message: 'EJECUTADO físico de Abr dice «pendiente», que no es un número', found: 'pendiente' }],
    },
    {
      name: 'a money cell with a currency sign and a boolean',
      spec: sheet({ finProg: [100, 'S/ 100', 100, 100, 100, 100], finExec: [100, 100, 100, 100, 100, true] }),
      errors: [
        { cell: 'P8', messageId: 'text', message: 'PROGRAMADO financiero de Feb dice «S/ 100»', found: 'S/ 100' },
        { cell: 'T9', messageId: 'text', message: 'EJECUTADO financiero de Jun dice «VERDADERO»', found: true },
      ],
    },
  ],
});
