import { knownValueRule } from './known-value-rule';
import { AGGREGATION_TYPES } from './known-values';

export default knownValueRule({
  meta: {
    id: 'unknown-aggregation-type',
    severity: 'error',
    spec: 'poi-rules.md §2.1',
    description: 'TIPO DE AGREGACIÓN no es Acumulado Anual, Acumulado Mensual ni No Acumulado (o falta su columna).',
    rationale:
      'El tipo decide cómo se acumula el avance físico y cómo se calcula el AVANCE %: con un tipo desconocido la herramienta calcula como Acumulado Anual, que puede no ser lo que la AO mide.',
    example: '«Acumulado anul» → ¿quiso decir «Acumulado Anual»?',
  },
  title: 'TIPO DE AGREGACIÓN',
  noun: 'un tipo conocido',
  known: AGGREGATION_TYPES,
  column: (columns) => columns.aggregation,
  cell: (activity) => activity.aggregation,
  recognised: (activity) => activity.aggregationType !== null,
  fallback: 'Acumulado Anual',
});
