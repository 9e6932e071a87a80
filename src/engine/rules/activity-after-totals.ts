import { defineRule } from './define-rule';

export default defineRule({
  meta: {
    id: 'activity-after-totals',
    severity: 'error',
    category: 'structure',
    spec: 'poi-rules.md §1 (the parts of the sheet: totals close the report); issue 18 (row 14)',
    description: 'Hay AO debajo de los totales del reporte (por ejemplo, tras un segundo encabezado pegado al final).',
    rationale:
      'Los totales cierran el reporte: las AO de debajo se cuentan en las cifras calculadas (promedio, mediana, semáforo), pero los totales escritos encima no las incluyen, y suele ser otro reporte pegado en la misma hoja.',
    example: 'Después de «AO CON INFORMACIÓN INCOMPLETA» y la tabla del semáforo, otro encabezado con OEI.01 y sus AO.',
    messages: {
      one: 'La AO {code} está debajo de los totales del reporte (fila {totalsRow}): se contó en las cifras calculadas, pero los totales escritos encima no la incluyen. Si es parte del reporte, muévala encima de los totales, debajo de su AEI; si es de otro reporte, pásela a otra hoja.',
      many: 'La AO {code} y {others} AO más están debajo de los totales del reporte (fila {totalsRow}): se contaron en las cifras calculadas, pero los totales escritos encima no las incluyen. Si son parte del reporte, muévalas encima de los totales, debajo de sus AEI; si son de otro reporte, páselas a otra hoja.',
    },
  },
  create: (context) => {
    const { totals, trafficLight, activities } = context.model;
    // Where the report closes: its first total line (or the traffic light table) after the
    // first AO; a block misplaced above every AO closes nothing.
    const start = activities.length > 0 ? activities[0].label.at.row : Infinity;
    let closes = Infinity;
    for (const t of totals) if (t.label.at.row > start) closes = Math.min(closes, t.label.at.row);
    if (trafficLight && trafficLight.headerRow > start) closes = Math.min(closes, trafficLight.headerRow);
    return {
      // A printed report's AO come in sheet order: the ones below are the last few, counted
      // from the end without a visit (and a label) per AO.
      end() {
        let k = activities.length;
        while (k > 0 && activities[k - 1].label.at.row > closes) k--;
        const count = activities.length - k;
        if (count === 0) return;
        const first = activities[k];
        const totalsRow = closes + 1;
        if (count === 1) context.flag(first.label.at, 'one', { code: first.code, totalsRow }, { found: first.code });
        else context.flag(first.label.at, 'many', { code: first.code, others: count - 1, totalsRow }, { found: first.code });
      },
    };
  },
});
