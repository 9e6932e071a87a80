import { flatAggregation } from '../flat/aggregation';
import { exportView } from '../flat/cells';
import { cellText, isBlank } from '../grid/text';
import { defineRule } from './define-rule';

export default defineRule({
  meta: {
    id: 'export-unknown-aggregation',
    severity: 'error',
    category: 'values',
    spec: 'flat-export.md §2.4',
    description: 'En la exportación, «Acumulado» no es SI ni NO (y ningún «Tipo» nombra un tipo de agregación), o «Tipo» es un valor desconocido.',
    rationale:
      'Acumulado y Tipo deciden el TIPO DE AGREGACIÓN, que decide cómo se acumula el avance y se calcula el AVANCE %: con un valor desconocido la AO se calcula como Acumulado Anual, que puede no ser lo que mide.',
    example: 'Acumulado «S» en la fila 20; Tipo «TRIMESTRAL» en la fila 21.',
    messages: {
      accumulated:
        '{where} dice «{found}»: escriba SI o NO (o un Tipo Acumulado Anual, Acumulado Mensual o No Acumulado). Mientras tanto la AO {code} se calculó como Acumulado Anual.',
      missing:
        'La exportación no tiene la columna «Acumulado» ni un «Tipo» con el tipo de agregación: todas las AO se calcularon como Acumulado Anual. Exporte de nuevo con todas las columnas.',
      type: '{where} dice «{found}», que no es ANUAL, MENSUAL ni un tipo de agregación conocido: revise el Tipo de la AO {code} en el Aplicativo.',
    },
  },
  create: (context) => {
    const view = exportView(context.model, context.grid);
    if (!view) return {};
    const c = view.flat.columns;
    let missingReported = false;
    return {
      activity(f) {
        const row = view.source(f.activity.index).rows[0];
        const cell = (col: number) => (col >= 0 ? view.value(row, col) : null);
        const agg = flatAggregation(cell(c.type), cell(c.aggregationType), cell(c.accumulated));
        if (agg.unknownType) {
          context.flag({ row, col: c.type }, 'type', { where: view.where(row, c.type), found: cellText(cell(c.type)), code: f.activity.code }, { found: cell(c.type) });
        }
        if (!agg.unknownAccumulated) return;
        if (c.accumulated < 0) {
          if (!missingReported) context.flag({ row: view.flat.headerRow, col: 0 }, 'missing');
          missingReported = true;
          return;
        }
        const found = cell(c.accumulated);
        context.flag({ row, col: c.accumulated }, 'accumulated', { where: view.where(row, c.accumulated), found: isBlank(found) ? '' : cellText(found), code: f.activity.code }, { found });
      },
    };
  },
});
