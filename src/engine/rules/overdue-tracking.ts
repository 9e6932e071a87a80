import { trackingDeadline } from '../compute/deadlines';
import { defineRule } from './define-rule';
import { longDate, monthName, spanishList } from './format';

export default defineRule({
  meta: {
    id: 'overdue-tracking',
    severity: 'warning',
    category: 'planning',
    spec: 'poi-rules.md §2.4 (S.I.)',
    description: 'Meses sin EJECUTADO físico cuyo plazo de registro ya venció a la fecha de corte: la AO queda S.I.',
    rationale:
      'El seguimiento de un mes se registra hasta el último día del mes siguiente; vencido el plazo, la AO figura con seguimiento incompleto (S.I.), y también su AEI.',
    example: 'EJECUTADO de Jun vacío en un reporte con fecha de corte 1 de agosto de 2023 (el plazo venció el 31 de julio).',
    messages: {
      one: 'Falta el EJECUTADO físico de {month}, cuyo plazo venció el {deadline}: registre lo ejecutado (0 si no hubo avance). Mientras falte, la AO queda S.I.',
      many: 'Falta el EJECUTADO físico de {months}; el plazo de {last} venció el {deadline}: registre lo ejecutado (0 si no hubo avance). Mientras falte, la AO queda S.I.',
    },
  },
  create: (context) => {
    // The same year the figures used to decide S.I.
    const year = context.model.layout.year ?? Number(context.fechaCorte.slice(0, 4));
    const { months } = context.model.layout;
    return {
      activity(f) {
        const row = f.activity.executed;
        // Without an EJECUTADO row every month is missing: missing-executed-row says it once.
        if (!row || f.missingMonths.length === 0) return;
        const i = months.indexOf(f.missingMonths[0]);
        // One cell, not the row's (late tracking may be every AO's); the message is written only if shown.
        const first = i >= 0 && i < row.physicalCount ? row.monthCell('physical', i) : row.physical[i];
        const lastMonth = f.missingMonths[f.missingMonths.length - 1];
        const deadline = (): string => longDate(trackingDeadline(year, lastMonth));
        if (f.missingMonths.length === 1) {
          context.flag(first.at, 'one', () => ({ month: monthName(lastMonth), deadline: deadline() }), { found: null });
        } else {
          context.flag(first.at, 'many', () => ({ months: spanishList(f.missingMonths.map(monthName)), last: monthName(lastMonth), deadline: deadline() }), { found: null });
        }
      },
    };
  },
});
