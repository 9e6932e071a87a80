import { analyze } from '../../src/engine';
import { aei, ao, oei, poiSheet } from '../fixtures/poi-sheet';
import { applyPatch, valueAt } from './helpers';

const spec = {
  objectives: [
    oei('01', [
      aei('01.01', [
        ao({ prog: [1, 1, 1, 5, 5, 5], exec: [1, 1, 1, 1, 0, 0], finProg: [100, 100, 100, 300, 300, 300], finExec: [90, 0, 0, 0, 0, 0] }),
        ao({ prog: [0, 0, 0, 0, 0, 0], exec: [0, 0, 0, 0, 0, 0] }),
      ]),
    ]),
  ],
};
const opts = { fechaCorte: '2023-08-15', sheet: 'Reporte POI' };

describe('the patch', () => {
  const grid = poiSheet(spec).toGrid();
  const before = JSON.stringify(grid);
  const first = analyze(grid, opts);

  it('holds only computed cells, never an input cell', () => {
    const computed = new Set(first.computed.map((c) => c.a1));
    for (const c of first.patch.cells) expect(computed.has(c.a1)).toBe(true);
    const inputs = first.model!.activities.flatMap((a) => [a.programmed!, a.executed!].flatMap((r) => [...r.physical, ...r.financial]));
    const inputCells = new Set(inputs.map((m) => `${m.at.row}:${m.at.col}`));
    for (const c of first.patch.cells) expect(inputCells.has(`${c.at.row}:${c.at.col}`)).toBe(false);
  });
  it('records in every computed cell what the sheet holds, and writes those same cells', () => {
    for (const c of first.computed) expect(c.old).toBe(valueAt(grid, c.a1));
    const computed = new Set(first.computed);
    for (const c of first.patch.cells) expect(computed.has(c)).toBe(true);
  });
  it('fills the blank computed cells with the old value recorded', () => {
    expect(first.patch.cells.map((c) => [c.a1, c.value, c.old])).toEqual(
      expect.arrayContaining([
        ['M8', 18, null],
        ['N8', 22.22, null],
        ['U8', 1200, null],
        ['M9', 4, null],
        ['U9', 90, null],
        ['M10', 'S.P.', null],
        ['N10', 'S.P.', null],
      ]),
    );
  });
  it('does not change the grid it reads', () => {
    expect(JSON.stringify(grid)).toBe(before);
  });
  it('is empty on a second run over the written result', () => {
    const written = applyPatch(grid, first);
    expect(valueAt(written, 'N8')).toBe(22.22);
    const second = analyze(written, opts);
    expect(second.patch.cells).toEqual([]);
    expect(second.observations.filter((o) => o.severity === 'error')).toEqual([]);
  });
  it('leaves out a stated cell that already holds the value, even as text', () => {
    const sheet = poiSheet({ objectives: [oei('01', [aei('01.01', [ao({ prog: [2, 0, 0, 0, 0, 0], exec: [1, 0, 0, 0, 0, 0], progAcc: '2', percent: 50 })])])] });
    const a = analyze(sheet.toGrid(), opts);
    expect(a.patch.cells.map((c) => c.a1)).not.toContain('M8');
    expect(a.patch.cells.map((c) => c.a1)).not.toContain('N8');
  });
  it('counts the cells to write as the patch holds them, whether none, some or all are right', () => {
    expect(first.cellsToWrite).toBe(first.patch.cells.length);
    expect(first.cellsToWrite).toBeGreaterThan(0);
    const some = analyze(
      poiSheet({ objectives: [oei('01', [aei('01.01', [ao({ prog: [2, 0, 0, 0, 0, 0], exec: [1, 0, 0, 0, 0, 0], progAcc: '2', percent: 57 })])])] }).toGrid(),
      opts,
    );
    expect(some.patch.cells.map((c) => c.a1)).toContain('N8');
    expect(some.patch.cells.map((c) => c.a1)).not.toContain('M8');
    expect(some.cellsToWrite).toBe(some.patch.cells.length);
    const second = analyze(applyPatch(grid, first), opts);
    expect(second.cellsToWrite).toBe(0);
  });
  it('hands back the same computed cells and patch on every read, also through a copy', () => {
    expect(first.computed).toBe(first.computed);
    expect(first.patch).toBe(first.patch);
    const copy = { ...first };
    expect(copy.computed).toBe(first.computed);
    expect(copy.patch).toBe(first.patch);
    // A structured clone (a worker's message) carries the cells as it carries the plain fields.
    const cloned = structuredClone(first);
    expect(cloned.computed).toEqual(first.computed);
    expect(cloned.patch.cells).toEqual(first.patch.cells);
    expect(cloned.cellsToWrite).toBe(first.patch.cells.length);
  });
  it('replaces a wrong stated value and the rule reports it on that cell', () => {
    const sheet = poiSheet({ objectives: [oei('01', [aei('01.01', [ao({ prog: [2, 0, 0, 0, 0, 0], exec: [1, 0, 0, 0, 0, 0], percent: 57 })])])] });
    const a = analyze(sheet.toGrid(), opts);
    expect(a.patch.cells.find((c) => c.a1 === 'N8')).toMatchObject({ value: 50, old: 57 });
    expect(a.observations).toContainEqual(
      expect.objectContaining({ rule: 'stated-percent', cell: 'N8', row: 8, severity: 'error', message: 'AVANCE % dice 57; según los meses es 50.', expected: 50, found: 57 }),
    );
  });
});

const PLAIN = { prog: [1, 1, 1, 5, 5, 5], exec: [1, 1, 1, 1, 0, 0] };

describe('the computed cells', () => {
  it('come in sheet order, the AEI lines and totals among the AO that follow them', () => {
    const two = {
      objectives: [
        oei('01', [aei('01.01', [ao(PLAIN), ao(PLAIN)]), aei('01.02', [ao({ ...PLAIN, exec: [0, 0, 0, 0, 0, 0] })])]),
        oei('02', [aei('02.01', [ao(PLAIN)])]),
      ],
    };
    const { computed } = analyze(poiSheet(two).toGrid(), opts);
    const rows = computed.map((c) => c.at.row);
    const kinds = new Set(computed.map((c) => c.kind));
    expect(kinds).toEqual(new Set(['physical-accumulated', 'financial-accumulated', 'percent', 'aei-physical', 'aei-financial', 'total', 'traffic-light-count']));
    // An AEI line sits above an AO row of the list: the AO and the rest do interleave.
    const firstAei = computed.findIndex((c) => c.kind === 'aei-physical');
    const lastAo = computed.map((c) => c.kind).lastIndexOf('percent');
    expect(firstAei).toBeLessThan(lastAo);
    const sorted = [...computed].sort((a, b) => a.at.row - b.at.row || a.at.col - b.at.col);
    expect(computed).toEqual(sorted);
    expect(rows).toEqual([...rows].sort((a, b) => a - b));
  });
});
