import { rangeToA1 } from '../grid/a1';
import type { Address } from '../grid/cell';
import { monthCells, monthFlags, UNDER_MERGE } from './cells';
import { defineRule } from './define-rule';
import { showValue } from './format';

export default defineRule({
  meta: {
    id: 'value-under-merge',
    severity: 'error',
    category: 'values',
    spec: 'issue 18 (row 14); poi-rules.md §2.1–2.2',
    description: 'Un mes tiene un valor escondido bajo una celda combinada: no es la celda de arriba a la izquierda de la combinación.',
    rationale:
      'Excel muestra solo el valor de la primera celda de una combinación, así que el planificador no ve ese valor: la herramienta no lo cuenta (lo trata como vacío), y la cifra que se quiso escribir puede faltar.',
    example: 'EJECUTADO físico con G9:L9 combinadas: se ve 5 en todo el bloque, pero H9 guarda un 3 escondido.',
    messages: {
      hidden:
        '{kind} {block} de {month} guarda «{found}» escondido bajo la celda combinada {range}: Excel no lo muestra y no se contó. Separe las celdas (Inicio › Combinar y centrar) y escriba la cifra de cada mes en su celda.',
    },
  },
  create: (context) => {
    // The merge is looked up only for a message shown (at most the cap's): a plain scan is enough.
    const rangeOf = (at: Address): string => {
      const m = context.grid.merges.find((r) => at.row >= r.top && at.row <= r.bottom && at.col >= r.left && at.col <= r.right);
      return m ? rangeToA1(m) : '?';
    };
    return {
      // Called only for the AO whose month cells show the bit (the walk reads monthFlags once).
      activityFlags: UNDER_MERGE,
      activity(f) {
        if ((monthFlags(f.activity) & UNDER_MERGE) === 0) return;
        for (const m of monthCells(f.activity, context.model.layout, (c) => c.problem === 'under-merge', UNDER_MERGE)) {
          context.flag(
            m.cell.at,
            'hidden',
            () => ({ kind: m.kind, block: m.block, month: m.monthLabel, found: showValue(m.cell.raw), range: rangeOf(m.cell.at) }),
            { found: m.cell.raw },
          );
        }
      },
    };
  },
});
