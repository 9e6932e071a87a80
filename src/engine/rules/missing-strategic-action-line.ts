import { defineRule } from './define-rule';

export default defineRule({
  meta: {
    id: 'missing-strategic-action-line',
    severity: 'warning',
    category: 'structure',
    spec: 'poi-rules.md §1 (AEI line), §2.6–2.7',
    description: 'Una AEI no tiene su línea «EJECUCIÓN FÍSICA POR AEI…» o «EJECUCIÓN FINANCIERA POR AEI…» después de sus AO.',
    rationale:
      'Esas líneas son la cifra de la AEI que se informa a CEPLAN; sin ellas la herramienta calcula la cifra pero no tiene dónde escribirla en la hoja.',
    example: 'Después de la última AO de AEI.01.01 viene AEI.01.02, sin la fila «EJECUCIÓN FÍSICA POR AEI.01.01:».',
    messages: {
      physical: 'Falta la línea «EJECUCIÓN FÍSICA POR {code}:» después de sus AO: agréguela (su valor va en la columna AVANCE %).',
      financial:
        'Falta la línea «EJECUCIÓN FINANCIERA POR {code}:» después de sus AO: agréguela (su valor va en la columna AVANCE ACUMULADO de FINANCIERO).',
      both: 'Faltan las líneas «EJECUCIÓN FÍSICA POR {code}:» y «EJECUCIÓN FINANCIERA POR {code}:» después de sus AO: agréguelas.',
    },
  },
  create: (context) => ({
    strategicAction(f) {
      const { physicalLine, financialLine, code, label } = f.strategicAction;
      if (physicalLine && financialLine) return;
      const messageId = !physicalLine && !financialLine ? 'both' : !physicalLine ? 'physical' : 'financial';
      context.flag(label.at, messageId, { code });
    },
  }),
});
