import rule from '../../../src/engine/rules/orphan-executed-row';
import { ruleTester } from './rule-tester';
import { sheet } from './sheets';

ruleTester(rule, {
  valid: [
    sheet({}, {}),
    { name: 'the EJECUTADO row of a PROGRAMADO without label is missing-activity-label’s case', spec: sheet({ label: null }) },
  ],
  invalid: [
    {
      name: 'the PROGRAMADO mark is gone',
      spec: sheet(),
      cells: { F8: null },
      errors: [{ cell: 'F9', messageId: 'orphan' }],
    },
    {
      name: 'an EJECUTADO row repeated',
      spec: sheet({}, {}),
      cells: { F10: 'EJECUTADO' },
      errors: [
        { cell: 'F10', messageId: 'orphan' },
        { cell: 'F11', messageId: 'orphan' },
      ],
    },
  ],
});
