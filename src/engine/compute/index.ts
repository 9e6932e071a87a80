import type { Figures } from '../figures';
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
  // An AO's index is its position in model.activities, hence in `activities`.
  const strategicActions = model.strategicActions.map((s) => computeStrategicAction(s, activities));
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
