import { defineRule } from './define-rule';
import { showAmount } from './format';
import { statedMismatch } from './stated';

export default defineRule({
  meta: {
    id: 'stated-aei-line',
    severity: 'error',
    category: 'stated',
    spec: 'poi-rules.md §2.6–2.7',
    description: 'La EJECUCIÓN FÍSICA o FINANCIERA POR AEI escrita no es la que resulta de sus AO.',
    rationale: 'Las cifras por AEI son las que se informan a CEPLAN y al titular; deben salir de sus AO.',
    example: 'EJECUCIÓN FÍSICA POR AEI.01.04 dice 60; el promedio de sus AO es 55.2.',
    messages: {
      physical: 'EJECUCIÓN FÍSICA POR {code} dice {found}; según sus AO es {expected}. Corríjalo o use «Recalcular y escribir».',
      financial: 'EJECUCIÓN FINANCIERA POR {code} dice {found}; la suma de sus AO es {expected}. Corríjalo o use «Recalcular y escribir».',
    },
  },
  create: (context) => ({
    strategicAction(f) {
      const { physicalLine, financialLine, code } = f.strategicAction;
      const physical = physicalLine && statedMismatch(physicalLine.value, f.physical);
      if (physical) context.flag(physical.at, 'physical', () => ({ code, ...physical.shown() }), physical.values);
      const financial = financialLine && statedMismatch(financialLine.value, f.financial, showAmount);
      if (financial) context.flag(financial.at, 'financial', () => ({ code, ...financial.shown() }), financial.values);
    },
  }),
});
