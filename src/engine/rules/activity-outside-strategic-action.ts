import { defineRule } from './define-rule';

export default defineRule({
  meta: {
    id: 'activity-outside-strategic-action',
    severity: 'error',
    category: 'structure',
    spec: 'poi-rules.md §1 (OEI → AEI → AO), §2.6–2.7',
    description: 'Una AO aparece antes de cualquier AEI (al inicio del reporte o entre una OEI y su primera AEI).',
    rationale:
      'Las cifras POR AEI solo reúnen las AO que están debajo de su AEI: una AO suelta no entra en ninguna EJECUCIÓN FÍSICA ni FINANCIERA POR AEI.',
    example: 'OEI.01 en la fila 6 y la AO AOI30126400197 en la fila 7, sin una fila AEI.01.xx entre ambas.',
    messages: {
      outside:
        'La AO {code} no está bajo ninguna AEI, así que no entra en ninguna línea POR AEI: agregue encima la fila de su AEI (AEI.xx.yy …) o mueva la AO debajo de su AEI.',
    },
  },
  create: (context) => ({
    stray(stray) {
      if (stray.reason !== 'activity-before-strategic-action') return;
      const at = { row: stray.row, col: context.model.layout.columns.label };
      context.flag(at, 'outside', { code: stray.text }, { found: stray.text });
    },
  }),
});
