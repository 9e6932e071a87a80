import { analyze, findLayout } from '../../src/engine';
import { CELL_BLANK, CELL_NOT_A_NUMBER, CELL_POSITIVE, CELL_TEXT_NUMBER, CELL_UNDER_MERGE } from '../../src/engine/model';
import { aei, ao, MONTHS_S2, oei, poiSheet } from '../fixtures/poi-sheet';
import { computedAt, run } from './helpers';

const small = [oei('01', [aei('01.01', [ao({ prog: [1, 1, 0, 0, 0, 0], exec: [1, 0, 0, 0, 0, 0] })])])];

describe('layout found by its labels', () => {
  it('finds the first-semester header and its columns', () => {
    const layout = findLayout(poiSheet({ objectives: small }).toGrid())!;
    expect(layout.headerRow).toBe(3);
    expect(layout.monthNames).toEqual(['Ene', 'Feb', 'Mar', 'Abr', 'May', 'Jun']);
    expect(layout.columns).toMatchObject({ label: 0, progEje: 5, physicalAccumulated: 12, percent: 13, financialAccumulated: 20 });
    expect(layout.period).toBe('PRIMER SEMESTRE');
    expect(layout.year).toBe(2023);
  });
  it('accepts labels without accents, other case and spacing', () => {
    const layout = findLayout(poiSheet({ objectives: small, headerVariant: 'plain' }).toGrid());
    expect(layout?.columns.progEje).toBe(5);
  });
  it('reads a second semester (Jul…Dic) and full month names', () => {
    const months = ['Julio', 'Agosto', 'Setiembre', 'Octubre', 'Noviembre', 'Diciembre'];
    const layout = findLayout(poiSheet({ period: 'SEGUNDO SEMESTRE', months, objectives: small }).toGrid())!;
    expect(layout.months).toEqual([7, 8, 9, 10, 11, 12]);
    expect(layout.monthNames).toEqual(MONTHS_S2);
    expect(layout.period).toBe('SEGUNDO SEMESTRE');
  });
  it('finds the header when the columns are shifted right', () => {
    const grid = poiSheet({ objectives: small }).toGrid();
    const shifted = { rows: grid.rows.map((r) => [null, null, ...(r ?? [])]), merges: [] };
    const { analysis } = { analysis: analyze(shifted, { fechaCorte: '2023-08-15' }) };
    expect(analysis.model!.layout.columns.label).toBe(2);
    expect(computedAt(analysis, 'O8')).toBe(2);
  });
  it('returns null and a header-not-found observation on another sheet', () => {
    const grid = { rows: [['Nombre', 'Monto'], ['a', 1]], merges: [] };
    expect(findLayout(grid)).toBeNull();
    const a = analyze(grid, { fechaCorte: '2023-08-15', sheet: 'Datos' });
    expect(a.model).toBeNull();
    expect(a.observations).toEqual([expect.objectContaining({ rule: 'header-not-found', severity: 'error', cell: 'A1' })]);
    expect(a.patch.cells).toEqual([]);
  });
  it('rejects a fecha de corte that is not a date', () => {
    expect(() => analyze({ rows: [], merges: [] }, { fechaCorte: '2023-02-30' })).toThrow('AAAA-MM-DD');
  });
});

