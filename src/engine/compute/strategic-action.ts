import type { ActivityFigures, StrategicActionFigures } from '../figures';
import type { StrategicAction } from '../model';
import { mean } from './statistics';
import { round1, sumMoney } from './round';
import { trafficColor } from './traffic-light';

/** Rules 6 and 7: EJECUCIÓN FÍSICA and FINANCIERA POR AEI. `byIndex[i]`: the figures of the AO whose index is i. */
export function computeStrategicAction(action: StrategicAction, byIndex: readonly ActivityFigures[]): StrategicActionFigures {
  const figures = action.activities.map((a) => byIndex[a.index]);
  const percents = figures.map((f) => f.percent).filter((p): p is number => typeof p === 'number');
  const physical = figures.some((f) => f.status === 'S.I.') ? 'S.I.' : percents.length === 0 ? 'S.P.' : round1(mean(percents));
  return {
    strategicAction: action,
    physical,
    financial: sumMoney(figures.map((f) => f.financialExecuted)),
    color: typeof physical === 'number' ? trafficColor(physical) : null,
  };
}
