/**
 * Acceptance: the engine, run on the raw monthly values of the published La Victoria
 * 2023-S1 report (samples/), prints the report's own figures. Nothing printed is copied into
 * the engine's output: the printed values sit in the sheet's computed cells, and the engine
 * recomputes them from the months and compares.
 */
import { readFileSync } from 'node:fs';
import * as XLSX from '@e965/xlsx';
import { analyze, type Analysis } from '../../src/engine';
import { toA1 } from '../../src/engine/grid/a1';
import type { Grid } from '../../src/engine/grid/cell';
import { openXlsx } from '../../src/hosts/xlsx';
import { buildSampleWorkbook } from '../../scripts/build-sample';
import { loadSample, SAMPLE_SHEET, SAMPLE_XLSX, sampleSheet, type SampleActivity } from '../../scripts/sample-data';

const data = loadSample();
const bytes = new Uint8Array(readFileSync(SAMPLE_XLSX));
const grid: Grid = openXlsx(bytes).readSheet(SAMPLE_SHEET);
const analysis: Analysis = analyze(grid, { fechaCorte: data.fechaCorte, sheet: SAMPLE_SHEET });
const figures = analysis.figures!;
const activities = data.objectives.flatMap((o) => o.strategicActions.flatMap((s) => s.activities));
const actions = data.objectives.flatMap((o) => o.strategicActions);

// AOI30126400200 prints months 160,000 + 160,000 but an accumulated 260,000, and the printed
// TOTAL DE PROGRAMACIÓN FINANCIERA uses 260,000: the report contradicts itself by 60,000.00.
const AO_200_GAP = 60000;

describe('the sample workbook', () => {
  it('is exactly what `npm run sample` builds from the data file', () => {
    expect(Buffer.from(buildSampleWorkbook()).equals(Buffer.from(bytes))).toBe(true);
  });
  it('holds the whole report: 7 OEI, 29 AEI, 290 AO pairs, 288 codes', () => {
    const model = analysis.model!;
    expect(model.objectives).toHaveLength(7);
    expect(model.strategicActions).toHaveLength(29);
    expect(model.activities).toHaveLength(290);
    expect(new Set(model.activities.map((a) => a.code)).size).toBe(288);
    expect(model.activities.map((a) => a.code)).toEqual(activities.map((a) => a.code));
    expect(model.strayRows).toEqual([]);
  });
  it('is read back the same by our reader and by SheetJS (values and merges)', () => {
    const wb = XLSX.read(bytes, { dense: true });
    const ws = wb.Sheets[SAMPLE_SHEET];
    const theirs = XLSX.utils.sheet_to_json<unknown[]>(ws, { header: 1, raw: true, blankrows: true, defval: null });
    const ours = grid.rows as (unknown[] | undefined)[];
    // Both sides as dense rows without trailing blanks (SheetJS leaves empty rows undefined).
    const trim = (rows: (unknown[] | undefined)[]): unknown[][] =>
      Array.from(rows, (r) => {
        const c = Array.from(r ?? [], (v) => v ?? null);
        while (c.length && c[c.length - 1] === null) c.pop();
        return c;
      });
    expect(trim(ours)).toEqual(trim(theirs));
    const merges = (ws['!merges'] ?? []).map((m) => `${toA1({ row: m.s.r, col: m.s.c })}:${toA1({ row: m.e.r, col: m.e.c })}`).sort();
    expect(merges).toEqual(grid.merges.map((m) => `${toA1({ row: m.top, col: m.left })}:${toA1({ row: m.bottom, col: m.right })}`).sort());
    expect(merges.length).toBe(sampleSheet(data).merges.length);
  });
});

