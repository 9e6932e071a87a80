import { exportView, numberIn } from '../flat/cells';
import type { Measure } from '../flat/types';
import { PROGRAMMED_PHASES } from '../flat/parse-flat';
import { CELL_POSITIVE } from '../model';
import { defineRule } from './define-rule';
import { spanishList } from './format';
import { shortMonth } from './known-values';

// The month values of the AO being checked, reused across AO.
let executedValues = new Float64Array(12);
let programmedValues = new Float64Array(12);

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
      if (rows.length === 1) return (numberIn(view.grid.rows[rows[0]]?.[col] ?? null) ?? 0) > 0;
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
        // An AO of one row: its EJECUTADO row holds SE's period months and its PROGRAMADO row
        // the programmed phase's (one of RE, CS, AJ, A), the same cells the test below reads.
        // A month executed and programmed in that phase (nearly all) needs no other look.
        const { executed: executedRow, programmed: programmedRow } = f.activity;
        const single = rows.length === 1 && executedRow !== null && programmedRow !== null;
        for (const measure of MEASURES) {
          const executed = view.block(measure, 'SE');
          if (!executed) continue;
          if (single) {
            // No month above 0 (no CELL_POSITIVE): nothing executed to look at.
            if (((measure === 'F' ? executedRow.physicalBits : executedRow.financialBits) & CELL_POSITIVE) === 0) continue;
            const kind = measure === 'F' ? 'physical' : 'financial';
            const n = Math.max(executedRow.physicalCount, executedRow.financialCount, programmedRow.physicalCount, programmedRow.financialCount);
            if (executedValues.length < n) executedValues = new Float64Array(n);
            if (programmedValues.length < n) programmedValues = new Float64Array(n);
            executedRow.monthValues(kind, executedValues);
            programmedRow.monthValues(kind, programmedValues);
          }
          const programmed = programmedBlocks[measure];
          let months: { month: number; col: number }[] | null = null;
          const period = view.months;
          for (let i = 0; i < period.length; i++) {
            const month = period[i];
            const col = executed.months[month - 1];
            if (col < 0) continue;
            if (single) {
              if (!(executedValues[i] > 0) || programmedValues[i] > 0) continue;
            } else if (!positive(rows, col)) continue;
            let isProgrammed = false;
            for (const b of programmed) {
              const programmedCol = b.months[month - 1];
              if (programmedCol >= 0 && positive(rows, programmedCol)) {
                isProgrammed = true;
                break;
              }
            }
            if (!isProgrammed) (months ??= []).push({ month, col });
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
