import { exportView } from '../flat/cells';
import type { Measure } from '../flat/types';
import { PROGRAMMED_PHASES } from '../flat/parse-flat';
import { defineRule } from './define-rule';
import { spanishList } from './format';
import { shortMonth } from './known-values';

export default defineRule({
  meta: {
    id: 'export-execution-without-programming',
    severity: 'warning',
    category: 'planning',
    spec: 'flat-export.md §2.2–2.3',
    description: 'En la exportación, una AO tiene ejecución (SE) mayor que cero en un mes que ninguna fase de programación (RE, CS, AJ, A) programó.',
    rationale:
      'Lo ejecutado sin programación no entra en el AVANCE % de ningún mes con meta: suele ser una reprogramación que falta registrar o una ejecución cargada en el mes equivocado.',
    example: 'F(SE) 03 de la fila 25 dice 4 y F(RE), F(CS), F(AJ) y F(A) de marzo están vacíos o en cero.',
    messages: {
      physical:
        'La AO {code} tiene ejecución física en {months} sin meta en ninguna fase (RE, CS, AJ, A), desde {where}: reprograme la meta en el Aplicativo o revise el mes de la ejecución.',
      financial:
        'La AO {code} tiene ejecución financiera en {months} sin monto programado en ninguna fase (RE, CS, AJ, A), desde {where}: reprograme en el Aplicativo o revise el mes del gasto.',
    },
  },
  create: (context) => {
    const view = exportView(context.model, context.grid);
    if (!view) return {};
    const positive = (rows: readonly number[], col: number): boolean => {
      let sum = 0;
      for (const row of rows) sum += view.number(row, col) ?? 0;
      return sum > 0;
    };
    const MEASURES: readonly Measure[] = ['F', 'Fn'];
    const programmedBlocks = {
      F: PROGRAMMED_PHASES.map((p) => view.block('F', p)).filter((b) => b !== null),
      Fn: PROGRAMMED_PHASES.map((p) => view.block('Fn', p)).filter((b) => b !== null),
    };
    return {
      activity(f) {
        const { rows } = view.source(f.activity.index);
        for (const measure of MEASURES) {
          const executed = view.block(measure, 'SE');
          if (!executed) continue;
          const programmed = programmedBlocks[measure];
          const months = view.periodColumns(executed).filter(
            ({ month, col }) => positive(rows, col) && !programmed.some((b) => b.months[month - 1] >= 0 && positive(rows, b.months[month - 1])),
          );
          if (months.length === 0) continue;
          const at = { row: rows[0], col: months[0].col };
          context.flag(at, measure === 'F' ? 'physical' : 'financial', { code: f.activity.code, months: spanishList(months.map((m) => shortMonth(m.month))), where: view.where(at.row, at.col) });
        }
      },
    };
  },
});
