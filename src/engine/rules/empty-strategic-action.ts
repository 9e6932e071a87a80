import { defineRule } from './define-rule';

export default defineRule({
  meta: {
    id: 'empty-strategic-action',
    severity: 'warning',
    category: 'structure',
    spec: 'poi-rules.md §1 (AEI row, AO rows), §2.6',
    description: 'Una AEI no tiene ninguna AO debajo.',
    rationale:
      'Una AEI sin AO queda S.P. y no entra en el semáforo: suele ser una AEI cuyas AO se borraron o quedaron debajo de otra AEI.',
    example: 'AEI.01.03 seguida directamente por AEI.01.04, sin filas PROGRAMADO/EJECUTADO entre ambas.',
    messages: {
      empty: '{code} no tiene AO debajo, así que su EJECUCIÓN FÍSICA queda S.P.: revise si sus AO quedaron bajo otra AEI o si esta AEI sobra.',
    },
  },
  create: (context) => ({
    strategicAction(f) {
      const { activities, code, label } = f.strategicAction;
      if (activities.length === 0) context.flag(label.at, 'empty', { code });
    },
  }),
});
