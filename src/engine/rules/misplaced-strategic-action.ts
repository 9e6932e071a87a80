import { defineRule } from './define-rule';

const AEI_OBJECTIVE = /^AEI\.(\d+)\.\d+$/;
const OEI_NUMBER = /^OEI\.(\d+)$/;

export default defineRule({
  meta: {
    id: 'misplaced-strategic-action',
    severity: 'error',
    category: 'structure',
    spec: 'poi-rules.md §1 (OEI row, AEI row: AEI.oo.aa belongs to OEI.oo)',
    description: 'El código de una AEI no corresponde a la OEI bajo la que está (AEI.02.xx bajo OEI.03).',
    rationale:
      'El código AEI.oo.aa lleva el número de su OEI: si no coincide, falta la fila de una OEI o el código está mal copiado, y la AEI se agrupa bajo un objetivo que no es el suyo.',
    example: 'AEI.02.01 en la fila 40, debajo de OEI.03.',
    messages: {
      mismatch: '{code} está bajo {objective}, pero su código indica {expected}: corrija el código de la AEI o agregue encima la fila de {expected}.',
    },
  },
  create: (context) => ({
    strategicAction(f) {
      const { code, objectiveCode, label } = f.strategicAction;
      if (objectiveCode === null) return; // strategic-action-outside-objective reports it
      const own = AEI_OBJECTIVE.exec(code);
      const under = OEI_NUMBER.exec(objectiveCode);
      if (!own || !under || Number(own[1]) === Number(under[1])) return;
      const expected = `OEI.${own[1]}`;
      context.flag(label.at, 'mismatch', { code, objective: objectiveCode, expected }, { expected, found: objectiveCode });
    },
  }),
});
