import { monthFlags, PHYSICAL_PROGRESS, rowBlockCells } from './cells';
import { defineRule } from './define-rule';
import { spanishList } from './format';

export default defineRule({
  meta: {
    id: 'unprogrammed-physical-progress',
    severity: 'warning',
    category: 'planning',
    spec: 'poi-rules.md §2.3 (S.P.); issue 18 (row 14)',
    description: 'Una AO tiene EJECUTADO físico mayor que 0 pero nada programado en el periodo (PROGRAMADO físico 0 o vacío en todos los meses).',
    rationale:
      'Sin meta programada la AO queda S.P. y su avance no entra en el AVANCE %, el promedio, la mediana ni el semáforo, aunque las cifras escritas coincidan con las calculadas: o falta la programación, o lo ejecutado es de otra AO u otro periodo.',
    example: 'PROGRAMADO físico 0, 0, 0, 0, 0, 0 y EJECUTADO 0, 0, 2, 1, 0, 0: AVANCE % S.P.',
    messages: {
      unprogrammed:
        'Hay avance físico ejecutado en {months}, pero nada programado en el periodo: la AO queda S.P. y ese avance no cuenta en el AVANCE %, el promedio ni el semáforo. Programe la meta de esos meses, o corrija lo ejecutado si es de otra AO u otro periodo.',
    },
  },
  create: (context) => ({
    // Called only for the AO whose month cells show the bit (the walk reads monthFlags once).
    activityFlags: PHYSICAL_PROGRESS,
    activity(f) {
      const row = f.activity.executed;
      // S.P. for the physical figures means every programmed month is 0 or blank.
      if (!row || f.physicalProgrammed !== 'S.P.' || (monthFlags(f.activity) & PHYSICAL_PROGRESS) === 0) return;
      const moved = rowBlockCells(row, 'físico', context.model.layout, (c) => c.value !== null && c.value > 0, PHYSICAL_PROGRESS);
      if (moved.length === 0) return;
      context.flag(moved[0].cell.at, 'unprogrammed', () => ({ months: spanishList(moved.map((m) => m.monthLabel)) }), { expected: 0, found: moved[0].cell.value });
    },
  }),
});
