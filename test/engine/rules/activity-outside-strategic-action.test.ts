import rule from '../../../src/engine/rules/activity-outside-strategic-action';
import { ruleTester } from './rule-tester';
import { sheet } from './sheets';

ruleTester(rule, {
  valid: [sheet()],
  invalid: [
    {
      name: 'the AEI row is missing between the OEI and the AO',
      spec: sheet({ code: 'AOI30126400197' }),
      cells: { A7: null },
      errors: [{ cell: 'A8', messageId: 'outside', message: 'La AO AOI30126400197 no está bajo ninguna AEI', found: 'AOI30126400197' }],
    },
  ],
});
