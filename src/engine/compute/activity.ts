import type { ActivityFigures } from '../figures';
import { CELL_BLANK, type Activity, type ActivityRow, type AggregationType, type Layout } from '../model';
import { deadlinePassed } from './deadlines';
import { round2 } from './round';
import { trafficColor } from './traffic-light';

// An unknown TIPO DE AGREGACIÓN is flagged by a rule; the figures then use the common case.
const FALLBACK_AGGREGATION: AggregationType = 'Acumulado Anual';

// Scratch buffers for the month values of the AO being computed: reused across the AO, so a
// 50,000-AO sheet allocates no array per AO for them.
let programmedScratch = new Float64Array(12);
let executedScratch = new Float64Array(12);
let financialScratch = new Float64Array(12);

/** The physical month values of a row (blanks and unreadable cells as 0) into `into`; returns their count. */
function monthValues(row: ActivityRow | null, n: number, into: Float64Array): number {
  if (!row) {
    into.fill(0, 0, n);
    return n;
  }
  return row.monthValues('physical', into);
}

/** Rule 1: AVANCE ACUMULADO físico by TIPO DE AGREGACIÓN (blanks count as 0). */
export function accumulate(values: readonly number[], type: AggregationType): number | '-' {
  return accumulateFirst(values, values.length, type);
}

function accumulateFirst(values: ArrayLike<number>, n: number, type: AggregationType): number | '-' {
  if (type === 'No Acumulado') return '-';
  if (type === 'Acumulado Mensual') {
    for (let i = n - 1; i >= 0; i--) if (values[i] > 0) return values[i];
    return 0;
  }
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[i];
  return round2(sum);
}

/** Rule 5 for `No Acumulado`: mean of executed/programmed over months programmed > 0. */
function monthlyMeanPercent(programmed: ArrayLike<number>, executed: ArrayLike<number>, n: number): number | null {
  let sum = 0;
  let count = 0;
  for (let i = 0; i < n; i++) {
    const p = programmed[i];
    if (p > 0) {
      sum += (executed[i] / p) * 100;
      count++;
    }
  }
  return count === 0 ? null : sum / count;
}

/** For each month of the period (column order), whether its tracking deadline has passed (rule 4). */
export function deadlinesPassed(layout: Layout, year: number, fechaCorte: string): boolean[] {
  return layout.months.map((month) => deadlinePassed(year, month, fechaCorte));
}

const NONE: readonly number[] = Object.freeze([]);

/** Months whose EJECUTADO physical value is blank with the deadline passed (rule 4). */
export function missingMonths(activity: Activity, layout: Layout, passed: readonly boolean[]): readonly number[] {
  const executed = activity.executed;
  const months = layout.months;
  // A row without a blank physical month (nearly every one) misses none: its cells are not read.
  if (executed !== null && (executed.physicalBits & CELL_BLANK) === 0 && executed.physicalCount >= months.length) return NONE;
  let missing: number[] | null = null;
  const cells = executed?.physical;
  for (let i = 0; i < months.length; i++) {
    if (!passed[i]) continue;
    const cell = cells?.[i];
    if (!cell || (cell.value === null && cell.problem === undefined)) (missing ??= []).push(months[i]);
  }
  return missing ?? NONE;
}

/** Sum of a row's financial month values (blanks as 0), rounded to cents as sumMoney does. */
function sumFinancial(row: ActivityRow | null): number {
  if (!row) return 0;
  if (financialScratch.length < row.financialCount) financialScratch = new Float64Array(row.financialCount);
  const n = row.monthValues('financial', financialScratch);
  let total = 0;
  for (let i = 0; i < n; i++) total += financialScratch[i];
  return round2(total);
}

/** `passed`: from deadlinesPassed(), computed once for the whole sheet. */
export function computeActivity(activity: Activity, layout: Layout, passed: readonly boolean[]): ActivityFigures {
  const n = layout.months.length;
  const type = activity.aggregationType ?? FALLBACK_AGGREGATION;
  const width = Math.max(n, activity.programmed?.physicalCount ?? 0, activity.executed?.physicalCount ?? 0);
  if (programmedScratch.length < width) {
    programmedScratch = new Float64Array(width);
    executedScratch = new Float64Array(width);
  }
  const programmed = programmedScratch;
  const executed = executedScratch;
  const np = monthValues(activity.programmed, n, programmed);
  const ne = monthValues(activity.executed, n, executed);
  const missing = missingMonths(activity, layout, passed);
  let withoutProgramming = true; // rule 3
  for (let i = 0; i < np; i++) if (programmed[i] !== 0) withoutProgramming = false;
  const programmedAcc = accumulateFirst(programmed, np, type);
  const executedAcc = accumulateFirst(executed, ne, type);

  let percent: number | 'S.P.' | 'S.I.';
  if (missing.length > 0) percent = 'S.I.';
  else if (withoutProgramming) percent = 'S.P.';
  else {
    const raw =
      type === 'No Acumulado'
        ? monthlyMeanPercent(programmed, executed, np)
        : typeof programmedAcc === 'number' && programmedAcc > 0 && typeof executedAcc === 'number'
          ? (executedAcc / programmedAcc) * 100
          : null;
    percent = raw === null ? 'S.P.' : round2(Math.min(100, raw));
  }
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
