import rule from '../../../src/engine/rules/stated-physical-accumulated';
import { ruleTester } from './rule-tester';
import { sheet } from './sheets';

ruleTester(rule, {
  valid: [
    sheet({ progAcc: 18, execAcc: 18 }),
    { name: 'blank accumulated cells are still to fill', spec: sheet() },
    { name: 'a number stored as text that holds the value', spec: sheet({ progAcc: '18', execAcc: '18.00' }) },
    { name: 'Acumulado Mensual takes the last month above zero', spec: sheet({ aggregation: 'Acumulado Mensual', progAcc: 5, execAcc: 5 }) },
    { name: 'No Acumulado shows -', spec: sheet({ aggregation: 'No Acumulado', progAcc: '-', execAcc: '-' }) },
  ],
  invalid: [
    {
      spec: sheet({ progAcc: 16 }),
      errors: [{ cell: 'M8', messageId: 'mismatch', message: 'AVANCE ACUMULADO físico (PROGRAMADO) dice 16', expected: 18, found: 16 }],
    },
    {
      name: 'EJECUTADO of an Acumulado Mensual summed by mistake',
      spec: sheet({ aggregation: 'Acumulado Mensual', execAcc: 18 }),
      errors: [{ cell: 'M9', messageId: 'mismatch', message: '«Acumulado Mensual» es 5', expected: 5, found: 18 }],
    },
    {
      name: 'a zero where the AO has no programming (S.P.)',
      spec: sheet({ prog: [0, 0, 0, 0, 0, 0], exec: [0, 0, 0, 0, 0, 0], progAcc: 0 }),
      errors: [{ cell: 'M8', messageId: 'mismatch', expected: 'S.P.', found: 0 }],
    },
  ],
});
