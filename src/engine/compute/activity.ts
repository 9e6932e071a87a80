import type { ActivityFigures } from '../figures';
import type { Activity, ActivityRow, AggregationType, Layout } from '../model';
import { deadlinePassed } from './deadlines';
import { round2, sumMoney } from './round';
import { trafficColor } from './traffic-light';

// An unknown TIPO DE AGREGACIÓN is flagged by a rule; the figures then use the common case.
const FALLBACK_AGGREGATION: AggregationType = 'Acumulado Anual';

const monthValues = (row: ActivityRow | null, n: number): number[] =>
  row ? row.physical.map((m) => m.value ?? 0) : new Array<number>(n).fill(0);

/** Rule 1: AVANCE ACUMULADO físico by TIPO DE AGREGACIÓN (blanks count as 0). */
export function accumulate(values: readonly number[], type: AggregationType): number | '-' {
  if (type === 'No Acumulado') return '-';
  if (type === 'Acumulado Mensual') {
    for (let i = values.length - 1; i >= 0; i--) if (values[i] > 0) return values[i];
    return 0;
  }
  return round2(values.reduce((a, b) => a + b, 0));
}

/** Rule 5 for `No Acumulado`: mean of executed/programmed over months programmed > 0. */
function monthlyMeanPercent(programmed: readonly number[], executed: readonly number[]): number | null {
  let sum = 0;
  let n = 0;
  programmed.forEach((p, i) => {
    if (p > 0) {
      sum += (executed[i] / p) * 100;
      n++;
    }
  });
  return n === 0 ? null : sum / n;
}

/** For each month of the period (column order), whether its tracking deadline has passed (rule 4). */
export function deadlinesPassed(layout: Layout, year: number, fechaCorte: string): boolean[] {
  return layout.months.map((month) => deadlinePassed(year, month, fechaCorte));
}

/** Months whose EJECUTADO physical value is blank with the deadline passed (rule 4). */
export function missingMonths(activity: Activity, layout: Layout, passed: readonly boolean[]): number[] {
  return layout.months.filter((_, i) => {
    if (!passed[i]) return false;
    const cell = activity.executed?.physical[i];
    return !cell || (cell.value === null && cell.problem === undefined);
  });
}

/** `passed`: from deadlinesPassed(), computed once for the whole sheet. */
export function computeActivity(activity: Activity, layout: Layout, passed: readonly boolean[]): ActivityFigures {
  const n = layout.months.length;
  const type = activity.aggregationType ?? FALLBACK_AGGREGATION;
  const programmed = monthValues(activity.programmed, n);
  const executed = monthValues(activity.executed, n);
  const missing = missingMonths(activity, layout, passed);
  const withoutProgramming = programmed.every((v) => v === 0); // rule 3
  const programmedAcc = accumulate(programmed, type);
  const executedAcc = accumulate(executed, type);

  let percent: number | 'S.P.' | 'S.I.';
  if (missing.length > 0) percent = 'S.I.';
  else if (withoutProgramming) percent = 'S.P.';
  else {
    const raw =
      type === 'No Acumulado'
        ? monthlyMeanPercent(programmed, executed)
        : typeof programmedAcc === 'number' && programmedAcc > 0 && typeof executedAcc === 'number'
          ? (executedAcc / programmedAcc) * 100
          : null;
    percent = raw === null ? 'S.P.' : round2(Math.min(100, raw));
  }
  const sumFinancial = (row: ActivityRow | null): number => sumMoney(row ? row.financial.map((m) => m.value ?? 0) : []);
  return {
    activity,
    physicalProgrammed: withoutProgramming ? 'S.P.' : programmedAcc,
    physicalExecuted: executedAcc,
    percent,
    status: missing.length > 0 ? 'S.I.' : withoutProgramming ? 'S.P.' : 'ok',
    financialProgrammed: sumFinancial(activity.programmed),
    financialExecuted: sumFinancial(activity.executed),
    missingMonths: missing,
    color: typeof percent === 'number' ? trafficColor(percent) : null,
  };
}
