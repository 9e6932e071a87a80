import { defineRule } from './define-rule';
import { compareStated } from './stated';

export default defineRule({
  meta: {
    id: 'stated-total',
    severity: 'error',
    category: 'stated',
    spec: 'poi-rules.md §2.8–2.11',
    description: 'Un total del reporte (promedio, mediana, totales financieros, AO completas/incompletas) no es el que resulta de las AO.',
    rationale: 'Los totales son lo primero que lee la alta dirección: deben cuadrar con el detalle.',
    example: 'PROMEDIO DE EJECUCIÓN FÍSICA (%) dice 85; el promedio de los AVANCE % es 83.7.',
    messages: {
      mismatch: '{label} dice {found}; según las AO es {expected}.',
    },
  },
  create: (context) => ({
    end() {
      for (const line of context.model.totals) {
        const expected = context.figures.totals[line.key];
        compareStated(context, line.value, expected, 'mismatch', { label: line.label.value.trim() });
      }
    },
  }),
});
