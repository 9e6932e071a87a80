import { dateInCell, monthCells, monthFlags, NOT_A_NUMBER } from './cells';
import { defineRule } from './define-rule';

export default defineRule({
  meta: {
    id: 'date-in-month-cell',
    severity: 'error',
    category: 'values',
    spec: 'issue 18 (row 14); poi-rules.md §2.1–2.2',
    description: 'Un mes (FISICO o FINANCIERO) tiene una fecha: la celda tiene formato de fecha.',
    rationale:
      'Una cifra escrita en una celda con formato de fecha se ve como fecha (5 se ve 05/01/1900) y no se puede leer como cantidad: la herramienta la cuenta como 0, y el acumulado y el AVANCE % salen bajos.',
    example: 'EJECUTADO físico de Mar muestra 05/01/1900.',
    messages: {
      date: '{kind} {block} de {month} muestra la fecha {date}, no una cifra: la celda tiene formato de fecha. Cambie su formato a Número (Inicio › Número › General) y escriba la cifra del mes (0 si no hubo). Se calculó como 0.',
    },
  },
  create: (context) => ({
    // Called only for the AO whose month cells show the bit (the walk reads monthFlags once).
    activityFlags: NOT_A_NUMBER,
    activity(f) {
      if ((monthFlags(f.activity) & NOT_A_NUMBER) === 0) return;
      for (const m of monthCells(f.activity, context.model.layout, (c) => c.problem === 'not-a-number' && dateInCell(c.raw) !== null, NOT_A_NUMBER)) {
        context.flag(m.cell.at, 'date', () => ({ kind: m.kind, block: m.block, month: m.monthLabel, date: dateInCell(m.cell.raw) ?? '' }), { found: m.cell.raw });
      }
    },
  }),
});
