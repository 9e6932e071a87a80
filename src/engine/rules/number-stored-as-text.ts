import type { Activity } from '../model';
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
  create: (context) => {
    const { layout, activities } = context.model;
    // Past the cap only the count matters (a sheet may hold thousands): the AO from the first
    // one met then (its index) are counted at the end in one loop, from the cells' bits (a
    // text number always has its value), no cell built.
    let countFrom = -1;
    return {
      // Called only for the AO whose month cells show the bit (the walk reads monthFlags once).
      activityFlags: TEXT_NUMBER,
      activity(f) {
        if (countFrom >= 0 || (monthFlags(f.activity) & TEXT_NUMBER) === 0) return;
        if (context.capped()) {
          countFrom = f.activity.index;
          return;
        }
        for (const m of monthCells(f.activity, layout, (c) => c.problem === 'text-number', TEXT_NUMBER)) {
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
      end() {
        if (countFrom < 0) return;
        let count = 0;
        let first: Activity | null = null;
        for (let i = countFrom; i < activities.length; i++) {
          const a = activities[i];
          if ((monthFlags(a) & TEXT_NUMBER) === 0) continue;
          first ??= a;
          count += countMonthCells(a, TEXT_NUMBER);
        }
        // The first one's cell is looked up only if it opens the omitted ones.
        if (first !== null) context.skip(count, () => monthCells(first, layout, undefined, TEXT_NUMBER)[0].cell.at);
      },
    };
  },
});
