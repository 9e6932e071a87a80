import { isBlank } from '../grid/text';
import { closestKnown } from './closest';
import { defineRule } from './define-rule';
import { showValue } from './format';
import { PRIORITY_LEVELS, priorityOf } from './known-values';

export default defineRule({
  meta: {
    id: 'unknown-priority-level',
    severity: 'warning',
    category: 'values',
    spec: 'poi-rules.md §1 (C: NIVEL DE PRIORIDAD)',
    description: 'NIVEL DE PRIORIDAD no es Muy Alta, Alta, Media ni Baja (o falta su columna).',
    rationale:
      'La prioridad ordena la atención de las AO atrasadas: un valor fuera de la lista no entra en los filtros ni en los resúmenes por prioridad.',
    example: '«Medio» → ¿quiso decir «Media»?',
    messages: {
      unknown: 'NIVEL DE PRIORIDAD «{found}» no es un nivel conocido; ¿quiso decir «{suggestion}»? Corríjalo.',
      unknownNoSuggestion: 'NIVEL DE PRIORIDAD «{found}» no es un nivel conocido: escriba Muy Alta, Alta, Media o Baja.',
      blank: 'NIVEL DE PRIORIDAD vacío: escriba Muy Alta, Alta, Media o Baja.',
      missingColumn: 'No se encontró la columna NIVEL DE PRIORIDAD en el encabezado: restituya la columna con su título.',
    },
  },
  create: (context) => {
    const { columns, headerRow } = context.model.layout;
    const hasColumn = columns.priority >= 0;
    return {
      activity(f) {
        const { priority } = f.activity;
        if (!hasColumn || priorityOf(priority.value) !== null) return;
        if (isBlank(priority.value)) return void context.flag(priority.at, 'blank', { found: priority.value });
        const found = showValue(priority.value);
        const suggestion = closestKnown(found, PRIORITY_LEVELS);
        if (suggestion) context.flag(priority.at, 'unknown', { data: { found, suggestion }, expected: suggestion, found: priority.value });
        else context.flag(priority.at, 'unknownNoSuggestion', { data: { found }, found: priority.value });
      },
      end() {
        if (!hasColumn && context.model.activities.length > 0) context.flag({ row: headerRow, col: columns.label }, 'missingColumn');
      },
    };
  },
});
