import rule from '../../../src/engine/rules/stated-percent';
import { ruleTester } from './rule-tester';
import { sheet } from './sheets';

ruleTester(rule, {
  valid: [
    sheet({ prog: [2, 0, 0, 0, 0, 0], exec: [1, 0, 0, 0, 0, 0], percent: 50 }),
    { name: 'a blank % is a cell still to fill', spec: sheet({ prog: [2, 0, 0, 0, 0, 0], exec: [1, 0, 0, 0, 0, 0] }) },
    { name: 'S.P. written on an AO without programming', spec: sheet({ prog: [0, 0, 0, 0, 0, 0], exec: [0, 0, 0, 0, 0, 0], percent: 'S.P.' }) },
    { name: 'S.I. written when June is late', spec: sheet({ exec: [1, 1, 1, 5, 5, null], percent: 'S.I.' }) },
  ],
  invalid: [
    {
      spec: sheet({ prog: [2, 0, 0, 0, 0, 0], exec: [1, 0, 0, 0, 0, 0], percent: 57 }),
      errors: [{ cell: 'N8', messageId: 'mismatch', message: 'dice 57; según los meses es 50', expected: 50, found: 57 }],
    },
    {
      name: 'a number where the AO has no programming',
      spec: sheet({ prog: [0, 0, 0, 0, 0, 0], exec: [0, 0, 0, 0, 0, 0], percent: 0 }),
      errors: [{ cell: 'N8', messageId: 'mismatch', expected: 'S.P.', found: 0 }],
    },
    {
      name: 'a number where June is late (S.I. wins)',
      spec: sheet({ exec: [1, 1, 1, 5, 5, null], percent: 100 }),
      fechaCorte: '2023-08-01',
      errors: [{ cell: 'N8', messageId: 'mismatch', expected: 'S.I.', found: 100 }],
    },
  ],
});
