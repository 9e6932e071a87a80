import rule from '../../../src/engine/rules/negative-value';
import { ruleTester } from './rule-tester';
import { sheet } from './sheets';

ruleTester(rule, {
  valid: [sheet(), sheet({ prog: [0, 0, 0, 0, 0, 0], exec: [0, 0, 0, 0, 0, 0] })],
  invalid: [
    {
      spec: sheet({ finExec: [100, 100, -1200, 100, 100, 100] }),
      errors: [{ cell: 'Q9', messageId: 'negative', message: 'EJECUTADO financiero de Mar es -1,200', found: -1200 }],
    },
    {
      name: 'a negative stored as text',
      spec: sheet({ prog: [1, '-1', 1, 5, 5, 5] }),
      errors: [{ cell: 'H8', messageId: 'negative', message: 'PROGRAMADO físico de Feb es -1', found: '-1' }],
    },
  ],
});
