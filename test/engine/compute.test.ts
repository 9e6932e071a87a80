import { accumulate } from '../../src/engine/compute/activity';
import { trackingDeadline } from '../../src/engine/compute/deadlines';
import { roundHalfAway } from '../../src/engine/compute/round';
import { aei, ao, MONTHS_YEAR, oei } from '../fixtures/poi-sheet';
import { computedAt, run } from './helpers';

// Layout of a first-semester sheet: months G–L, acc M, % N, money O–T, money acc U; first AO on row 8.
const one = (spec: Parameters<typeof ao>[0], fechaCorte?: string) =>
  run({ objectives: [oei('01', [aei('01.01', [ao(spec)])])] }, fechaCorte).analysis;

describe('rule 1: AVANCE ACUMULADO físico by TIPO DE AGREGACIÓN', () => {
  it('Acumulado Anual sums the months, blanks as 0', () => {
    // Report dated 31 March: February's blank is not yet late (its deadline is 31 March).
    const a = one({ prog: [1, 1, 1, 5, 5, 5], exec: [1, null, 0, 1, 1, 0] }, '2023-03-31');
    expect(computedAt(a, 'M8')).toBe(18);
    expect(computedAt(a, 'M9')).toBe(3);
    expect(computedAt(a, 'N8')).toBe(16.67);
  });
  it('Acumulado Mensual takes the last month greater than zero', () => {
    const a = one({ aggregation: 'Acumulado Mensual', prog: [10, 20, 30, 40, 0, 0], exec: [5, 25, 0, 35, 0, 0] });
    expect(computedAt(a, 'M8')).toBe(40);
    expect(computedAt(a, 'M9')).toBe(35);
    expect(computedAt(a, 'N8')).toBe(87.5);
  });
  it('Acumulado Mensual with nothing above zero is 0', () => {
    expect(accumulate([0, 0, 0], 'Acumulado Mensual')).toBe(0);
  });
  it('No Acumulado shows - and the % is the mean of the monthly ratios over programmed months', () => {
    const a = one({ aggregation: 'No Acumulado', prog: [10, 0, 20, 0, 10, 10], exec: [5, 3, 20, 0, 20, 10] });
    expect(computedAt(a, 'M8')).toBe('-');
    expect(computedAt(a, 'M9')).toBe('-');
    // (50 + 100 + 200 + 100) / 4 = 112.5 → capped at 100 after the mean
    expect(computedAt(a, 'N8')).toBe(100);
    const b = one({ aggregation: 'No Acumulado', prog: [10, 0, 20, 0, 10, 10], exec: [5, 3, 10, 0, 5, 10] });
    expect(computedAt(b, 'N8')).toBe(62.5);
  });
  it('reads the aggregation type case- and space-insensitively', () => {
    const a = one({ aggregation: 'acumulado  MENSUAL ', prog: [1, 2, 3, 0, 0, 0], exec: [1, 1, 1, 0, 0, 0] });
    expect(computedAt(a, 'M8')).toBe(3);
  });
});

describe('rule 2: financial AVANCE ACUMULADO is the sum for every type', () => {
  it('sums money to the cent, text numbers included', () => {
    const a = one({
      aggregation: 'Acumulado Mensual',
      prog: [0, 0, 0, 5, 0, 0],
      exec: [0, 0, 0, 5, 0, 0],
      finProg: [0, 0, 0, 30000, 0, 0],
      finExec: [11856.88, 8820.87, 0, 17648.24, '11,309.33', 9399.83],
    });
    expect(computedAt(a, 'U8')).toBe(30000);
    expect(computedAt(a, 'U9')).toBe(59035.15);
  });
});

describe('rule 3: S.P.', () => {
  it('marks the PROGRAMADO acc. and the % when nothing is programmed', () => {
    const a = one({ prog: [0, 0, 0, 0, 0, null], exec: [0, 0, 0, 0, 0, 0] });
    expect(computedAt(a, 'M8')).toBe('S.P.');
    expect(computedAt(a, 'N8')).toBe('S.P.');
    expect(computedAt(a, 'M9')).toBe(0);
    expect(a.figures!.activities[0].status).toBe('S.P.');
  });
});

