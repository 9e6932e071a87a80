import { analyze, defaultPeriod, describePeriod, findLayout, InvalidOptionsError, parsePeriod } from '../../../src/engine';
import { aei, ao as printedAo, oei, poiSheet } from '../../fixtures/poi-sheet';
import { flatExport, realHeader, type ExportActivity } from '../../fixtures/flat-export';

const ao = (over: Partial<ExportActivity> = {}): ExportActivity => ({
  code: 'AOI30126400001',
  oei: 'OEI.01',
  aei: 'AEI.01.01',
  physical: { A: [2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2], RE: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1], SE: [1, 1, 1, 1, 0, 1] },
  financial: { A: [100, 100, 100, 100, 100, 100], SE: [50, 50, 50, 50, 50, 50] },
  ...over,
});

const S1 = { fechaCorte: '2025-08-15', sheet: 'POI_Por_ActividadOperativaAnual', period: 'S1' } as const;

describe('the flat export read as a second layout', () => {
  it('has the real header: 279 columns', () => {
    expect(realHeader()).toHaveLength(279);
  });

  it('is recognised with its header in row 2 and says which layout it is', () => {
    const built = flatExport({ activities: [ao()] });
    const layout = findLayout(built.grid)!;
    expect(layout.kind).toBe('exportacion');
    expect(layout.headerRow).toBe(1);
    expect(layout.year).toBe(2025);
    const a = analyze(built.grid, S1);
    expect(a.layout).toBe('exportacion');
    expect(a.period).toMatchObject({ code: 'S1', months: [1, 2, 3, 4, 5, 6], source: 'opcion' });
    expect(a.patch.cells).toEqual([]);
    expect(a.computed).toEqual([]);
  });

  it('reads programmed from F(RE) (the first phase with values), money from Fn(A), executed from SE, with the export cells', () => {
    const built = flatExport({ activities: [ao()] });
    const a = analyze(built.grid, S1);
    const act = a.model!.activities[0];
    expect(act.code).toBe('AOI30126400001');
    expect(act.programmed!.physical.map((m) => m.value)).toEqual([1, 1, 1, 1, 1, 1]);
    expect(act.executed!.physical[3].at).toEqual({ row: 2, col: built.col('F(SE) 04') });
    expect(a.model!.flat!.activities[0]).toMatchObject({ rows: [2], programmedPhase: 'RE', financialProgrammedPhase: 'A' });
    const f = a.figures!.activities[0];
    expect(f.physicalProgrammed).toBe(6);
    expect(f.physicalExecuted).toBe(5);
    expect(f.percent).toBe(83.33);
    expect(f.financialProgrammed).toBe(600);
    expect(f.financialExecuted).toBe(300);
  });

  it('finds columns by label in any order and with any header row among the first 10', () => {
    for (const spec of [{ order: 'reversed' as const }, { order: 7 }, { headerRow: 6 }, { headerRow: 0 }]) {
      const a = analyze(flatExport({ activities: [ao()], ...spec }).grid, S1);
      expect(a.figures!.activities[0].percent).toBe(83.33);
    }
  });

  it('reads any subset of phase blocks', () => {
    const only = flatExport({ activities: [ao({ physical: { CS: [4, 4, 4, 4, 4, 4], SE: [2, 2, 2, 2, 2, 2] } })], phases: ['CS', 'SE'] });
    const a = analyze(only.grid, S1);
    expect(a.model!.flat!.activities[0].programmedPhase).toBe('CS');
    expect(a.figures!.activities[0].percent).toBe(50);
  });

  it('forces a phase when asked', () => {
    const a = analyze(flatExport({ activities: [ao()] }).grid, { ...S1, programmedPhase: 'A' });
    expect(a.model!.flat!.activities[0].programmedPhase).toBe('A');
    expect(a.figures!.activities[0].physicalProgrammed).toBe(12);
  });

  it('sums an AO split over UBIGEO rows within one UE, and keeps AO of two UE apart', () => {
    const built = flatExport({
      activities: [
        ao({ split: 3, physical: { RE: [9, 9, 9, 9, 9, 9], SE: [3, 3, 3, 3, 3, 3] } }),
        ao({ ue: '002', physical: { RE: [1, 1, 1, 1, 1, 1], SE: [1, 1, 1, 1, 1, 1] } }),
      ],
    });
    const a = analyze(built.grid, S1);
    expect(a.model!.activities).toHaveLength(2);
    expect(a.model!.flat!.activities.map((x) => x.rows)).toEqual([[2, 3, 4], [5]]);
    expect(a.figures!.activities.map((f) => f.physicalProgrammed)).toEqual([54, 6]);
    expect(a.figures!.activities[0].percent).toBe(33.33);
  });

  it('leaves a month blank for the AO when one of its rows leaves it blank (S.I. once its deadline passed)', () => {
    const built = flatExport({
      activities: [ao({ split: 2, physical: { RE: [2, 2, 2, 2, 2, 2], SE: [2, 2, 2, 2, 2, 2] }, rowCells: [{}, { 'F(SE) 03': null }] })],
    });
    const a = analyze(built.grid, S1);
    expect(a.model!.activities[0].executed!.physical[2].value).toBeNull();
    expect(a.figures!.activities[0].status).toBe('S.I.');
    expect(a.figures!.activities[0].missingMonths).toEqual([3]);
  });

  it('reads every aggregation type (flat-export.md §2.4)', () => {
    const cases: [string, string, string | null][] = [
      ['SI', 'ANUAL', 'Acumulado Anual'],
      ['SI', 'MENSUAL', 'Acumulado Mensual'],
      ['NO', 'ANUAL', 'No Acumulado'],
      ['NO', 'Acumulado Mensual', 'Acumulado Mensual'],
      ['QUIZÁ', 'ANUAL', null],
    ];
    const built = flatExport({ activities: cases.map(([accumulated, tipo], i) => ao({ code: `AOI${i}`, accumulated, tipo })) });
    const a = analyze(built.grid, S1);
    expect(a.model!.activities.map((x) => x.aggregationType)).toEqual(cases.map((c) => c[2]));
    expect(a.figures!.activities.map((f) => f.physicalExecuted)).toEqual([5, 1, '-', 1, 5]);
  });

  it('takes the year from POI for the S.I. deadlines', () => {
    const built = flatExport({ year: 2024, activities: [ao({ physical: { RE: [1, 1, 1, 1, 1, 1], SE: [1, 1, 1, 1, 1, null] } })] });
    expect(analyze(built.grid, { ...S1, fechaCorte: '2024-08-01' }).figures!.activities[0].status).toBe('S.I.');
    expect(analyze(built.grid, { ...S1, fechaCorte: '2024-07-31' }).figures!.activities[0].status).toBe('ok');
  });

  it('builds OEI → AEI → AO from the OEI and AEI columns, in code order', () => {
    const built = flatExport({
      activities: [
        ao({ code: 'AOI3', oei: 'OEI.02', aei: 'AEI.02.01' }),
        ao({ code: 'AOI1', oei: 'OEI.01', aei: 'AEI.01.02' }),
        ao({ code: 'AOI2', oei: 'OEI.01', aei: 'AEI.01.01' }),
        ao({ code: 'AOI4', oei: 'OEI.01', aei: 'AEI.01.02' }),
      ],
    });
    const m = analyze(built.grid, S1).model!;
    expect(m.objectives.map((o) => [o.code, o.strategicActions.map((s) => [s.code, s.activities.map((x) => x.code)])])).toEqual([
      ['OEI.01', [['AEI.01.01', ['AOI2']], ['AEI.01.02', ['AOI1', 'AOI4']]]],
      ['OEI.02', [['AEI.02.01', ['AOI3']]]],
    ]);
    expect(m.strategicActions.map((s) => s.objectiveCode)).toEqual(['OEI.01', 'OEI.01', 'OEI.02']);
  });
});

