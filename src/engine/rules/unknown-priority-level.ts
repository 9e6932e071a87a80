import { knownValueRule } from './known-value-rule';
import { PRIORITY_LEVELS, priorityOf } from './known-values';

export default knownValueRule({
  meta: {
    id: 'unknown-priority-level',
    severity: 'warning',
    spec: 'poi-rules.md §1 (C: NIVEL DE PRIORIDAD)',
    description: 'NIVEL DE PRIORIDAD no es Muy Alta, Alta, Media ni Baja (o falta su columna).',
    rationale:
      'La prioridad ordena la atención de las AO atrasadas: un valor fuera de la lista no entra en los filtros ni en los resúmenes por prioridad.',
    example: '«Medio» → ¿quiso decir «Media»?',
  },
  title: 'NIVEL DE PRIORIDAD',
  noun: 'un nivel conocido',
  known: PRIORITY_LEVELS,
  column: (columns) => columns.priority,
  cell: (activity) => activity.priority,
  recognised: (activity) => priorityOf(activity.priority.value) !== null,
});
