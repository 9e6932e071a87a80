import rule from '../../../src/engine/rules/stated-total';
import { ruleTester } from './rule-tester';
import { sheet } from './sheets';

const withTotals = (totals: Record<string, number | string>, ...activities: Parameters<typeof sheet>) => ({ ...sheet(...activities), totals });

ruleTester(rule, {
  valid: [
    withTotals({
      'PROMEDIO DE EJECUCIÓN FÍSICA (%)': 100,
      'MEDIANA DEI AV% DEL POI': 100,
      'TOTAL DE PROGRAMACIÓN FINANCIERA': 600,
      'TOTAL DE EJECUCIÓN FINANCIERA': 600,
      'AO CON INFORMACIÓN COMPLETA': 1,
      'AO CON INFORMACIÓN INCOMPLETA': 0,
    }),
    sheet(),
  ],
  invalid: [
    {
      spec: withTotals({ 'PROMEDIO DE EJECUCIÓN FÍSICA (%)': 85 }),
      errors: [{ cell: 'U11', messageId: 'mismatch', message: 'PROMEDIO DE EJECUCIÓN FÍSICA (%) dice 85; según las AO es 100', expected: 100, found: 85 }],
    },
    {
      spec: withTotals({ 'AO CON INFORMACIÓN INCOMPLETA': 1 }),
      errors: [{ cell: 'U16', messageId: 'mismatch', expected: 0, found: 1 }],
    },
    {
      name: 'an average where every AO is S.P.',
      spec: withTotals({ 'PROMEDIO DE EJECUCIÓN FÍSICA (%)': 50 }, { prog: [0, 0, 0, 0, 0, 0], exec: [0, 0, 0, 0, 0, 0] }),
      errors: [{ cell: 'U11', messageId: 'noFigure', expected: null, found: 50 }],
    },
  ],
});
