import rule from '../../../src/engine/rules/stated-aei-line';
import { ruleTester } from './rule-tester';
import { cleanAo } from './sheets';
import { aei, oei } from '../../fixtures/poi-sheet';

// Two AO: 100 % and 50 % → the AEI is 75; money 600 + 300.
const spec = (line: { physical?: number | string; financial?: number | string }) => ({
  objectives: [
    oei('01', [aei('01.01', [cleanAo(), cleanAo({ exec: [1, 1, 1, 1, 1, 4], finExec: [50, 50, 50, 50, 50, 50] })], { line })]),
  ],
});

ruleTester(rule, {
  valid: [spec({ physical: 75, financial: 900 }), spec({}), spec({ physical: '75.0', financial: '900.00' })],
  invalid: [
    {
      spec: spec({ physical: 60, financial: 900 }),
      errors: [{ cell: 'N12', messageId: 'physical', message: 'EJECUCIÓN FÍSICA POR AEI.01.01 dice 60; según sus AO es 75', expected: 75, found: 60 }],
    },
    {
      spec: spec({ physical: 75, financial: 600 }),
      errors: [{ cell: 'U12', messageId: 'financial', expected: 900, found: 600 }],
    },
  ],
});