describe('the period', () => {
  const built = flatExport({ activities: [ao()] });
  it.each([
    ['S1', [1, 2, 3, 4, 5, 6]],
    ['s2', [7, 8, 9, 10, 11, 12]],
    ['anual', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]],
    ['03', [1, 2, 3]],
    ['9', [1, 2, 3, 4, 5, 6, 7, 8, 9]],
  ])('%s counts months %j', (period, months) => {
    const a = analyze(built.grid, { fechaCorte: '2026-03-01', period });
    expect(a.period!.months).toEqual(months);
    expect(a.model!.activities[0].programmed!.physical).toHaveLength(months.length);
  });

  it.each([
    ['2025-03-15', '01'],
    ['2025-05-01', '03'],
    ['2025-07-31', '05'],
    ['2025-08-01', 'S1'],
    ['2026-01-31', 'S1'],
    ['2026-02-01', 'anual'],
  ])('on fecha de corte %s is %s when not given', (fechaCorte, code) => {
    const a = analyze(built.grid, { fechaCorte });
    expect(a.period).toMatchObject({ code, source: 'fecha-corte' });
  });

  it('rejects a bad period or phase with a Spanish message', () => {
    expect(() => analyze(built.grid, { fechaCorte: '2025-08-15', period: 'T3' })).toThrow(InvalidOptionsError);
    expect(() => analyze(built.grid, { fechaCorte: '2025-08-15', period: '13' })).toThrow(/periodo «13» no es válido/);
    expect(() => analyze(built.grid, { fechaCorte: '2025-08-15', programmedPhase: 'SE' as never })).toThrow(/RE, CS, AJ o A/);
  });

  it('is the header months for a printed report, which says it is one', () => {
    const a = analyze(poiSheet({ objectives: [oei('01', [aei('01.01', [printedAo({ prog: [1, 1, 1, 1, 1, 1], exec: [1, 1, 1, 1, 1, 1] })])])] }).toGrid(), { fechaCorte: '2023-08-15', period: 'anual' });
    expect(a.layout).toBe('reporte');
    expect(a.period).toMatchObject({ code: 'S1', months: [1, 2, 3, 4, 5, 6], title: 'PRIMER SEMESTRE', source: 'reporte' });
  });
});

