import { monthFlags, PROGRAMMED_BLANK, rowBlockCells } from './cells';
import { defineRule } from './define-rule';
import { spanishList } from './format';

export default defineRule({
  meta: {
    id: 'blank-programmed-month',
    severity: 'warning',
    category: 'values',
    spec: 'poi-rules.md §2 (blank vs 0), §2.1–2.3',
    description: 'Un mes de la fila PROGRAMADO (FISICO o FINANCIERO) está vacío en lugar de tener una cifra o 0.',
    rationale:
      'La herramienta cuenta el vacío como 0, pero no sabe si la meta falta o es cero: un mes sin programar puede volver la AO S.P. o inflar su AVANCE %.',
    example: 'PROGRAMADO físico: 1, 1, (vacío), 5, 5, 5.',
    messages: {
      blank: 'PROGRAMADO {block} sin valor en {months}: escriba la meta de cada mes (0 si no la hay). Se calculó como 0.',
    },
  },
  create: (context) => ({
    // Called only for the AO whose month cells show the bit (the walk reads monthFlags once).
    activityFlags: PROGRAMMED_BLANK,
    activity(f) {
      const row = f.activity.programmed;
      if (!row || (monthFlags(f.activity) & PROGRAMMED_BLANK) === 0) return;
      for (const block of ['físico', 'financiero'] as const) {
        // One observation per row and block, on its first blank month: a blank row is one problem.
        const blanks = rowBlockCells(row, block, context.model.layout, (c) => c.value === null && c.problem === undefined, PROGRAMMED_BLANK);
        if (blanks.length === 0) continue;
        context.flag(blanks[0].cell.at, 'blank', () => ({ block, months: spanishList(blanks.map((m) => m.monthLabel)) }), { found: null });
      }
    },
  }),
});
