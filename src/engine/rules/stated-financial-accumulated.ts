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
      const pairs = [
        [programmed, f.financialProgrammed],
        [executed, f.financialExecuted],
      ] as const;
      for (const [row, expected] of pairs) {
        const m = row && statedMismatch(row.financialAccumulated, expected, showAmount);
        if (m) context.flag(m.at, 'mismatch', { kind: row.kind, ...m.shown }, m.values);
      }
    },
  }),
});
