import { defineRule } from './define-rule';
import { showMoney, spanishList } from './format';
import { monthFlags, PHYSICAL_PROGRESS } from './cells';
import { monthsWithPhysicalProgress } from './planning';

export default defineRule({
  meta: {
    id: 'physical-progress-without-money',
    severity: 'warning',
    category: 'planning',
    spec: 'poi-rules.md §2.1–2.2; issue 4 (planning sense)',
    description: 'Una AO con dinero programado tiene avance físico, pero su EJECUTADO financiero es 0.',
    rationale:
      'Si la AO tiene presupuesto, su avance suele costar algo: un EJECUTADO financiero en 0 indica un gasto no registrado o cargado a otra AO. Las AO sin dinero programado no se señalan.',
    example: 'EJECUTADO físico 1, 1, 1, 1, 0, 0 con PROGRAMADO financiero 1,200.00 y EJECUTADO financiero 0.',
    messages: {
      noMoney:
        'Hay avance físico en {months}, pero el EJECUTADO financiero es 0 con {programmed} programado: registre el gasto ejecutado, o confirme que el avance no requirió gasto.',
    },
  },
  create: (context) => ({
    // Called only for the AO whose month cells show the bit (the walk reads monthFlags once).
    activityFlags: PHYSICAL_PROGRESS,
    activity(f) {
      const row = f.activity.executed;
      if (!row || f.financialProgrammed <= 0 || f.financialExecuted !== 0 || (monthFlags(f.activity) & PHYSICAL_PROGRESS) === 0) return;
      const months = monthsWithPhysicalProgress(f, context.model.layout);
      if (months.length === 0) return;
      context.flag(row.financialAccumulated.at, 'noMoney', () => ({ months: spanishList(months), programmed: showMoney(f.financialProgrammed) }), { found: f.financialExecuted });
    },
  }),
});