describe('what real workbooks do', () => {
  it('skips titles and headers repeated on every printed page', () => {
    const activities = Array.from({ length: 7 }, (_, i) => ao({ code: `AOI${i + 1}`, prog: [1, 0, 0, 0, 0, 0], exec: [1, 0, 0, 0, 0, 0] }));
    const { analysis } = run({ repeatHeaderEvery: 4, objectives: [oei('01', [aei('01.01', activities)])] });
    expect(analysis.model!.activities.map((a) => a.code)).toEqual(activities.map((a) => a.code));
    expect(analysis.model!.layout.repeatedHeaderRows.length).toBeGreaterThan(0);
    expect(analysis.model!.strayRows).toEqual([]);
    expect(analysis.figures!.totals.physicalAverage).toBe(100);
  });
  it('lists every repeated header, the exact copies and one that differs in a cell', () => {
    const activities = Array.from({ length: 9 }, (_, i) => ao({ code: `AOI${i + 1}`, prog: [1, 0, 0, 0, 0, 0], exec: [1, 0, 0, 0, 0, 0] }));
    const grid = poiSheet({ repeatHeaderEvery: 2, objectives: [oei('01', [aei('01.01', activities)])] }).toGrid();
    const layout = findLayout(grid)!;
    const first = layout.headerRows.map((r) => JSON.stringify(grid.rows[r]));
    const last = layout.headerRows[layout.headerRows.length - 1];
    const copies = grid.rows.flatMap((r, i) => (i > last && first.includes(JSON.stringify(r)) ? [i] : []));
    expect(copies.length).toBeGreaterThan(4);
    // The third copy of the first header row carries a page note far right.
    const rows = grid.rows.map((r) => (r ? [...r] : r));
    const noted = copies.filter((i) => JSON.stringify(grid.rows[i]) === first[0])[2];
    rows[noted] = [...rows[noted]!, null, null, 'Página 3'];
    const analysis = analyze({ rows, merges: grid.merges }, { fechaCorte: '2023-08-15' });
    expect(analysis.model!.layout.repeatedHeaderRows).toEqual(copies);
    expect(analysis.model!.activities.map((a) => a.code)).toEqual(activities.map((a) => a.code));
    expect(analysis.model!.strayRows).toEqual([]);
  });
  it('reads an AO code without its spaces and in upper case, however the label writes it', () => {
    const labels = [
      'AOI30126400001 - UNA',
      'aoi30126400002 - DOS',
      'AOI 30126400003 – TRES',
      'ao\u00a030126400004-cuatro',
      'AO 5 - CINCO',
      'AOI30126400006 -   SEIS Y  MEDIO',
      'AO7 - SIETE - OCHO',
      'AOI8  - NUEVE',
    ];
    const spec = { objectives: [oei('01', [aei('01.01', labels.map((label) => ao({ label, prog: [1, 0, 0, 0, 0, 0], exec: [1, 0, 0, 0, 0, 0] })))])] };
    const a = analyze(poiSheet(spec).toGrid(), { fechaCorte: '2023-08-15' });
    expect(a.model!.activities.map((x) => [x.code, x.name])).toEqual([
      ['AOI30126400001', 'UNA'],
      ['AOI30126400002', 'DOS'],
      ['AOI30126400003', 'TRES'],
      ['AO30126400004', 'cuatro'],
      ['AO5', 'CINCO'],
      ['AOI30126400006', 'SEIS Y  MEDIO'],
      ['AO7', 'SIETE - OCHO'],
      ['AOI8', 'NUEVE'],
    ]);
  });
  it('skips blank rows and reads numbers stored as text', () => {
    const sheet = poiSheet({ objectives: [oei('01', [aei('01.01', [ao({ prog: [' 5 ', '1,900.00', 0, 0, 0, 0], exec: ['5', 1900, 0, 0, 0, 0] })])])] });
    const grid = sheet.toGrid();
    const rows = [...grid.rows];
    rows.splice(7, 0, [], [null, '', '  ']);
    const a = analyze({ rows, merges: [] }, { fechaCorte: '2023-08-15' });
    expect(computedAt(a, 'M10')).toBe(1905);
    expect(computedAt(a, 'N10')).toBe(100);
  });
  it('keeps every value with its address', () => {
    const { analysis } = run({ objectives: small });
    const act = analysis.model!.activities[0];
    expect(act.label.at).toEqual({ row: 7, col: 0 });
    expect(act.executed!.physical[0].at).toEqual({ row: 8, col: 6 });
    expect(act.percent!.at).toEqual({ row: 7, col: 13 });
    expect(act.strategicActionCode).toBe('AEI.01.01');
    expect(act.objectiveCode).toBe('OEI.01');
  });
  it('gives each month cell as the sheet holds it: numbers, blanks, text numbers, text and a value under a merge', () => {
    const grid = poiSheet({ objectives: [oei('01', [aei('01.01', [ao({ prog: [1, 1, 1, 1, 1, 1], exec: [1, null, '2,500.00', 'n/a', 7, 0] })])])] }).toGrid();
    // J9:K9 merged: the 7 in K9 hides under «n/a».
    const analysis = analyze({ rows: grid.rows, merges: [...grid.merges, { top: 8, left: 9, bottom: 8, right: 10 }] }, { fechaCorte: '2023-08-15' });
    const row = analysis.model!.activities[0].executed!;
    const expected = [
      { raw: 1, value: 1, problem: undefined },
      { raw: null, value: null, problem: undefined },
      { raw: '2,500.00', value: 2500, problem: 'text-number' },
      { raw: 'n/a', value: null, problem: 'not-a-number' },
      { raw: 7, value: null, problem: 'under-merge' },
      { raw: 0, value: 0, problem: undefined },
    ];
    const seen = (c: { raw: unknown; value: unknown; problem?: unknown; at: unknown }): unknown => ({ raw: c.raw, value: c.value, problem: c.problem, at: c.at });
    const one = expected.map((_, i) => seen(row.monthCell('physical', i)));
    expect(one).toEqual(expected.map((e, i) => ({ ...e, at: { row: 8, col: 6 + i } })));
    expect(row.physical.map(seen)).toEqual(one);
    expect(expected.map((_, i) => row.monthBits('physical', i))).toEqual([CELL_POSITIVE, CELL_BLANK, CELL_TEXT_NUMBER | CELL_POSITIVE, CELL_NOT_A_NUMBER, CELL_UNDER_MERGE, 0]);
    expect(row.physicalBits).toBe(CELL_POSITIVE | CELL_BLANK | CELL_TEXT_NUMBER | CELL_NOT_A_NUMBER | CELL_UNDER_MERGE);
    const into = new Float64Array(6);
    expect(row.monthValues('physical', into)).toBe(6);
    expect([...into]).toEqual([1, 0, 2500, 0, 0, 0]);
    expect(analysis.figures!.activities[0].physicalExecuted).toBe(2501);
  });
});
