import { defineRule } from './define-rule';
import { showValue } from './format';
import { shortMonth } from './known-values';
import { wholePercent } from './planning';

/** Executed above twice the programmed: a goal to re-plan rather than a success (issue 4). */
const LIMIT = 2;

// The month values of the AO being checked, reused across AO.
let programmedScratch = new Float64Array(12);
let executedScratch = new Float64Array(12);

export default defineRule({
  meta: {
    id: 'physical-overexecution',
    severity: 'warning',
    category: 'planning',
    spec: 'poi-rules.md §2.5 (the cap at 100); issue 4 (planning sense)',
    description: 'El avance físico ejecutado pasa del 200 % de lo programado.',
    rationale:
      'El AVANCE % se limita a 100, así que una meta muy superada no se ve en el reporte: suele ser una meta mal programada (otra unidad, meta anual frente a semestral) que conviene reprogramar.',
    example: 'PROGRAMADO acumulado 4 y EJECUTADO 12 (300 %): el AVANCE % muestra 100.',
    messages: {
      over: 'Se ejecutó {found} de {expected} programado ({percent} %); el AVANCE % se limita a 100. ¿Reprogramar la meta? Revise también la unidad de medida.',
      overMonth:
        'En {month} se ejecutó {found} de {expected} programado ({percent} %); el AVANCE % se limita a 100. ¿Reprogramar la meta del mes? Revise también la unidad de medida.',
    },
  },
  create: (context) => ({
    activity(f) {
      const { executed, programmed } = f.activity;
      if (!executed || !programmed) return;
      const prog = f.physicalProgrammed;
      const exec = f.physicalExecuted;
      if (typeof prog === 'number' && typeof exec === 'number') {
        if (prog > 0 && exec > LIMIT * prog) {
          context.flag(executed.physicalAccumulated.at, 'over', () => ({
            found: showValue(exec),
            expected: showValue(prog),
            percent: wholePercent(exec / prog),
          }), { expected: prog, found: exec });
        }
        return;
      }
      // No Acumulado has no accumulated figure ('-'): its % is a mean of monthly ratios, so
      // the month that went far over is the one to look at.
      if (exec !== '-') return;
      // Read as numbers (blank as 0, which never goes over): cells are built only for the month flagged.
      if (programmedScratch.length < programmed.physicalCount) programmedScratch = new Float64Array(programmed.physicalCount);
      if (executedScratch.length < executed.physicalCount) executedScratch = new Float64Array(executed.physicalCount);
      const np = programmed.monthValues('physical', programmedScratch);
      const ne = executed.monthValues('physical', executedScratch);
      for (let i = 0; i < ne; i++) {
        const p = i < np ? programmedScratch[i] : 0;
        const e = executedScratch[i];
        if (p <= 0 || e <= LIMIT * p) continue;
        const month = context.model.layout.months[i];
        context.flag(executed.monthCell('physical', i).at, 'overMonth', () => ({
          month: shortMonth(month),
          found: showValue(e),
          expected: showValue(p),
          percent: wholePercent(e / p),
        }), { expected: p, found: e });
        return;
      }
    },
  }),
});
