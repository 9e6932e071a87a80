import { defineRule } from './define-rule';
import { statedMismatch } from './stated';

export default defineRule({
  meta: {
    id: 'stated-physical-accumulated',
    severity: 'error',
    category: 'stated',
    spec: 'poi-rules.md §2.1, §2.3',
    description: 'El AVANCE ACUMULADO físico escrito no es el que resulta de los meses.',
    rationale: 'El acumulado alimenta el AVANCE %, el semáforo y los promedios: si está mal, todo el reporte lo arrastra.',
    example: 'PROGRAMADO 1, 1, 1, 5, 5, 5 (Acumulado Anual) con AVANCE ACUMULADO 16 en vez de 18.',
    messages: {
      mismatch: 'AVANCE ACUMULADO físico ({kind}) dice {found}; según los meses y el tipo «{type}» es {expected}. Corríjalo o use «Recalcular y escribir».',
    },
  },
  create: (context) => ({
    activity(f) {
      const type = f.activity.aggregationType ?? 'Acumulado Anual';
      const { programmed, executed } = f.activity;
      // Two rows, each with its figure; nearly always blank or right, so nothing is built.
      for (let i = 0; i < 2; i++) {
        const row = i === 0 ? programmed : executed;
        const m = row && statedMismatch(row.physicalAccumulated, i === 0 ? f.physicalProgrammed : f.physicalExecuted);
        if (m) context.flag(m.at, 'mismatch', () => ({ kind: row.kind, type, ...m.shown() }), m.values);
      }
    },
  }),
});
