/**
 * Every observation the tool raises on the La Victoria sample, and why it is real: each
 * warning on an AO whose values are all printed is confirmed by the report's own printed
 * figures; the ones on AO whose lost values were reconstructed (samples/README.md) are named
 * as consequences of that reconstruction, not of the report.
 */
import { readFileSync } from 'node:fs';
import { analyze } from '../../src/engine';
import { openXlsx } from '../../src/hosts/xlsx';
import { loadSample, SAMPLE_SHEET, SAMPLE_XLSX, type SampleActivity } from '../../scripts/sample-data';

const data = loadSample();
const analysis = analyze(openXlsx(new Uint8Array(readFileSync(SAMPLE_XLSX))).readSheet(SAMPLE_SHEET), {
  fechaCorte: data.fechaCorte,
  sheet: SAMPLE_SHEET,
});
const sampleActivities = data.objectives.flatMap((o) => o.strategicActions.flatMap((s) => s.activities));
const byRow = new Map<number, SampleActivity>();
analysis.model!.activities.forEach((a, i) => {
  byRow.set(a.programmed!.row + 1, sampleActivities[i]);
  if (a.executed) byRow.set(a.executed.row + 1, sampleActivities[i]);
});
const warnings = analysis.observations.filter((o) => o.severity === 'warning');
const reconstructed = (a: SampleActivity): boolean => (a.reconstructed ?? []).length > 0;
const printedNumber = (v: number | string | null): number => (typeof v === 'number' ? v : NaN);

function split(rule: string): { printed: SampleActivity[]; fromReconstruction: SampleActivity[] } {
  const flagged = warnings.filter((o) => o.rule === rule).map((o) => byRow.get(o.row)!);
  return { printed: flagged.filter((a) => !reconstructed(a)), fromReconstruction: flagged.filter(reconstructed) };
}

describe('warnings on the sample', () => {
  it('come from these rules only', () => {
    const rules = [...new Set(warnings.map((o) => o.rule))].sort();
    expect(rules).toEqual([
      'duplicate-activity-code',
      'financial-overexecution',
      'money-without-physical-progress',
      'physical-overexecution',
      'physical-progress-without-money',
      'unprogrammed-physical-progress',
    ]);
    expect(analysis.observations.filter((o) => o.severity === 'info')).toEqual([]);
  });

  it('financial-overexecution: the report prints more money executed than programmed', () => {
    const { printed, fromReconstruction } = split('financial-overexecution');
    expect(printed).toHaveLength(69);
    // Months, not the printed accumulated: AOI30126400176 prints an accumulated 0 over 46,101.47 of months.
    const sum = (values: (number | string | boolean | null)[]): number => values.reduce<number>((t, v) => t + (typeof v === 'number' ? v : 0), 0);
    for (const a of printed) {
      expect([a.code, sum(a.executed.financial) > sum(a.programmed.financial)]).toEqual([a.code, true]);
    }
    // On AO whose executed money was rebuilt from an AEI line (the lost rows of eight AEI).
    expect(fromReconstruction).toHaveLength(42);
  });

  it('physical-overexecution: the report prints more than twice the programmed goal', () => {
    const { printed, fromReconstruction } = split('physical-overexecution');
    expect(printed).toHaveLength(24);
    for (const a of printed) {
      const ratio = printedNumber(a.printed.executedAccumulated) / printedNumber(a.printed.programmedAccumulated);
      expect([a.code, ratio > 2]).toEqual([a.code, true]);
    }
    expect(fromReconstruction).toHaveLength(7);
  });

  it('money-without-physical-progress: money printed, no physical progress printed', () => {
    const { printed, fromReconstruction } = split('money-without-physical-progress');
    expect(printed).toHaveLength(6);
    for (const a of printed) {
      expect([a.code, a.printed.executedAccumulated, printedNumber(a.printed.financialExecutedAccumulated) > 0]).toEqual([a.code, 0, true]);
    }
    expect(fromReconstruction).toHaveLength(6);
  });

  it('physical-progress-without-money: progress printed with zero money executed', () => {
    const { printed, fromReconstruction } = split('physical-progress-without-money');
    expect(printed).toHaveLength(2);
    for (const a of printed) {
      expect([a.code, printedNumber(a.printed.executedAccumulated) > 0, a.printed.financialExecutedAccumulated]).toEqual([a.code, true, 0]);
    }
    // The reconstruction put each lost AEI remainder on one AO and 0 on the others.
    expect(fromReconstruction).toHaveLength(39);
  });

  it('unprogrammed-physical-progress: progress printed on an AO printed S.P.', () => {
    const { printed, fromReconstruction } = split('unprogrammed-physical-progress');
    expect(printed.map((a) => a.code)).toEqual(['AOI30126400193', 'AOI30126400239']);
    for (const a of printed) {
      expect([a.code, a.printed.programmedAccumulated, a.printed.percent, printedNumber(a.printed.executedAccumulated) > 0]).toEqual([a.code, 'S.P.', 'S.P.', true]);
    }
    expect(fromReconstruction).toHaveLength(0);
  });

  it('duplicate-activity-code: AOI30126400167 is printed three times', () => {
    expect(warnings.filter((o) => o.rule === 'duplicate-activity-code').map((o) => byRow.get(o.row)!.code)).toEqual([
      'AOI30126400167',
      'AOI30126400167',
    ]);
  });
});
