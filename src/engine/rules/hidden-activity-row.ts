import type { Activity } from '../model';
import { defineRule } from './define-rule';
import { spanishList } from './format';

/** Codes named in the message; the rest are counted. */
const NAMED = 5;

/** [3, 4, 5, 9] (1-based rows) → "3–5 y 9". */
function rowRanges(rows: readonly number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < rows.length; ) {
    let j = i;
    while (j + 1 < rows.length && rows[j + 1] === rows[j] + 1) j++;
    parts.push(i === j ? String(rows[i]) : `${rows[i]}–${rows[j]}`);
    i = j + 1;
  }
  return spanishList(parts);
}

export default defineRule({
  meta: {
    id: 'hidden-activity-row',
    severity: 'warning',
    category: 'structure',
    spec: 'issue 18 (row 14)',
    description: 'Filas ocultas de la hoja tienen datos de AO (PROGRAMADO o EJECUTADO) que se contaron en las cifras.',
    rationale:
      'Quien revisa el reporte no ve las filas ocultas, pero sus AO entran en el promedio, la mediana, los totales y el semáforo: suelen ser AO dadas de baja que se ocultaron en vez de borrarse.',
    example: 'Filas 20–21 ocultas con la AO AOI30126400197: su AVANCE % entra en el promedio.',
    messages: {
      hidden:
        'Las filas {rows} están ocultas y tienen datos de {count} AO ({codes}) que se contaron en las cifras: muéstrelas (seleccione las filas de alrededor › clic derecho › Mostrar) y revíselas; si no son parte del reporte, bórrelas.',
    },
  },
  create: (context) => {
    const hiddenRows = context.grid.hiddenRows;
    if (!hiddenRows || hiddenRows.length === 0) return {};
    const hidden = new Set(hiddenRows);
    const found: { activity: Activity; rows: number[] }[] = [];
    return {
      activity(f) {
        const { programmed, executed } = f.activity;
        const rows = [programmed, executed].flatMap((r) => (r && hidden.has(r.row) ? [r.row] : []));
        if (rows.length > 0) found.push({ activity: f.activity, rows });
      },
      end() {
        if (found.length === 0) return;
        const rows = found.flatMap((h) => h.rows).map((r) => r + 1);
        const named = found.slice(0, NAMED).map((h) => h.activity.code);
        const codes = found.length > NAMED ? `${named.join(', ')} y ${found.length - NAMED} más` : spanishList(named);
        const first = found[0];
        context.flag({ row: first.rows[0], col: first.activity.label.at.col }, 'hidden', { rows: rowRanges(rows), count: found.length, codes });
      },
    };
  },
});
