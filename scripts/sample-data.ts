/**
 * The La Victoria 2023-S1 report data (samples/la-victoria-2023-s1.json) and how it maps to
 * the report layout. Used by the sample builder and the acceptance test.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CellValue } from '../src/engine/grid/cell';
import { poiSheet, type AoSpec, type PoiSheet, type TotalLabel } from '../test/fixtures/poi-sheet';

type Printed = number | string | null;

export interface SampleActivity {
  code: string;
  name: string;
  costCenter: string;
  priority: string;
  unit: string;
  aggregation: string;
  programmed: { physical: CellValue[]; financial: CellValue[] };
  executed: { physical: CellValue[]; financial: CellValue[] };
  printed: {
    programmedAccumulated: Printed;
    executedAccumulated: Printed;
    percent: Printed;
    financialProgrammedAccumulated: Printed;
    financialExecutedAccumulated: Printed;
  };
  seedLines?: number[];
  reconstructed?: { field: string; lost: string; inferred: string; from: string }[];
}

export interface SampleStrategicAction {
  code: string;
  name: string;
  printed: { physical: Printed; financial: Printed };
  activities: SampleActivity[];
}

export interface SampleData {
  source: string;
  entity: string;
  title: string;
  period: string;
  fechaCorte: string;
  months: string[];
  objectives: { code: string; name: string; strategicActions: SampleStrategicAction[] }[];
  printedTotals: {
    physicalAverage: number;
    physicalMedian: number;
    financialProgrammed: number;
    financialExecuted: number;
    completeActivities: number;
    incompleteActivities: number;
  };
  printedTrafficLight: { aei: { red: number; yellow: number; green: number }; ao: { red: number; yellow: number; green: number } };
  footnotes: string[];
  contradictions?: { where: string; what: string }[];
}

export const SAMPLE_JSON = join(__dirname, '..', 'samples', 'la-victoria-2023-s1.json');
export const SAMPLE_XLSX = join(__dirname, '..', 'samples', 'la-victoria-2023-s1.xlsx');
export const SAMPLE_SHEET = 'Reporte POI';

export function loadSample(path = SAMPLE_JSON): SampleData {
  return JSON.parse(readFileSync(path, 'utf8')) as SampleData;
}


/** The report sheet with the raw months and, in the computed cells, what the report prints. */
export function sampleSheet(data: SampleData): PoiSheet {
  const t = data.printedTotals;
  const totals: Partial<Record<TotalLabel, CellValue>> = {
    'PROMEDIO DE EJECUCIÓN FÍSICA (%)': t.physicalAverage,
    'MEDIANA DEI AV% DEL POI': t.physicalMedian,
    'TOTAL DE PROGRAMACIÓN FINANCIERA': t.financialProgrammed,
    'TOTAL DE EJECUCIÓN FINANCIERA': t.financialExecuted,
    'AO CON INFORMACIÓN COMPLETA': t.completeActivities,
    'AO CON INFORMACIÓN INCOMPLETA': t.incompleteActivities,
  };
  const tl = data.printedTrafficLight;
  return poiSheet({
    year: Number(/\d{4}/.exec(data.title)?.[0] ?? 2023),
    period: data.period,
    months: data.months,
    totals,
    trafficLight: { aei: [tl.aei.red, tl.aei.yellow, tl.aei.green], ao: [tl.ao.red, tl.ao.yellow, tl.ao.green] },
    objectives: data.objectives.map((o) => ({
      code: o.code,
      name: o.name,
      actions: o.strategicActions.map((s) => ({
        code: s.code,
        name: s.name,
        line: { physical: s.printed.physical, financial: s.printed.financial },
        activities: s.activities.map(
          (a): AoSpec => ({
            code: a.code,
            name: a.name,
            costCenter: a.costCenter,
            priority: a.priority,
            unit: a.unit,
            aggregation: a.aggregation,
            prog: a.programmed.physical,
            exec: a.executed.physical,
            finProg: a.programmed.financial,
            finExec: a.executed.financial,
            progAcc: a.printed.programmedAccumulated,
            execAcc: a.printed.executedAccumulated,
            percent: a.printed.percent,
            finProgAcc: a.printed.financialProgrammedAccumulated,
            finExecAcc: a.printed.financialExecutedAccumulated,
          }),
        ),
      })),
    })),
    footnotes: true,
  });
}

