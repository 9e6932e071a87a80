import { defineRule } from './define-rule';
import { showMoney } from './format';
import { monthFlags, PHYSICAL_PROGRESS } from './cells';

export default defineRule({
  meta: {
    id: 'money-without-physical-progress',
    severity: 'warning',
    category: 'planning',
    spec: 'poi-rules.md §2.1–2.2; issue 4 (planning sense)',
    description: 'Una AO ejecutó dinero pero su EJECUTADO físico es 0 (o vacío) en todos los meses.',
    rationale:
      'Un gasto sin avance físico es lo primero que pregunta el órgano de control: o falta registrar el avance, o el gasto no corresponde a esta AO.',
    example: 'EJECUTADO físico 0 en todos los meses y EJECUTADO financiero 59,035.15.',
    messages: {
      noProgress:
        'Se ejecutaron {money} sin avance físico en ningún mes: registre el avance de los meses en que hubo gasto, o revise si el gasto corresponde a esta AO.',
    },
  },
  create: (context) => ({
    activity(f) {
      const row = f.activity.executed;
      if (!row || f.financialExecuted <= 0) return;
      if ((monthFlags(f.activity) & PHYSICAL_PROGRESS) !== 0) return;
      context.flag(row.physicalAccumulated.at, 'noProgress', () => ({ money: showMoney(f.financialExecuted) }), { found: f.physicalExecuted });
    },
  }),
});
