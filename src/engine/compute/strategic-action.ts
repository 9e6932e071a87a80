import type { ActivityFigures, StrategicActionFigures } from '../figures';
import type { StrategicAction } from '../model';
import { round1, round2 } from './round';
import { trafficColor } from './traffic-light';

/** Rules 6 and 7: EJECUCIÓN FÍSICA and FINANCIERA POR AEI. `byIndex[i]`: the figures of the AO whose index is i. */
export function computeStrategicAction(action: StrategicAction, byIndex: readonly ActivityFigures[]): StrategicActionFigures {
  // One pass: the mean and the money add in AO order, as mean() and sumMoney() do.
  let incomplete = false;
  let percentSum = 0;
  let percentCount = 0;
  let money = 0;
  const activities = action.activities;
  for (let i = 0; i < activities.length; i++) {
    const f = byIndex[activities[i].index];
    if (f.status === 'S.I.') incomplete = true;
    if (typeof f.percent === 'number') {
      percentSum += f.percent;
      percentCount++;
    }
    money += f.financialExecuted;
  }
  const physical = incomplete ? 'S.I.' : percentCount === 0 ? 'S.P.' : round1(percentSum / percentCount);
  return {
    strategicAction: action,
    physical,
    financial: round2(money),
    color: typeof physical === 'number' ? trafficColor(physical) : null,
  };
}
