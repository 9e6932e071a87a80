import rule from '../../../src/engine/rules/strategic-action-outside-objective';
import { ruleTester } from './rule-tester';
import { sheet } from './sheets';

ruleTester(rule, {
  valid: [sheet()],
  invalid: [
    {
      name: 'the report starts with an AEI',
      spec: sheet(),
      cells: { A6: null },
      errors: [{ cell: 'A7', messageId: 'outside', message: 'AEI.01.01 no está bajo ninguna OEI: agregue encima la fila de su objetivo (OEI.01' }],
    },
  ],
});
