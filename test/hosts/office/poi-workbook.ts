/**
 * POI report sheets for the Office host tests, built with the shared fixture builder and
 * loaded into the fake Excel with their merges and number formats, as a planner's
 * workbook would hold them.
 */
import type { CellValue } from '../../../src/engine/grid/cell';
import { rangeToA1 } from '../../../src/engine/grid/a1';
import { aei, ao, oei, poiSheet, type AoSpec, type PoiSheet, type PoiSheetSpec } from '../../fixtures/poi-sheet';
import { FakeWorkbook, type FakeSheet } from './fake-excel';

export const REPORT = 'Reporte POI';

/** Put a built report into a workbook (values, merges, number formats). */
export function loadReport(book: FakeWorkbook, sheet: PoiSheet, name = REPORT): FakeSheet {
  const formats = new Map<string, string>();
  sheet.table.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (cell?.format) formats.set(rangeToA1({ top: r, left: c, bottom: r, right: c }), cell.format);
    }),
  );
  return book.addSheet(name, {
    values: sheet.table.map((row) => row.map((cell) => cell?.value ?? null)),
    merges: sheet.merges,
    numberFormats: formats,
  });
}

const m = (n: number): CellValue[] => [n, n, n, n, n, n];

/**
 * Like the La Victoria report's first pages: every aggregation type, an S.P. AO, an S.I.
 * AO (blank EJECUTADO month), stated figures some right, some wrong, some blank, text
 * numbers, a repeated page header, the totals and the traffic-light table.
 */
export function sampleLikeSpec(): PoiSheetSpec {
  const acts1: AoSpec[] = [
    ao({ name: 'REALIZACIÓN DE ACTIVIDADES DEL GRUPO ELITE', prog: [0, 0, 0, 5, 0, 0], exec: [0, 0, 0, 5, 0, 0], progAcc: 5, execAcc: 5, percent: 100, finProg: [0, 0, 0, 30000, 0, 0], finExec: [11856.88, 8820.87, 0, 17648.24, 11309.33, 9399.83], finProgAcc: 30000, finExecAcc: 59035.15 }),
    ao({ name: 'SEGUIMIENTO DEL PADSC', prog: [0, 0, 1, 0, 0, 1], exec: [0, 0, 1, 0, 0, 1], progAcc: 2, execAcc: 3, percent: 90 }),
    ao({ name: 'ELABORACIÓN DEL PADSC 2024', prog: [0, 0, 0, 0, 0, 0], exec: [0, 0, 0, 0, 0, 0], progAcc: 'S.P.', execAcc: 0, percent: 'S.P.' }),
    ao({ name: 'CÁMARAS DE VIDEOVIGILANCIA', prog: [1, 1, 1, 5, 5, 5], exec: [1, 1, 1, 0, 0, 1], percent: 22.22 }),
  ];
  const acts2: AoSpec[] = [
    ao({ name: 'PATRULLAJE MUNICIPAL', aggregation: 'Acumulado Mensual', prog: [1, 2, 3, 4, 5, 6], exec: [1, 2, 3, 4, 5, 0], progAcc: 6 }),
    ao({ name: 'ATENCIÓN AL PÚBLICO', aggregation: 'No Acumulado', prog: [5, 5, 5, 5, 5, 5], exec: [5, 4, 5, 5, 2, 5], progAcc: '-' }),
    ao({ name: 'EMISIÓN DE RESOLUCIONES', prog: [300, 800, 800, 700, 700, 700], exec: ['300', '1,900.00', 900, 700, 727, 0], progAcc: '4,000.00' }),
    ao({ name: 'CAPACITACIONES', prog: [76, 40, 0, 0, 10, 0], exec: [3, 0, 0, 0, null, 0] }),
  ];
  return {
    year: 2023,
    repeatHeaderEvery: 6,
    objectives: [
      oei('01', [aei('01.01', acts1, { line: { physical: 100, financial: 786125.84 } }), aei('01.02', acts2)], 'REDUCIR LOS ÍNDICES DE INSEGURIDAD CIUDADANA'),
      oei('02', [aei('02.01', [ao({ name: '=SUM(A1:A3) FÓRMULA EN EL NOMBRE', prog: m(1), exec: m(1) }), ao({ name: 'SUPERVISIÓN', prog: m(2), exec: m(1) })])]),
    ],
    totals: { 'PROMEDIO DE EJECUCIÓN FÍSICA (%)': 83.7 },
    trafficLight: { aei: [1, 1, 1], ao: [1, 2, 3] },
  };
}

/**
 * `count` AO, 10 per AEI, 10 AEI per OEI, with a page header every 40 rows; stated figures
 * left blank so the whole computed set is in the patch, and one month in five AO with
 * a varying pattern so the traffic light uses every colour.
 */
export function bigSpec(count: number): PoiSheetSpec {
  const objectives = [];
  let made = 0;
  for (let o = 1; made < count; o++) {
    const actions = [];
    for (let a = 1; a <= 10 && made < count; a++) {
      const acts: AoSpec[] = [];
      for (let i = 0; i < 10 && made < count; i++, made++) {
        const k = made % 5;
        acts.push(
          ao({
            name: `ACTIVIDAD OPERATIVA NÚMERO ${made + 1} DE LA GERENCIA DE PLANEAMIENTO Y PRESUPUESTO`,
            aggregation: k === 4 ? 'Acumulado Mensual' : 'Acumulado Anual',
            prog: [2, 2, 2, 2, 2, 2],
            exec: [2, 2, k === 0 ? 0 : 2, k <= 1 ? 0 : 2, k === 2 ? 1 : 2, 2],
            finProg: [1000, 1500, 2000, 2500, 3000, 3500.5],
            finExec: [900, 1400, 2100, 2400, 2900, 3400.25],
          }),
        );
      }
      const code = `${String(o).padStart(2, '0')}.${String(a).padStart(2, '0')}`;
      actions.push(aei(code, acts));
    }
    objectives.push(oei(String(o).padStart(2, '0'), actions));
  }
  return { year: 2023, repeatHeaderEvery: 40, objectives };
}

export function workbookWith(spec: PoiSheetSpec, extraSheets: string[] = ['Notas']): { book: FakeWorkbook; sheet: FakeSheet; poi: PoiSheet } {
  const book = new FakeWorkbook();
  const poi = poiSheet(spec);
  for (const name of extraSheets) book.addSheet(name, { values: [['Notas del planificador'], ['=no es fórmula']] });
  const sheet = loadReport(book, poi);
  return { book, sheet, poi };
}
