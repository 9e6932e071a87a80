/** Shared by the round-trip tests: the generated report as a grid, and the figures to compare. */
import type { Analysis } from '../../../src/engine';
import { rangeToA1 } from '../../../src/engine/grid/a1';
import type { Grid } from '../../../src/engine/grid/cell';
import type { GeneratedSheet } from '../../../src/engine/report/generated-report';
import { buildWorkbook } from '../../../src/hosts/xlsx/build-workbook';
import { openXlsx } from '../../../src/hosts/xlsx/open';

/** The sheet as a host would hold it: the table's values and its merges. */
export function gridOfSheet(sheet: GeneratedSheet): Grid {
  return { rows: sheet.table.map((r) => r.map((c) => c.value)), merges: sheet.merges };
}

/** Written as an .xlsx by the xlsx host and read back by its reader. */
export function gridThroughXlsx(sheet: GeneratedSheet): Grid {
  const bytes = buildWorkbook([
    { name: sheet.name, table: sheet.table, merges: sheet.merges.map(rangeToA1), columnWidths: sheet.columnWidths, freezeRows: sheet.freezeRows },
  ]);
  return openXlsx(bytes).readSheet(sheet.name);
}

/** Every figure the printed report shows, keyed so two analyses compare with toEqual. */
export function figuresOf(a: Analysis) {
  const f = a.figures!;
  return {
    activities: f.activities.map((x) => ({
      name: x.activity.name,
      physicalProgrammed: x.physicalProgrammed,
      physicalExecuted: x.physicalExecuted,
      percent: x.percent,
      status: x.status,
      financialProgrammed: x.financialProgrammed,
      financialExecuted: x.financialExecuted,
      missingMonths: x.missingMonths,
      color: x.color,
    })),
    strategicActions: f.strategicActions.map((s) => ({ name: s.strategicAction.name, physical: s.physical, financial: s.financial, color: s.color })),
    totals: f.totals,
    trafficLight: f.trafficLight,
  };
}
