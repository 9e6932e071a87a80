import { defineRule } from './define-rule';
import { statedMismatch } from './stated';

export default defineRule({
  meta: {
    id: 'stated-percent',
    severity: 'error',
    category: 'stated',
    spec: 'poi-rules.md §2.3–2.5',
    description: 'El AVANCE % (o su marca S.P./S.I.) escrito no es el que resulta de los meses.',
    rationale: 'El AVANCE % decide el color del semáforo de la AO y entra en la mediana y el promedio del POI.',
    example: 'Programado 18, ejecutado 4: AVANCE % debe ser 22.22, la hoja dice 57.',
    messages: {
      mismatch: 'AVANCE % dice {found}; según los meses es {expected}.',
    },
  },
  create: (context) => ({
    activity(f) {
      const cell = f.activity.percent; // built when read: once
      const m = cell && statedMismatch(cell, f.percent);
      if (m) context.flag(m.at, 'mismatch', m.shown, m.values);
    },
  }),
});
