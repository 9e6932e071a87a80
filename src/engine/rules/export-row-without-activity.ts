import { exportView } from '../flat/cells';
import { rowsWithoutActivity } from '../flat/parse-flat';
import { defineRule } from './define-rule';

export default defineRule({
  meta: {
    id: 'export-row-without-activity',
    severity: 'warning',
    category: 'structure',
    spec: 'flat-export.md §2.1',
    description: 'Una fila de la exportación tiene cifras en sus meses pero no tiene «Actividad Operativa ID».',
    rationale: 'Sin código no se sabe a qué AO pertenece la fila: sus cifras no se cuentan en ninguna AO ni en los totales.',
    example: 'La fila 120 tiene F(SE) 03 = 5 y «Actividad Operativa ID» vacío.',
    messages: {
      missing: 'La fila {row} tiene cifras en sus meses pero no tiene «Actividad Operativa ID»: no se contó. Complete el código o borre la fila.',
    },
  },
  create: (context) => {
    const view = exportView(context.model, context.grid);
    if (!view) return {};
    return {
      end() {
        for (const row of rowsWithoutActivity(view.grid, view.flat)) {
          context.flag({ row, col: view.flat.columns.activityId }, 'missing', { row: row + 1 });
        }
      },
    };
  },
});
