import rule from '../../../src/engine/rules/missing-executed-row';
import { ruleTester } from './rule-tester';
import { sheet } from './sheets';

ruleTester(rule, {
  valid: [sheet(), sheet({}, {})],
  invalid: [
    {
      spec: sheet({ code: 'AOI30126400197', noExecutedRow: true }),
      errors: [{ cell: 'F8', messageId: 'missing', message: 'La AO AOI30126400197 no tiene fila EJECUTADO' }],
    },
    {
      name: 'the first of two AO',
      spec: sheet({ code: 'AOI1', noExecutedRow: true }, { code: 'AOI2' }),
      errors: [{ cell: 'F8', messageId: 'missing', message: 'AOI1' }],
    },
  ],
});
