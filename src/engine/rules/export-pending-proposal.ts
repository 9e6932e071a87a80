import { exportView } from '../flat/cells';
import type { Measure, Phase } from '../flat/types';
import { isBlank } from '../grid/text';
import { defineRule } from './define-rule';
import { showValue, spanishList } from './format';
import { shortMonth } from './known-values';

const PAIRS: readonly [Measure, Phase, Phase][] = [
  ['F', 'RE_P', 'RE'],
  ['Fn', 'RE_P', 'RE'],
  ['F', 'SE_P', 'SE'],
  ['Fn', 'SE_P', 'SE'],
];

export default defineRule({
  meta: {
    id: 'export-pending-proposal',
    severity: 'warning',
    category: 'planning',
    spec: 'flat-export.md §2.3 (_P blocks are not counted)',
    description: 'En la exportación, un bloque de propuesta (RE_P, SE_P) tiene un valor en un mes del periodo donde el bloque aprobado (RE, SE) está vacío.',
    rationale:
      'Las propuestas aún no aprobadas no se cuentan: lo registrado en SE_P no es seguimiento hasta que se apruebe, así que la AO puede quedar S.I. o sin la reprogramación que el área ya pidió.',
    example: 'F(SE_P) 05 de la fila 40 dice 3 y F(SE) 05 está vacío.',
    messages: {
      pending:
        '{where} dice {found} (propuesta sin aprobar), pero {approved} está vacío en {months}: apruebe la propuesta en el Aplicativo y vuelva a exportar. No se contó.',
    },
  },
  create: (context) => {
    const view = exportView(context.model, context.grid);
    if (!view) return {};
    return {
      activity(f) {
        for (const [measure, proposal, approved] of PAIRS) {
          const p = view.block(measure, proposal);
          const a = view.block(measure, approved);
          if (!p) continue;
          const cols = view.periodColumns(p);
          for (const row of view.source(f.activity.index).rows) {
            // A proposal is nearly always blank: the list is built only from the first pending month on.
            const cells = view.grid.rows[row];
            let pending: { month: number; col: number }[] | null = null;
            for (const m of cols) {
              const approvedCol = a ? a.months[m.month - 1] : -1;
              if (!isBlank(cells?.[m.col] ?? null) && (approvedCol < 0 || isBlank(cells?.[approvedCol] ?? null))) (pending ??= []).push(m);
            }
            if (pending === null) continue;
            const first = pending[0];
            const months = pending;
            context.flag({ row, col: first.col }, 'pending', () => ({
                where: view.where(row, first.col),
                found: showValue(view.value(row, first.col)),
                approved: `${measure}(${approved})`,
                months: spanishList(months.map((m) => shortMonth(m.month))),
              }), { found: view.value(row, first.col) });
          }
        }
      },
    };
  },
});
