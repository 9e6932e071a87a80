import type { Analysis } from '../engine/analysis';
import { describePeriod } from '../engine/flat/period';
import type { Activity } from '../engine/model';
import type { ActivityRef, AeiRow, AnalysisSummary, PhaseCounts } from './contract';

/**
 * The pane's view of an analysis: plain data only, so it can cross a worker boundary
 * (structured clone) and be kept in React state without holding the whole model.
 * Pure: reads `analysis`, never changes it.
 */
export function toSummary(analysis: Analysis): AnalysisSummary {
  const { model, figures } = analysis;
  const strategicActions: AeiRow[] = [];
  const activities: ActivityRef[] = [];
  if (model && figures) {
    for (const a of model.activities) {
      const [first, last] = activityRows(a);
      activities.push({
        code: a.code,
        strategicAction: a.strategicActionCode,
        costCenter: a.costCenter.value === null ? '' : String(a.costCenter.value).trim(),
        firstRow: first + 1,
        lastRow: last + 1,
      });
    }
    // figures.strategicActions is in the same order as model.strategicActions.
    model.strategicActions.forEach((aei, i) => {
      const f = figures.strategicActions[i];
      const rows = [aei.label.at.row, aei.physicalLine?.row ?? -1, aei.financialLine?.row ?? -1, ...aei.activities.map((a) => activityRows(a)[1])];
      strategicActions.push({
        code: aei.code,
        name: aei.name,
        physical: f ? f.physical : 'S.P.',
        financial: f ? f.financial : 0,
        firstRow: aei.label.at.row + 1,
        lastRow: Math.max(...rows) + 1,
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
    ...(model?.flat ? { forcedPhase: model.flat.forcedPhase, programmedPhases: phaseCounts(model.flat.activities) } : {}),
    months: model ? [...model.layout.monthNames] : [],
    activityCount: model ? model.activities.length : 0,
    strategicActions,
    activityRefs: activities,
    totals: figures ? { ...figures.totals } : null,
    trafficLight: figures
      ? { aei: { ...figures.trafficLight.aei }, ao: { ...figures.trafficLight.ao } }
      : null,
    observations: analysis.observations,
    pendingCells: analysis.patch.cells.length,
    computed: analysis.computed,
  };
}

/** AO per programmed phase read, for the «Programación» line. */
function phaseCounts(activities: readonly { readonly programmedPhase: string | null }[]): PhaseCounts {
  const counts: Record<string, number> = {};
  for (const a of activities) {
    const key = a.programmedPhase ?? 'ninguna';
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

/** 0-based first and last row of an AO (label, PROGRAMADO, EJECUTADO). */
function activityRows(a: Activity): [number, number] {
  const rows = [a.label.at.row, a.programmed?.row ?? a.label.at.row, a.executed?.row ?? a.label.at.row];
  return [Math.min(...rows), Math.max(...rows)];
}
