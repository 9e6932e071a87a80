import { round2 } from '../compute/round';
import { exportView, numberIn } from '../flat/cells';
import { isBlank } from '../grid/text';
import { defineRule } from './define-rule';
import { showAmount, showValue } from './format';

export default defineRule({
  meta: {
    id: 'export-stated-total',
    severity: 'error',
    category: 'stated',
    spec: 'flat-export.md §2.7',
    description:
      'En la exportación, un «Fn(<fase>) Total» no es la suma de sus 12 meses (ni un «F(<fase>) Total» de una AO Acumulado Anual). El total físico de los otros tipos no se juzga.',
    rationale: 'El total escrito es lo que otras herramientas y la alta dirección leen primero: si no cuadra con los meses, alguno de los dos está mal.',
    example: 'Fn(SE) Total de la fila 38 dice 12,000.00; sus meses suman 11,500.00.',
    messages: {
      mismatch: '{where} dice {found}; sus 12 meses suman {expected}. Revise los meses o el total en el Aplicativo.',
    },
  },
  create: (context) => {
    const view = exportView(context.model, context.grid);
    if (!view) return {};
    return {
      activity(f) {
        const source = view.source(f.activity.index);
        const annual = (f.activity.aggregationType ?? 'Acumulado Anual') === 'Acumulado Anual';
        for (const block of view.flat.blocks) {
          if (block.total < 0 || (block.measure === 'F' && !annual)) continue;
          for (const row of source.rows) {
            // Every block of every row: read straight from the grid's row, nothing built per cell.
            const cells = view.grid.rows[row];
            const stated = cells?.[block.total] ?? null;
            if (isBlank(stated)) continue;
            const statedNumber = numberIn(stated);
            let sum = 0;
            let readable = true;
            for (const col of block.months) {
              if (col < 0) continue;
              const raw = cells?.[col] ?? null;
              const v = numberIn(raw);
              if (v === null && !isBlank(raw)) readable = false;
              sum += v ?? 0;
            }
            // A month that is not a number is export-month-value's; the sum would be a guess.
            if (!readable || (statedNumber !== null && Math.abs(statedNumber - sum) < 0.005)) continue;
            const expected = round2(sum);
            const show = block.measure === 'Fn' ? showAmount : showValue;
            context.flag({ row, col: block.total }, 'mismatch', () => ({ where: view.where(row, block.total), found: show(stated), expected: show(expected) }), { expected, found: stated });
          }
        }
      },
    };
  },
});
