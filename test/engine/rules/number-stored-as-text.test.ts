import rule from '../../../src/engine/rules/number-stored-as-text';
import { ruleTester } from './rule-tester';
import { sheet } from './sheets';

ruleTester(rule, {
  valid: [sheet(), { name: 'text that is not a number is text-in-number-cell’s', spec: sheet({ exec: [1, 1, 1, 'pendiente', 5, 5] }) }],
  invalid: [
    {
      spec: sheet({ finExec: [100, '1,900.00', 100, 100, 100, 100] }),
      errors: [
        {
          cell: 'P9',
          messageId: 'text',
          message: 'EJECUTADO financiero de Feb tiene «1,900.00» guardado como texto: se leyó 1,900',
          expected: 1900,
          found: '1,900.00',
        },
      ],
    },
    {
      spec: sheet({ prog: [' 1 ', 1, 1, 5, 5, 5], exec: [1, 1, 1, 5, 5, '5'] }),
      errors: [
        { cell: 'G8', messageId: 'text', expected: 1, found: ' 1 ' },
        { cell: 'L9', messageId: 'text', expected: 5, found: '5' },
      ],
    },
    {
      name: 'the same text again, after another odd text, in the next AO',
      spec: sheet({ exec: ['2,500.00', 'pendiente', '2,500.00', 5, 5, 5] }, { exec: ['2,500.00', '7', 1, 1, 1, 1] }),
      errors: [
        { cell: 'G9', messageId: 'text', expected: 2500, found: '2,500.00' },
        { cell: 'I9', messageId: 'text', expected: 2500, found: '2,500.00' },
        { cell: 'G11', messageId: 'text', expected: 2500, found: '2,500.00' },
        { cell: 'H11', messageId: 'text', expected: 7, found: '7' },
      ],
    },
  ],
});
