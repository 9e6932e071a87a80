import type { Analysis } from '../engine/analysis';
import type { ActivityFigures } from '../engine/figures';
import { jsonFields } from '../engine/report/json-fields';

/** The contract of ../shared/spec/poi-check-cli.md: add fields freely, never rename or drop. */
export function analysisJson(file: string, analysis: Analysis): Record<string, unknown> {
  const { model, figures } = analysis;
  // flat-export.md §2.10: layout and period on top, the phase and rows per AO, the OEI per AEI.
  const extra = jsonFields(analysis);
  return {
    file,
    sheet: analysis.sheet,
    fechaCorte: analysis.fechaCorte,
    ...extra.top,
    months: model ? [...model.layout.monthNames] : [],
    activities: figures ? figures.activities.map((f, i) => Object.assign(activityJson(f), extra.activities[i])) : [],
    strategicActions: figures
      ? figures.strategicActions.map((s, i) => ({
          code: s.strategicAction.code,
          name: s.strategicAction.name,
          row: s.strategicAction.label.at.row + 1,
          physical: s.physical,
          financial: s.financial,
          ...extra.strategicActions[i],
        }))
      : [],
    totals: figures ? figures.totals : null,
    trafficLight: figures ? figures.trafficLight : null,
    // The observations as they are (plain data): a million of them are not copied first.
    issues: analysis.observations,
    cellsToWrite: analysis.cellsToWrite,
  };
}

function activityJson(f: ActivityFigures): Record<string, unknown> {
  const a = f.activity;
  return {
    code: a.code,
    name: a.name,
    row: a.label.at.row + 1,
    aei: a.strategicActionCode,
    aggregation: a.aggregationType ?? a.aggregation.value,
    physical: {
      // S.P. is shown in the sheet; the JSON keeps the number (the programmed sum is 0).
      programmed: f.physicalProgrammed === 'S.P.' ? 0 : f.physicalProgrammed,
      executed: f.physicalExecuted,
      percent: f.percent,
    },
    financial: { programmed: f.financialProgrammed, executed: f.financialExecuted },
    status: f.status,
    ...(f.missingMonths.length ? { missingMonths: f.missingMonths } : {}),
  };
}
