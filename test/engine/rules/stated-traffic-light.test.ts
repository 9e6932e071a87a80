import rule from '../../../src/engine/rules/stated-traffic-light';
import { ruleTester } from './rule-tester';
import { sheet } from './sheets';

// One AO at 100 %: green 1 in both rows.
const withLight = (aei: (number | null)[], ao: (number | null)[]) => ({ ...sheet(), trafficLight: { aei, ao } });

ruleTester(rule, {
  valid: [withLight([0, 0, 1], [0, 0, 1]), withLight([null, null, null], [null, null, null]), { ...sheet(), trafficLight: false as const }],
  invalid: [
    {
      spec: withLight([0, 0, 1], [1, 0, 0]),
      errors: [
        { cell: 'B23', messageId: 'mismatch', message: 'Actividades Operativas < 75%: dice 1; según las cifras son 0', expected: 0, found: 1 },
        { cell: 'D23', messageId: 'mismatch', message: '> 95%', expected: 1, found: 0 },
      ],
    },
    {
      spec: withLight([0, 1, 1], [0, 0, 1]),
      errors: [{ cell: 'C22', messageId: 'mismatch', message: 'Acciones Estratégicas 75% - 95%', expected: 0, found: 1 }],
    },
  ],
});