describe('the engine reproduces the printed figures from the months', () => {
  it('PROMEDIO DE EJECUCIÓN FÍSICA 83.7 and MEDIANA 100', () => {
    expect(figures.totals.physicalAverage).toBe(data.printedTotals.physicalAverage);
    expect(figures.totals.physicalAverage).toBe(83.7);
    expect(figures.totals.physicalMedian).toBe(100);
    expect(figures.activities.filter((a) => typeof a.percent === 'number')).toHaveLength(264);
  });
  it('semáforo AEI 11 · 9 · 9 and AO 58 · 16 · 190', () => {
    expect(figures.trafficLight).toEqual({ aei: { red: 11, yellow: 9, green: 9 }, ao: { red: 58, yellow: 16, green: 190 } });
    expect(figures.trafficLight).toEqual(data.printedTrafficLight);
  });
  it('TOTAL DE EJECUCIÓN FINANCIERA 56,120,891.58 to the cent', () => {
    expect(figures.totals.financialExecuted).toBe(56120891.58);
  });
  it('TOTAL DE PROGRAMACIÓN FINANCIERA 56,721,964.00 once the report’s own contradiction in AOI30126400200 is named', () => {
    expect(figures.totals.financialProgrammed - AO_200_GAP).toBe(56721964);
    const ao200 = figures.activities.find((a) => a.activity.code === 'AOI30126400200')!;
    expect(ao200.financialProgrammed).toBe(320000);
    expect(ao200.activity.programmed!.financialAccumulated.value).toBe(260000);
  });
  it('AO con información completa 288, incompleta 0', () => {
    expect(figures.totals.completeActivities).toBe(288);
    expect(figures.totals.incompleteActivities).toBe(0);
  });
  it('every EJECUCIÓN FÍSICA and FINANCIERA POR AEI the report prints', () => {
    const printedPhysical = actions.filter((s) => s.printed.physical !== null);
    const printedFinancial = actions.filter((s) => s.printed.financial !== null);
    expect(printedPhysical.length).toBe(26);
    expect(printedFinancial.length).toBe(28);
    const byCode = new Map(figures.strategicActions.map((s) => [s.strategicAction.code, s]));
    for (const s of printedPhysical) expect([s.code, byCode.get(s.code)!.physical]).toEqual([s.code, s.printed.physical]);
    for (const s of printedFinancial) expect([s.code, byCode.get(s.code)!.financial]).toEqual([s.code, s.printed.financial]);
  });
  it('every AVANCE % the report prints', () => {
    const printed = activities.filter((a) => a.printed.percent !== null);
    expect(printed.length).toBeGreaterThanOrEqual(289);
    printed.forEach((a: SampleActivity, i) => {
      const f = figures.activities[activities.indexOf(a)];
      expect([a.code, i, f.percent]).toEqual([a.code, i, a.printed.percent]);
    });
  });
  it('the mean of the AEI figures (footnote vii) is shown apart: 78.7', () => {
    expect(figures.totals.aeiAverage).toBe(78.7);
  });
});

describe('where the report contradicts itself, the tool says so on the cell', () => {
  const errors = analysis.observations.filter((o) => o.severity === 'error');
  const rowOf = (code: string, kind: 'programmed' | 'executed'): number =>
    analysis.model!.activities.find((a) => a.code === code)![kind]!.row + 1;
  it('raises exactly these errors', () => {
    const totalRow = analysis.model!.totals.find((t) => t.key === 'financialProgrammed')!.value.at.row + 1;
    const expected = [
      // AOI30126400200: months 160,000 + 160,000, accumulated printed 260,000.
      ['stated-financial-accumulated', `U${rowOf('AOI30126400200', 'programmed')}`],
      // AOI30126400176: EJECUTADO money accumulated printed 0; its months sum 46,101.47.
      ['stated-financial-accumulated', `U${rowOf('AOI30126400176', 'executed')}`],
      // AOI30126400227/228: executed accumulated printed 1,600 while the printed % says 85.5 / 63.19.
      ['stated-physical-accumulated', `M${rowOf('AOI30126400227', 'executed')}`],
      ['stated-physical-accumulated', `M${rowOf('AOI30126400228', 'executed')}`],
      // The programmed total follows AOI30126400200's 260,000, not its months.
      ['stated-total', `U${totalRow}`],
    ];
    const key = (x: string[]): string => x.join(' ');
    expect(errors.map((o) => [o.rule, o.cell]).map(key).sort()).toEqual(expected.map(key).sort());
    expect(errors.find((o) => o.rule === 'stated-total')).toMatchObject({ expected: 56781964, found: 56721964 });
  });
  it('flags the repeated code AOI30126400167 (three pairs, each with its own data)', () => {
    const dup = analysis.observations.filter((o) => o.rule === 'duplicate-activity-code');
    expect(dup).toHaveLength(2);
    expect(dup.every((o) => o.message.includes('AOI30126400167'))).toBe(true);
  });
});
