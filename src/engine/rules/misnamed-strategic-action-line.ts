import type { StrategicActionLine } from '../model';
import { defineRule } from './define-rule';

export default defineRule({
  meta: {
    id: 'misnamed-strategic-action-line',
    severity: 'error',
    category: 'structure',
    spec: 'poi-rules.md §1 (AEI line), §2.6–2.7',
    description: 'Una línea EJECUCIÓN FÍSICA/FINANCIERA POR AEI nombra una AEI distinta de la que tiene encima, o no nombra ninguna.',
    rationale:
      'La cifra de la línea se calcula con las AO de la AEI que está encima; si el rótulo nombra otra AEI, quien lee el reporte atribuye la cifra a la AEI equivocada.',
    example: 'Debajo de las AO de AEI.01.02, la línea dice «EJECUCIÓN FÍSICA POR AEI.01.01:».',
    messages: {
      otherCode:
        'La línea nombra {named}, pero está debajo de las AO de {code} y se calcula con ellas: corrija el rótulo a «{expectedLabel}» o mueva la línea debajo de las AO de {named}.',
      noCode: 'La línea «{label}» no dice de qué AEI es; está debajo de las AO de {code}: escriba «{expectedLabel}».',
    },
  },
  create: (context) => {
    const check = (line: StrategicActionLine | null, code: string, kind: 'FÍSICA' | 'FINANCIERA'): void => {
      if (!line || line.namesCode === code) return;
      const expectedLabel = `EJECUCIÓN ${kind} POR ${code}:`;
      if (line.namesCode === null) {
        context.flag(line.label.at, 'noCode', { label: line.label.value.trim(), code, expectedLabel }, { expected: code, found: line.label.value });
      } else {
        context.flag(line.label.at, 'otherCode', { named: line.namesCode, code, expectedLabel }, { expected: code, found: line.namesCode });
      }
    };
    return {
      strategicAction(f) {
        const { physicalLine, financialLine, code } = f.strategicAction;
        check(physicalLine, code, 'FÍSICA');
        check(financialLine, code, 'FINANCIERA');
      },
    };
  },
});
