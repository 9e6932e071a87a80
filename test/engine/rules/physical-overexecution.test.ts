import rule from '../../../src/engine/rules/physical-overexecution';
import { ruleTester } from './rule-tester';
import { sheet } from './sheets';

ruleTester(rule, {
  valid: [
    sheet(),
    { name: 'exactly 200 %', spec: sheet({ prog: [1, 1, 1, 1, 0, 0], exec: [2, 2, 2, 2, 0, 0] }) },
    { name: 'S.P.: nothing programmed', spec: sheet({ prog: [0, 0, 0, 0, 0, 0], exec: [5, 0, 0, 0, 0, 0] }) },
    { name: 'No Acumulado, a month done without programming', spec: sheet({ aggregation: 'No Acumulado', prog: [10, 0, 10, 10, 10, 10], exec: [10, 50, 10, 10, 10, 10] }) },
  ],
  invalid: [
    {
      spec: sheet({ prog: [1, 1, 1, 1, 0, 0], exec: [3, 3, 3, 3, 0, 0] }),
      errors: [{ cell: 'M9', messageId: 'over', message: 'Se ejecutó 12 de 4 programado (300 %); el AVANCE % se limita a 100. ¿Reprogramar la meta?', expected: 4, found: 12 }],
    },
    {
      name: 'Acumulado Mensual compares the last month values',
      spec: sheet({ aggregation: 'Acumulado Mensual', prog: [10, 10, 10, 10, 10, 10], exec: [10, 10, 10, 10, 10, 25] }),
      errors: [{ cell: 'M9', messageId: 'over', expected: 10, found: 25 }],
    },
    {
      name: 'No Acumulado: the month that went over',
      spec: sheet({ aggregation: 'No Acumulado', prog: [10, 10, 10, 10, 10, 10], exec: [10, 10, 25, 10, 30, 10] }),
      errors: [{ cell: 'I9', messageId: 'overMonth', message: 'En Mar se ejecutó 25 de 10 programado (250 %)', expected: 10, found: 25 }],
    },
  ],
});
