import rule from '../../../src/engine/rules/misplaced-strategic-action';
import { aei, oei } from '../../fixtures/poi-sheet';
import { ruleTester } from './rule-tester';
import { cleanAo } from './sheets';

ruleTester(rule, {
  valid: [
    { objectives: [oei('01', [aei('01.01', [cleanAo()])]), oei('02', [aei('02.01', [cleanAo()]), aei('02.02', [cleanAo()])])] },
    { objectives: [oei('3', [aei('03.01', [cleanAo()])])] },
  ],
  invalid: [
    {
      spec: { objectives: [oei('03', [aei('02.01', [cleanAo()])])] },
      errors: [{ cell: 'A7', messageId: 'mismatch', message: 'AEI.02.01 está bajo OEI.03, pero su código indica OEI.02', expected: 'OEI.02', found: 'OEI.03' }],
    },
    {
      name: 'the second AEI of an OEI',
      spec: { objectives: [oei('01', [aei('01.01', [cleanAo()]), aei('02.05', [cleanAo()])])] },
      errors: [{ cell: 'A11', messageId: 'mismatch', expected: 'OEI.02', found: 'OEI.01' }],
    },
  ],
});
