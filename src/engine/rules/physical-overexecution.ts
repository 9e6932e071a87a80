import { rowBlockCells } from './cells';
import { defineRule } from './define-rule';
import { showValue } from './format';
import { wholePercent } from './planning';

/** Executed above twice the programmed: a goal to re-plan rather than a success (issue 4). */
const LIMIT = 2;

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
          context.flag(executed.physicalAccumulated.at, 'over', {
            found: showValue(exec),
            expected: showValue(prog),
            percent: wholePercent(exec / prog),
          }, { expected: prog, found: exec });
        }
        return;
      }
      // No Acumulado has no accumulated figure ('-'): its % is a mean of monthly ratios, so
      // the month that went far over is the one to look at.
      if (exec !== '-') return;
      const layout = context.model.layout;
      const progMonths = rowBlockCells(programmed, 'físico', layout);
      const execMonths = rowBlockCells(executed, 'físico', layout);
      for (let i = 0; i < execMonths.length; i++) {
        const p = progMonths[i]?.cell.value ?? null;
        const e = execMonths[i].cell.value;
        if (p === null || p <= 0 || e === null || e <= LIMIT * p) continue;
        context.flag(execMonths[i].cell.at, 'overMonth', {
          month: execMonths[i].monthLabel,
          found: showValue(e),
          expected: showValue(p),
          percent: wholePercent(e / p),
        }, { expected: p, found: e });
        return;
      }
    },
  }),
});
