import { defineRule } from './define-rule';

export default defineRule({
  meta: {
    id: 'strategic-action-outside-objective',
    severity: 'warning',
    category: 'structure',
    spec: 'poi-rules.md §1 (OEI row, AEI row)',
    description: 'Una AEI aparece antes de cualquier OEI.',
    rationale: 'Cada AEI contribuye a un objetivo estratégico: sin la fila de su OEI el reporte no muestra a qué objetivo pertenece.',
    example: 'El reporte empieza con AEI.01.01 sin la fila OEI.01 encima.',
    messages: {
      outside: '{code} no está bajo ninguna OEI: agregue encima la fila de su objetivo ({objective} …).',
    },
  },
  create: (context) => ({
    strategicAction(f) {
      const { code, objectiveCode, label } = f.strategicAction;
      if (objectiveCode !== null) return;
      const objective = `OEI.${code.split('.')[1] ?? 'xx'}`;
      context.flag(label.at, 'outside', { code, objective });
    },
  }),
});