describe('rule 4: S.I. and the deadline', () => {
  const blankJune = { prog: [1, 1, 1, 1, 1, 1], exec: [1, 1, 1, 1, 1, null] };
  it('June deadline is 31 July', () => {
    expect(trackingDeadline(2023, 6)).toBe('2023-07-31');
    expect(trackingDeadline(2023, 12)).toBe('2024-01-31');
    expect(trackingDeadline(2024, 1)).toBe('2024-02-29');
  });
  it('a report dated 31 July has no S.I. for a blank June', () => {
    const a = one(blankJune, '2023-07-31');
    expect(computedAt(a, 'N8')).toBe(83.33);
    expect(a.figures!.activities[0].status).toBe('ok');
  });
  it('a report dated 1 August has S.I. for a blank June', () => {
    const a = one(blankJune, '2023-08-01');
    expect(computedAt(a, 'N8')).toBe('S.I.');
    expect(a.figures!.activities[0].missingMonths).toEqual([6]);
    expect(a.figures!.totals.incompleteActivities).toBe(1);
  });
  it('S.I. wins over S.P. in the % cell', () => {
    const a = one({ prog: [0, 0, 0, 0, 0, 0], exec: [0, 0, null, 0, 0, 0] }, '2023-08-01');
    expect(computedAt(a, 'N8')).toBe('S.I.');
    expect(computedAt(a, 'M8')).toBe('S.P.');
  });
  it('a recorded zero is not a blank', () => {
    const a = one({ prog: [1, 1, 1, 1, 1, 1], exec: [0, 0, 0, 0, 0, 0] }, '2024-01-01');
    expect(computedAt(a, 'N8')).toBe(0);
  });
});

describe('rule 5: AVANCE % capped and rounded', () => {
  it('caps at 100 (5,327 of 4,000 prints 100)', () => {
    const a = one({ prog: [4000, 0, 0, 0, 0, 0], exec: [5327, 0, 0, 0, 0, 0] });
    expect(computedAt(a, 'N8')).toBe(100);
  });
  it('rounds numbers written with 3 decimals as their decimal text says (integer oracle)', () => {
    for (let n = -200000; n <= 200000; n += 7) {
      const units = Math.sign(n) * Math.floor((Math.abs(n) + 5) / 10); // n/1000 to hundredths, half away from zero
      expect([n, roundHalfAway(n / 1000, 2)]).toEqual([n, units / 100 || 0]);
    }
  });
  it('rounds half away from zero to 2 decimals', () => {
    expect(roundHalfAway(1.005, 2)).toBe(1.01);
    expect(roundHalfAway(-1.005, 2)).toBe(-1.01);
    expect(roundHalfAway(83.65, 1)).toBe(83.7);
    const a = one({ prog: [126, 0, 0, 0, 0, 0], exec: [3, 0, 0, 0, 0, 0] });
    expect(computedAt(a, 'N8')).toBe(2.38);
    const b = one({ prog: [3, 0, 0, 0, 0, 0], exec: [2, 0, 0, 0, 0, 0] });
    expect(computedAt(b, 'N8')).toBe(66.67);
  });
});

