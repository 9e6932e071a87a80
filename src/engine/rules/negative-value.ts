import { monthCells, monthFlags, NEGATIVE } from './cells';
import { defineRule } from './define-rule';
import { showValue } from './format';

export default defineRule({
  meta: {
    id: 'negative-value',
    severity: 'error',
    category: 'values',
    spec: 'poi-rules.md §2.1–2.2 (months add up)',
    description: 'Un mes (FISICO o FINANCIERO, PROGRAMADO o EJECUTADO) tiene una cifra negativa.',
    rationale: 'Metas, avances y montos no son negativos: un signo menos resta del acumulado, del AVANCE % y de los totales.',
    example: 'EJECUTADO financiero de Mar: -1,200.00.',
    messages: {
      negative: '{kind} {block} de {month} es {found}, una cifra negativa que resta del acumulado: corrija la cifra.',
    },
  },
  create: (context) => ({
    // Called only for the AO whose month cells show the bit (the walk reads monthFlags once).
    activityFlags: NEGATIVE,
    activity(f) {
      if ((monthFlags(f.activity) & NEGATIVE) === 0) return;
      for (const m of monthCells(f.activity, context.model.layout, (c) => c.value !== null && c.value < 0, NEGATIVE)) {
        const value = m.cell.value;
        if (value === null || value >= 0) continue;
        context.flag(m.cell.at, 'negative', () => ({ kind: m.kind, block: m.block, month: m.monthLabel, found: showValue(value) }), { found: m.cell.raw });
      }
    },
  }),
});
