import { isBlank } from '../grid/text';
import { defineRule } from './define-rule';
import { showValue, showAmount } from './format';
import { statedMismatch } from './stated';

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
      mismatch: '{label} dice {found}; según las AO es {expected}. Corríjalo o use «Recalcular y escribir».',
      noFigure:
        '{label} dice {found}, pero no hay cifras de las que calcularlo (las AO o AEI que cuenta están S.P. o S.I.): bórrelo o complete el seguimiento de las AO.',
    },
  },
  create: (context) => ({
    end() {
      for (const line of context.model.totals) {
        const expected = context.figures.totals[line.key];
        const label = line.label.value.trim();
        if (expected === null) {
          // No AO with a number: there is nothing to write, so «Recalcular y escribir» cannot fix it.
          if (!isBlank(line.value.value)) {
            context.flag(line.value.at, 'noFigure', { label, found: showValue(line.value.value) }, { expected: null, found: line.value.value });
          }
          continue;
        }
        const money = line.key === 'financialProgrammed' || line.key === 'financialExecuted';
        const m = statedMismatch(line.value, expected, money ? showAmount : undefined);
        if (m) context.flag(m.at, 'mismatch', () => ({ label, ...m.shown() }), m.values);
      }
    },
  }),
});
