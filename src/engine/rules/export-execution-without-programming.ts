import { exportView } from '../flat/cells';
import type { Measure } from '../flat/types';
import { PROGRAMMED_PHASES } from '../flat/parse-flat';
import { CELL_POSITIVE } from '../model';
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
        const row = f.activity.executed;
        for (const measure of MEASURES) {
          const executed = view.block(measure, 'SE');
          if (!executed) continue;
          // The EJECUTADO row holds this block's period months: for an AO of one row, no month
          // above 0 there (no CELL_POSITIVE) means nothing executed to look at.
          if (rows.length === 1 && row !== null && ((measure === 'F' ? row.physicalBits : row.financialBits) & CELL_POSITIVE) === 0) continue;
          const programmed = programmedBlocks[measure];
          let months: { month: number; col: number }[] | null = null;
          for (const m of view.periodColumns(executed)) {
            if (!positive(rows, m.col)) continue;
            let isProgrammed = false;
            for (const b of programmed) {
              const col = b.months[m.month - 1];
              if (col >= 0 && positive(rows, col)) {
                isProgrammed = true;
                break;
              }
            }
            if (!isProgrammed) (months ??= []).push(m);
          }
          if (months === null) continue;
          const found = months;
          const at = { row: rows[0], col: found[0].col };
          context.flag(at, measure === 'F' ? 'physical' : 'financial', () => ({
            code: f.activity.code,
            months: spanishList(found.map((m) => shortMonth(m.month))),
            where: view.where(at.row, at.col),
          }));
        }
      },
    };
  },
});
