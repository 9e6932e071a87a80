import type { Analysis } from '../engine/analysis';
import { describePeriod } from '../engine/flat/period';
import type { AeiRow, AnalysisSummary } from './contract';

/**
 * The pane's view of an analysis: plain data only, so it can cross a worker boundary
 * (structured clone) and be kept in React state without holding the whole model.
 * Pure: reads `analysis`, never changes it.
 */
export function toSummary(analysis: Analysis): AnalysisSummary {
  const { model, figures } = analysis;
  const strategicActions: AeiRow[] = [];
  if (model && figures) {
    // figures.strategicActions is in the same order as model.strategicActions.
    model.strategicActions.forEach((aei, i) => {
      const f = figures.strategicActions[i];
      strategicActions.push({
        code: aei.code,
        name: aei.name,
        physical: f ? f.physical : 'S.P.',
        financial: f ? f.financial : 0,
      });
    });
  }
  return {
    sheet: analysis.sheet,
    fechaCorte: analysis.fechaCorte,
    recognised: model !== null,
    layout: analysis.layout,
    period: analysis.period ? { ...analysis.period, months: [...analysis.period.months] } : null,
    // The export's period is a choice the user should see; a printed report's is its header.
    periodLine: analysis.layout === 'exportacion' && analysis.period ? describePeriod(analysis.period, analysis.fechaCorte) : null,
    months: model ? [...model.layout.monthNames] : [],
    activityCount: model ? model.activities.length : 0,
    strategicActions,
    totals: figures ? { ...figures.totals } : null,
    trafficLight: figures
      ? { aei: { ...figures.trafficLight.aei }, ao: { ...figures.trafficLight.ao } }
      : null,
    observations: analysis.observations,
    pendingCells: analysis.patch.cells.length,
    computed: analysis.computed,
  };
}
