import rule from '../../../src/engine/rules/missing-strategic-action-line';
import { aei, oei } from '../../fixtures/poi-sheet';
import { ruleTester } from './rule-tester';
import { cleanAo, sheet } from './sheets';

ruleTester(rule, {
  valid: [sheet()],
  invalid: [
    {
      name: 'no line at all',
      spec: { objectives: [oei('01', [aei('01.01', [cleanAo()], { line: false })])] },
      errors: [{ cell: 'A7', messageId: 'both', message: 'EJECUCIÓN FÍSICA POR AEI.01.01:» y «EJECUCIÓN FINANCIERA POR AEI.01.01:' }],
    },
    {
      name: 'only the financial line',
      spec: sheet(),
      cells: { A10: null },
      errors: [{ cell: 'A7', messageId: 'physical' }],
    },
    {
      name: 'only the physical line',
      spec: sheet(),
      cells: { O10: null },
      errors: [{ cell: 'A7', messageId: 'financial' }],
    },
  ],
});
