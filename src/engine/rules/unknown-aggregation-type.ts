import { isBlank } from '../grid/text';
import { closestKnown } from './closest';
import { defineRule } from './define-rule';
import { showValue } from './format';
import { AGGREGATION_TYPES } from './known-values';

export default defineRule({
  meta: {
    id: 'unknown-aggregation-type',
    severity: 'error',
    category: 'values',
    spec: 'poi-rules.md §2.1',
    description: 'TIPO DE AGREGACIÓN no es Acumulado Anual, Acumulado Mensual ni No Acumulado (o falta su columna).',
    rationale:
      'El tipo decide cómo se acumula el avance físico y cómo se calcula el AVANCE %: con un tipo desconocido la herramienta calcula como Acumulado Anual, que puede no ser lo que la AO mide.',
    example: '«Acumulado anul» → ¿quiso decir «Acumulado Anual»?',
    messages: {
      unknown:
        'TIPO DE AGREGACIÓN «{found}» no es un tipo conocido; ¿quiso decir «{suggestion}»? Corríjalo: mientras tanto se calculó como Acumulado Anual.',
      unknownNoSuggestion:
        'TIPO DE AGREGACIÓN «{found}» no es un tipo conocido: escriba Acumulado Anual, Acumulado Mensual o No Acumulado. Mientras tanto se calculó como Acumulado Anual.',
      blank: 'TIPO DE AGREGACIÓN vacío: escriba Acumulado Anual, Acumulado Mensual o No Acumulado. Mientras tanto se calculó como Acumulado Anual.',
      missingColumn:
        'No se encontró la columna TIPO DE AGREGACIÓN en el encabezado: todas las AO se calcularon como Acumulado Anual. Restituya la columna con su título.',
    },
  },
  create: (context) => {
    const { columns, headerRow } = context.model.layout;
    const hasColumn = columns.aggregation >= 0;
    return {
      activity(f) {
        const { aggregation, aggregationType } = f.activity;
        if (!hasColumn || aggregationType !== null) return;
        if (isBlank(aggregation.value)) return void context.flag(aggregation.at, 'blank', { found: aggregation.value });
        const found = showValue(aggregation.value);
        const suggestion = closestKnown(found, AGGREGATION_TYPES);
        if (suggestion) context.flag(aggregation.at, 'unknown', { data: { found, suggestion }, expected: suggestion, found: aggregation.value });
        else context.flag(aggregation.at, 'unknownNoSuggestion', { data: { found }, found: aggregation.value });
      },
      end() {
        if (!hasColumn && context.model.activities.length > 0) context.flag({ row: headerRow, col: columns.label }, 'missingColumn');
      },
    };
  },
});