describe('rules 6–12 on a small report', () => {
  const spec = {
    objectives: [
      oei('01', [
        aei('01.01', [
          ao({ code: 'AOI1', prog: [1, 1, 0, 0, 0, 0], exec: [1, 1, 0, 0, 0, 0], finProg: [100, 0, 0, 0, 0, 0], finExec: [50, 0, 0, 0, 0, 0] }),
          ao({ code: 'AOI2', prog: [0, 0, 0, 0, 0, 4], exec: [0, 0, 0, 0, 0, 3], finProg: [0, 0, 0, 0, 0, 200], finExec: [0, 0, 0, 0, 0, 10.1] }),
          ao({ code: 'AOI3', prog: [0, 0, 0, 0, 0, 0], exec: [0, 0, 0, 0, 0, 0] }),
        ]),
        aei('01.02', [ao({ code: 'AOI4', prog: [3, 0, 0, 0, 0, 0], exec: [1, 0, 0, 0, 0, 0], finExec: [0.2, 0, 0, 0, 0, 0] })]),
      ]),
      oei('02', [aei('02.01', [ao({ code: 'AOI5', prog: [0, 0, 0, 0, 0, 0], exec: [0, 0, 0, 0, 0, 0] })])]),
    ],
  };
  const { analysis } = run(spec);
  const f = analysis.figures!;
  it('AEI physical: mean of its AO %, S.P. left out, 1 decimal; S.P. when none has a number', () => {
    expect(f.strategicActions.map((s) => s.physical)).toEqual([87.5, 33.3, 'S.P.']);
  });
  it('AEI financial: sum of executed money', () => {
    expect(f.strategicActions.map((s) => s.financial)).toEqual([60.1, 0.2, 0]);
  });
  it('totals: mean and median of AO %, AEI mean shown apart, money sums, distinct codes', () => {
    expect(f.totals).toEqual({
      physicalAverage: 69.4, // (100 + 75 + 33.33) / 3
      physicalMedian: 75,
      aeiAverage: 60.4, // (87.5 + 33.3) / 2
      financialProgrammed: 300,
      financialExecuted: 60.3,
      completeActivities: 5,
      incompleteActivities: 0,
    });
  });
  it('traffic light counts AEI and AO with a number', () => {
    expect(f.trafficLight).toEqual({ aei: { red: 1, yellow: 1, green: 0 }, ao: { red: 1, yellow: 1, green: 1 } });
  });
  it('writes the AEI line values in the % and financial acc. columns', () => {
    const line = analysis.model!.strategicActions[0].physicalLine!;
    expect(computedAt(analysis, `N${line.row + 1}`)).toBe(87.5);
    expect(computedAt(analysis, `U${line.row + 1}`)).toBe(60.1);
  });
  it('AEI is S.I. when one of its AO is', () => {
    const { analysis: a } = run(
      { objectives: [oei('01', [aei('01.01', [ao({ prog: [1, 1, 1, 1, 1, 1], exec: [1, 1, 1, 1, 1, null] }), ao({ prog: [1, 0, 0, 0, 0, 0], exec: [1, 0, 0, 0, 0, 0] })])])] },
      '2023-09-01',
    );
    expect(a.figures!.strategicActions[0].physical).toBe('S.I.');
    expect(a.figures!.totals.incompleteActivities).toBe(1);
  });
  it('traffic-light ends: 75 and 95 are yellow', () => {
    const { analysis: a } = run({
      objectives: [oei('01', [aei('01.01', [ao({ prog: [4, 0, 0, 0, 0, 0], exec: [3, 0, 0, 0, 0, 0] }), ao({ prog: [20, 0, 0, 0, 0, 0], exec: [19, 0, 0, 0, 0, 0] })])])],
    });
    expect(a.figures!.trafficLight.ao).toEqual({ red: 0, yellow: 2, green: 0 });
  });
});

describe('a whole year (Ene…Dic, 33 columns)', () => {
  it('finds 12 months and computes in columns S, T, AG', () => {
    const { analysis } = run(
      { period: 'ANUAL', months: MONTHS_YEAR, objectives: [oei('01', [aei('01.01', [ao({ prog: new Array(12).fill(1), exec: new Array(12).fill(1), finExec: new Array(12).fill(10) })])])] },
      '2024-03-01',
    );
    expect(analysis.model!.layout.months).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(computedAt(analysis, 'S8')).toBe(12);
    expect(computedAt(analysis, 'T8')).toBe(100);
    expect(computedAt(analysis, 'AG9')).toBe(120);
  });
});
