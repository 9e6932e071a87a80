import rule from '../../../src/engine/rules/nonstandard-value-spelling';
import { ruleTester } from './rule-tester';
import { sheet } from './sheets';

ruleTester(rule, {
  valid: [sheet({ aggregation: 'No Acumulado', priority: 'Baja' }), { name: 'unknown values are the unknown-* rules’', spec: sheet({ aggregation: 'Acumulado anul', priority: 'Medio' }) }],
  invalid: [
    {
      spec: sheet({ aggregation: 'Acumulado anual ' }),
      errors: [{ cell: 'E8', messageId: 'aggregation', message: '«Acumulado anual » se leyó como «Acumulado Anual»', expected: 'Acumulado Anual', found: 'Acumulado anual ' }],
    },
    {
      spec: sheet({ priority: 'ALTA', aggregation: 'acumulado MENSUAL' }),
      errors: [
        { cell: 'C8', messageId: 'priority', expected: 'Alta', found: 'ALTA' },
        { cell: 'E8', messageId: 'aggregation', expected: 'Acumulado Mensual' },
      ],
    },
  ],
});
