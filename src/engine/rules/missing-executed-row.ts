import { defineRule } from './define-rule';

export default defineRule({
  meta: {
    id: 'missing-executed-row',
    severity: 'error',
    category: 'structure',
    spec: 'poi-rules.md §1 (AO, 2 rows), §2.4',
    description: 'Una AO tiene su fila PROGRAMADO pero no la fila EJECUTADO debajo.',
    rationale:
      'Sin EJECUTADO la AO no tiene avance: queda con seguimiento incompleto (S.I.) en cuanto vence el plazo de sus meses, y arrastra a su AEI.',
    example: 'AOI30126400197 PROGRAMADO en la fila 20 y, en la fila 21, la AO siguiente.',
    messages: {
      missing: 'La AO {code} no tiene fila EJECUTADO debajo de su PROGRAMADO: agréguela con lo ejecutado en cada mes (0 si no hubo avance).',
    },
  },
  create: (context) => ({
    stray(stray) {
      if (stray.reason !== 'programmed-without-executed') return;
      context.flag({ row: stray.row, col: context.model.layout.columns.progEje }, 'missing', { code: stray.text });
    },
  }),
});
