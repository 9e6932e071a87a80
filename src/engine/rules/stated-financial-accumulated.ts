import { defineRule } from './define-rule';
import { showAmount } from './format';
import { statedMismatch } from './stated';

export default defineRule({
  meta: {
    id: 'stated-financial-accumulated',
    severity: 'error',
    category: 'stated',
    spec: 'poi-rules.md §2.2',
    description: 'El AVANCE ACUMULADO financiero escrito no es la suma de los meses.',
    rationale: 'Los totales financieros del POI suman estos acumulados: un error aquí descuadra el presupuesto reportado.',
    example: 'EJECUTADO 11,856.88 + 8,820.87 + … con AVANCE ACUMULADO 59,000.00 en vez de 59,035.15.',
    messages: {
      mismatch: 'AVANCE ACUMULADO financiero ({kind}) dice {found}; la suma de los meses es {expected}. Corríjalo o use «Recalcular y escribir».',
    },
  },
  create: (context) => ({
    activity(f) {
      const { programmed, executed } = f.activity;
      // Two rows, each with its figure; nearly always blank or right, so nothing is built.
      for (let i = 0; i < 2; i++) {
        const row = i === 0 ? programmed : executed;
        const m = row && statedMismatch(row.financialAccumulated, i === 0 ? f.financialProgrammed : f.financialExecuted, showAmount);
        if (m) context.flag(m.at, 'mismatch', () => ({ kind: row.kind, ...m.shown() }), m.values);
      }
    },
  }),
});
