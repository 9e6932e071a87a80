import type { Address } from '../grid/cell';
import { countMonthCells, monthCells, monthFlags, TEXT_NUMBER } from './cells';
import { defineRule } from './define-rule';
import { showValue } from './format';

export default defineRule({
  meta: {
    id: 'number-stored-as-text',
    severity: 'warning',
    category: 'values',
    spec: 'poi-rules.md §1 (numbers stored as text, `1,900.00`)',
    description: 'Un mes tiene un número guardado como texto («1,900.00»).',
    rationale:
      'La herramienta lo lee como número, pero Excel no lo suma: las fórmulas y tablas propias de la entidad darán otro total que el reporte.',
    example: 'EJECUTADO financiero de Feb: el texto «1,900.00» en vez del número 1900.',
    messages: {
      text: '{kind} {block} de {month} tiene «{found}» guardado como texto: se leyó {value}, pero Excel no lo suma. Conviértalo a número (Datos › Texto en columnas, o vuelva a escribirlo).',
    },
  },
  create: (context) => ({
    // Called only for the AO whose month cells show the bit (the walk reads monthFlags once).
    activityFlags: TEXT_NUMBER,
    activity(f) {
      if ((monthFlags(f.activity) & TEXT_NUMBER) === 0) return;
      if (context.capped()) {
        // Past the cap only the count matters (a sheet may hold thousands): counted from the
        // cells' bits (a text number always has its value), no cell built. The first one's
        // cell is looked up only if it opens the omitted ones.
        const first = (): Address => monthCells(f.activity, context.model.layout, undefined, TEXT_NUMBER)[0].cell.at;
        context.skip(countMonthCells(f.activity, TEXT_NUMBER), first);
        return;
      }
      for (const m of monthCells(f.activity, context.model.layout, (c) => c.problem === 'text-number', TEXT_NUMBER)) {
        const value = m.cell.value;
        if (m.cell.problem !== 'text-number' || value === null) continue;
        // The message is formatted only if shown: a sheet may hold thousands of these.
        context.flag(
          m.cell.at,
          'text',
          () => ({ kind: m.kind, block: m.block, month: m.monthLabel, found: showValue(m.cell.raw), value: showValue(value) }),
          { expected: value, found: m.cell.raw },
        );
      }
    },
  }),
});
