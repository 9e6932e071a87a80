import type { ActivityFigures, StrategicActionFigures, Totals } from '../figures';
import { round1, round2, sumMoney } from './round';
import { mean, median } from './statistics';

/**
 * Rules 8–11. Every AO row pair counts in the mean and the median, even a repeated code;
 * complete/incomplete count distinct codes (a code is S.I. if any of its pairs is).
 */
export function computeTotals(activities: readonly ActivityFigures[], actions: readonly StrategicActionFigures[]): Totals {
  const percents = activities.map((a) => a.percent).filter((p): p is number => typeof p === 'number');
  const aeiFigures = actions.map((a) => a.physical).filter((p): p is number => typeof p === 'number');
  const incomplete = new Set<string>();
  const all = new Set<string>();
  for (const a of activities) {
    all.add(a.activity.code);
    if (a.status === 'S.I.') incomplete.add(a.activity.code);
  }
  return {
    physicalAverage: percents.length ? round1(mean(percents)) : null,
    physicalMedian: percents.length ? round2(median(percents)) : null,
    aeiAverage: aeiFigures.length ? round1(mean(aeiFigures)) : null,
    financialProgrammed: sumMoney(activities.map((a) => a.financialProgrammed)),
    financialExecuted: sumMoney(activities.map((a) => a.financialExecuted)),
    completeActivities: all.size - incomplete.size,
    incompleteActivities: incomplete.size,
  };
}