describe('bad input', () => {
  it('an export without Actividad Operativa ID says what it found and what is missing', () => {
    const built = flatExport({ activities: [ao()], drop: ['Actividad Operativa ID'] });
    const a = analyze(built.grid, S1);
    expect(a.model).toBeNull();
    expect(a.observations).toHaveLength(1);
    expect(a.observations[0]).toMatchObject({ rule: 'header-not-found', severity: 'error', cell: 'A2' });
    expect(a.observations[0].message).toMatch(/parece una exportación del Aplicativo CEPLAN \(se encontró POI, UE ID, OEI, AEI.*los bloques F\(A\).*pero falta la columna «Actividad Operativa ID»/);
  });

  it('an export without month blocks says so', () => {
    const header = realHeader().filter((h) => !/^Fn?\(/.test(h));
    const rows = [[], header, header.map(() => 'x')];
    const a = analyze({ rows, merges: [] }, S1);
    expect(a.observations).toHaveLength(1);
    expect(a.observations[0].message).toMatch(/se encontró .*Actividad Operativa ID.*pero faltan los bloques de meses/);
  });
});

describe('describePeriod', () => {
  it('says which months count and why, in Spanish', () => {
    expect(describePeriod(defaultPeriod(2025, '2025-08-15'), '2025-08-15')).toBe(
      'Periodo: PRIMER SEMESTRE (enero a junio), elegido por la fecha de corte 2025-08-15 (use --periodo S1, S2, anual o MM para otro).',
    );
    expect(describePeriod(parsePeriod('03')!, '2025-08-15')).toBe('Periodo: ENERO A MARZO.');
    expect(describePeriod(parsePeriod('1')!, '2025-08-15')).toBe('Periodo: ENERO.');
  });
});
