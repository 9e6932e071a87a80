import type { ActivityFigures, Figures } from '../figures';
import type { PoiModel } from '../model';
import { computeActivity, deadlinesPassed } from './activity';
import { computeStrategicAction } from './strategic-action';
import { computeTotals } from './totals';
import { countColors } from './traffic-light';

/** Computes every figure of the report once; everything else reads these. */
export function computeFigures(model: PoiModel, fechaCorte: string): Figures {
  const year = model.layout.year ?? Number(fechaCorte.slice(0, 4));
  const passed = deadlinesPassed(model.layout, year, fechaCorte);
  const activities = model.activities.map((a) => computeActivity(a, model.layout, passed));
  const byIndex = new Map<number, ActivityFigures>(activities.map((f) => [f.activity.index, f]));
  const strategicActions = model.strategicActions.map((s) => computeStrategicAction(s, byIndex));
  return {
    activities,
    strategicActions,
    totals: computeTotals(activities, strategicActions),
    trafficLight: {
      aei: countColors(strategicActions.map((s) => s.physical)),
      ao: countColors(activities.map((a) => a.percent)),
    },
  };
}
