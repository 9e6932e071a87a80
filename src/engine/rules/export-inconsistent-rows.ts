import { exportView } from '../flat/cells';
import { cellText, normalizeLabel } from '../grid/text';
import { defineRule } from './define-rule';

const CHECKED = [
  ['oei', 'OEI'],
  ['aei', 'AEI'],
  ['unit', 'Unidad de Medida'],
  ['accumulated', 'Acumulado'],
  ['type', 'Tipo'],
] as const;

export default defineRule({
  meta: {
    id: 'export-inconsistent-rows',
    severity: 'warning',
    category: 'structure',
    spec: 'flat-export.md §2.1',
    description: 'Las filas de una misma AO (mismo «Actividad Operativa ID» en una UE) no dicen lo mismo en OEI, AEI, unidad de medida, Acumulado o Tipo.',
    rationale:
      'Las filas de una AO (una por UBIGEO o centro de costo) se suman como una sola AO, que se ubica y se calcula con los datos de su primera fila: si otra fila dice otra AEI o unidad, las cifras se están sumando con algo distinto.',
    example: 'La AO AOI30126400197 tiene la unidad «INFORME» en la fila 12 y «PERSONA» en la fila 13.',
    messages: {
      differs:
        'La AO {code} dice {column} «{found}» en la fila {row}, pero «{expected}» en su primera fila ({first}): se calculó con lo de la primera fila. Corrija la AO en el Aplicativo para que sus filas coincidan.',
    },
  },
  create: (context) => {
    const view = exportView(context.model, context.grid);
    if (!view) return {};
    return {
      activity(f) {
        const { rows } = view.source(f.activity.index);
        if (rows.length < 2) return;
        for (const [key, column] of CHECKED) {
          const col = view.flat.columns[key];
          if (col < 0) continue;
          const expected = cellText(view.value(rows[0], col));
          for (const row of rows.slice(1)) {
            const found = cellText(view.value(row, col));
            if (normalizeLabel(found) === normalizeLabel(expected)) continue;
            context.flag({ row, col }, 'differs', { code: f.activity.code, column, found, expected, row: row + 1, first: rows[0] + 1 }, { expected, found });
          }
        }
      },
    };
  },
});
