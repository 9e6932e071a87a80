import { defineRule } from './define-rule';

const SHOWN = 80;

export default defineRule({
  meta: {
    id: 'unrecognised-row',
    severity: 'warning',
    category: 'structure',
    spec: 'poi-rules.md §1 (the parts of the sheet)',
    description:
      'Una fila con datos que no es título, encabezado, OEI, AEI, AO, línea POR AEI, total, semáforo ni nota al pie.',
    rationale:
      'Suele ser una AO o una línea con el rótulo mal escrito («PROGRAMADA», «EJECUCION POR…»): lo que contenga no entra en ninguna cifra.',
    example: 'Fila 55: «AOI30126400197 - LIMPIEZA PÚBLICA» con sus meses, pero sin PROGRAMADO en PROG./ EJE.',
    messages: {
      unrecognised:
        'No se reconoce esta fila («{text}»), así que no entra en ninguna cifra: si es parte del reporte, corrija su rótulo (OEI.xx, AEI.xx.yy, PROGRAMADO/EJECUTADO, EJECUCIÓN … POR AEI); si es una nota, muévala debajo del reporte.',
    },
  },
  create: (context) => ({
    // The other stray reasons have their own rules (orphan-executed-row, missing-activity-label, …).
    stray(stray) {
      if (stray.reason !== 'unrecognised') return;
      const text = stray.text.length > SHOWN ? `${stray.text.slice(0, SHOWN - 1).trimEnd()}…` : stray.text;
      const at = stray.at ?? { row: stray.row, col: context.model.layout.columns.label };
      context.flag(at, 'unrecognised', { text }, { found: stray.text });
    },
  }),
});
