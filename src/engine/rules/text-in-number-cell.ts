import { dateInCell, monthCells, monthFlags, NOT_A_NUMBER } from './cells';
import { defineRule } from './define-rule';
import { showValue } from './format';

export default defineRule({
  meta: {
    id: 'text-in-number-cell',
    severity: 'error',
    category: 'values',
    spec: 'poi-rules.md §2.1–2.2',
    description: 'Un mes (FISICO o FINANCIERO) tiene un texto que no es un número (una fecha la señala date-in-month-cell).',
    rationale: 'Un texto no se puede sumar: la herramienta lo cuenta como 0 y el acumulado, el AVANCE % y los totales salen bajos.',
    example: 'EJECUTADO físico de Abr: «pendiente».',
    messages: {
      text: '{kind} {block} de {month} dice «{found}», que no es un número: escriba la cifra (0 si no hubo). Se calculó como 0.',
    },
  },
  create: (context) => ({
    // Called only for the AO whose month cells show the bit (the walk reads monthFlags once).
    activityFlags: NOT_A_NUMBER,
    activity(f) {
      if ((monthFlags(f.activity) & NOT_A_NUMBER) === 0) return;
      // A date has its own rule and message (date-in-month-cell).
      for (const m of monthCells(f.activity, context.model.layout, (c) => c.problem === 'not-a-number' && dateInCell(c.raw) === null, NOT_A_NUMBER)) {
        context.flag(m.cell.at, 'text', () => ({ kind: m.kind, block: m.block, month: m.monthLabel, found: showValue(m.cell.raw) }), { found: m.cell.raw });
      }
    },
  }),
});
