import { defineRule } from './define-rule';
import { showMoney } from './format';
import { wholePercent } from './planning';

export default defineRule({
  meta: {
    id: 'financial-overexecution',
    severity: 'warning',
    category: 'planning',
    spec: 'poi-rules.md §2.2 (financial AVANCE ACUMULADO)',
    description: 'El EJECUTADO financiero acumulado de una AO supera a su PROGRAMADO financiero.',
    rationale:
      'Gastar más de lo programado suele indicar una modificación presupuestal que no se llevó a la programación, o un monto mal digitado.',
    example: 'PROGRAMADO financiero 1,200.00 y EJECUTADO 1,350.00 (113 %).',
    messages: {
      over: 'Se ejecutó {found} de {expected} programado ({percent} %): actualice la programación financiera o revise los montos ejecutados.',
      unprogrammed: 'Se ejecutó {found} sin programación financiera: registre la programación del gasto o revise a qué AO corresponde.',
    },
  },
  create: (context) => ({
    activity(f) {
      const row = f.activity.executed;
      const programmed = f.financialProgrammed;
      const executed = f.financialExecuted;
      if (!row || executed <= programmed + 0.005) return;
      const values = { expected: programmed, found: executed };
      if (programmed <= 0) context.flag(row.financialAccumulated.at, 'unprogrammed', () => ({ found: showMoney(executed) }), values);
      else {
        context.flag(
          row.financialAccumulated.at,
          'over',
          () => ({ found: showMoney(executed), expected: showMoney(programmed), percent: wholePercent(executed / programmed) }),
          values,
        );
      }
    },
  }),
});
