import rule from '../../../src/engine/rules/duplicate-activity-code';
import { ruleTester } from './rule-tester';
import { sheet } from './sheets';

ruleTester(rule, {
  valid: [sheet({ code: 'AOI30126400167' }, { code: 'AOI30126400168' })],
  invalid: [
    {
      spec: sheet({ code: 'AOI30126400167' }, { code: 'AOI30126400167' }),
      errors: [{ cell: 'A10', messageId: 'repeated', message: 'El código AOI30126400167 ya apareció en A8', found: 'AOI30126400167' }],
    },
  ],
});
