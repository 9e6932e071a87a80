import rule from '../../../src/engine/rules/empty-strategic-action';
import { aei, oei } from '../../fixtures/poi-sheet';
import { ruleTester } from './rule-tester';
import { cleanAo } from './sheets';

ruleTester(rule, {
  valid: [{ objectives: [oei('01', [aei('01.01', [cleanAo()]), aei('01.02', [cleanAo()])])] }],
  invalid: [
    {
      spec: { objectives: [oei('01', [aei('01.01', [cleanAo()]), aei('01.02', [])])] },
      errors: [{ cell: 'A11', messageId: 'empty', message: 'AEI.01.02 no tiene AO debajo' }],
    },
  ],
});
