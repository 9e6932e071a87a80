import rule from '../../../src/engine/rules/misnamed-strategic-action-line';
import { aei, oei } from '../../fixtures/poi-sheet';
import { ruleTester } from './rule-tester';
import { cleanAo, sheet } from './sheets';

ruleTester(rule, {
  valid: [sheet(), { name: 'a line without accents', spec: sheet(), cells: { A10: 'EJECUCION FISICA POR AEI.01.01:' } }],
  invalid: [
    {
      name: 'both lines name the previous AEI',
      spec: { objectives: [oei('01', [aei('01.01', [cleanAo()]), aei('01.02', [cleanAo()], { line: { namesCode: 'AEI.01.01' } })])] },
      errors: [
        { cell: 'A14', messageId: 'otherCode', message: 'nombra AEI.01.01, pero está debajo de las AO de AEI.01.02', expected: 'AEI.01.02', found: 'AEI.01.01' },
        { cell: 'O14', messageId: 'otherCode', message: '«EJECUCIÓN FINANCIERA POR AEI.01.02:»' },
      ],
    },
    {
      name: 'a line without a code',
      spec: sheet(),
      cells: { A10: 'EJECUCIÓN FÍSICA POR:' },
      errors: [{ cell: 'A10', messageId: 'noCode', message: 'escriba «EJECUCIÓN FÍSICA POR AEI.01.01:»' }],
    },
  ],
});
