import rule from '../../../src/engine/rules/date-in-month-cell';
import { ruleTester } from './rule-tester';
import { sheet } from './sheets';

ruleTester(rule, {
  valid: [
    sheet(),
    { name: 'text that is not a date (text-in-number-cell reports it)', spec: sheet({ exec: [1, 1, 'pendiente', 5, 5, 5] }) },
    { name: 'a date-like text that is not ISO', spec: sheet({ exec: [1, 1, '5/1/1900', 5, 5, 5] }) },
  ],
  invalid: [
    {
      name: 'a number typed in a date-formatted cell arrives as ISO text',
      spec: sheet({ exec: [1, 1, '1900-01-05', 5, 5, 5] }),
      errors: [{ cell: 'I9', messageId: 'date', message: 'EJECUTADO físico de Mar muestra la fecha 05/01/1900, no una cifra', found: '1900-01-05' }],
    },
    {
      name: 'a programmed money month',
      spec: sheet({ finProg: [100, 100, 100, '2023-04-30', 100, 100] }),
      errors: [{ cell: 'R8', messageId: 'date', message: 'PROGRAMADO financiero de Abr muestra la fecha 30/04/2023', found: '2023-04-30' }],
    },
  ],
});
