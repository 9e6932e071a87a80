import type { ActivityFigures, StrategicActionFigures, Totals } from '../figures';
import { round1, round2 } from './round';
import { mean, median } from './statistics';

/**
 * Rules 8–11. Every AO row pair counts in the mean and the median, even a repeated code;
 * complete/incomplete count distinct codes (a code is S.I. if any of its pairs is).
 */
export function computeTotals(activities: readonly ActivityFigures[], actions: readonly StrategicActionFigures[]): Totals {
  const percents: number[] = [];
  const incomplete = new Set<string>();
  const all = new Set<string>();
  // One pass over the AO; the money sums add in AO order, as sumMoney does.
  let financialProgrammed = 0;
  let financialExecuted = 0;
  // Indexed: a for…of allocates an iterator result per AO in this run-once, cold loop.
  for (let i = 0; i < activities.length; i++) {
    const a = activities[i];
    if (typeof a.percent === 'number') percents.push(a.percent);
    all.add(a.activity.code);
    if (a.status === 'S.I.') incomplete.add(a.activity.code);
    financialProgrammed += a.financialProgrammed;
    financialExecuted += a.financialExecuted;
  }
  const aeiFigures: number[] = [];
  for (const s of actions) if (typeof s.physical === 'number') aeiFigures.push(s.physical);
  return {
    physicalAverage: percents.length ? round1(mean(percents)) : null,
    physicalMedian: percents.length ? round2(median(percents)) : null,
    aeiAverage: aeiFigures.length ? round1(mean(aeiFigures)) : null,
    financialProgrammed: round2(financialProgrammed),
    financialExecuted: round2(financialExecuted),
    completeActivities: all.size - incomplete.size,
    incompleteActivities: incomplete.size,
  };
}
