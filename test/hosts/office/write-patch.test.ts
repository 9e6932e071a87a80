import type { CellValue } from '../../../src/engine/grid/cell';
import { fromA1 } from '../../../src/engine/grid/a1';
import type { TrafficColor } from '../../../src/engine/model';
import { NUMBER_FORMATS, type ComputedCell, type ComputedKind, type PatchCell } from '../../../src/engine/patch/types';
import { writePatch } from './write-one';
import { packBySize } from '../../../src/hosts/office/payload';
import { literalText, planPatchWrite, trafficAreas, type RangeWrite } from '../../../src/hosts/office/write-patch';
import { FakeWorkbook } from './fake-excel';

function computed(a1: string, kind: ComputedKind, value: CellValue, color: TrafficColor | null = null): ComputedCell {
  return { at: fromA1(a1), a1, kind, value, format: NUMBER_FORMATS[kind], color };
}
function patched(c: ComputedCell, old: CellValue = null): PatchCell {
  return { ...c, old };
}
const ranges = (ops: readonly unknown[]): RangeWrite[] => ops.filter((o): o is RangeWrite => (o as RangeWrite).kind === 'values');

describe('planPatchWrite', () => {
  const merges = [{ top: 13, left: 13, bottom: 14, right: 13 }]; // N14:N15

  it('writes a column run as one rectangle with null where cells are kept', () => {
    const cells = [computed('M14', 'physical-accumulated', 5), computed('M15', 'physical-accumulated', 4), computed('M18', 'physical-accumulated', 1)];
    const plan = planPatchWrite(cells.map((c) => patched(c)), merges);
    expect(ranges(plan.ops)).toEqual([expect.objectContaining({ top: 13, left: 12, data: [[5], [4], [null], [null], [1]] })]);
    const formats = plan.ops.filter((o) => o.kind === 'numberFormat') as RangeWrite[];
    expect(formats[0].data).toEqual([['General'], ['General'], [null], [null], ['General']]);
    expect(plan.cells).toEqual(['M14', 'M15', 'M18']);
  });

  it('starts a new rectangle past 4 kept rows, and bridges a whole one-column merged area', () => {
    const cells = [computed('M1', 'physical-accumulated', 1), computed('M7', 'physical-accumulated', 2), computed('N13', 'aei-physical', 3), computed('N16', 'aei-physical', 4)];
    const plan = planPatchWrite(cells.map((c) => patched(c)), merges);
    expect(ranges(plan.ops).map((r) => [r.top, r.left, r.data.length])).toEqual([
      [0, 12, 1],
      [6, 12, 1],
      // N14:N15 is merged and one column wide: the run covers it whole, null over it.
      [12, 13, 4],
    ]);
  });

  it('writes a merged computed cell at its top-left, even when the patch names another cell of it', () => {
    const pct = computed('N15', 'percent', 80, 'yellow');
    const plan = planPatchWrite([patched(pct)], merges);
    expect(ranges(plan.ops)).toEqual([expect.objectContaining({ top: 13, left: 13, data: [[80], [null]] })]);
    expect(plan.cells).toEqual(['N14']);
  });

  it('writes merged AVANCE % cells of a column in one block: the whole areas, null under each top-left', () => {
    const m = [0, 1, 2, 3].map((i) => ({ top: 13 + i * 2, left: 13, bottom: 14 + i * 2, right: 13 }));
    const cells = [0, 1, 2, 3].map((i) => computed(`N${14 + i * 2}`, 'percent', 10 * i, 'red'));
    const plan = planPatchWrite(cells.map((c) => patched(c)), m);
    expect(ranges(plan.ops)).toEqual([expect.objectContaining({ top: 13, left: 13, data: [[0], [null], [10], [null], [20], [null], [30], [null]] })]);
  });

  it('writes a cell of an area wider than one column alone', () => {
    const wide = [{ top: 13, left: 13, bottom: 14, right: 14 }];
    const cells = [computed('N14', 'percent', 5), computed('N16', 'percent', 6)];
    const plan = planPatchWrite(cells.map((c) => patched(c)), wide);
    expect(ranges(plan.ops).map((r) => [r.top, r.left, r.data.length])).toEqual([[15, 13, 1], [13, 13, 1]]);
  });

  it('keeps text text: "-" goes out with the apostrophe prefix, S.P. as it is, an empty value clears', () => {
    const cells = [computed('M20', 'physical-accumulated', '-'), computed('M21', 'physical-accumulated', 'S.P.'), computed('M22', 'physical-accumulated', null)];
    expect(ranges(planPatchWrite(cells.map((c) => patched(c, 1)), []).ops)[0].data).toEqual([["'-"], ['S.P.'], ['']]);
    expect(literalText('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(literalText('1,900.00')).toBe("'1,900.00");
    expect(literalText('S.I.')).toBe('S.I.');
  });

  it('colours every AVANCE % and AEI physical cell, joined into areas per column, patched or not', () => {
    const cells = [
      computed('N14', 'percent', 100, 'green'),
      computed('N16', 'percent', 100, 'green'),
      computed('N17', 'percent', 100, 'green'),
      computed('N19', 'percent', 'S.P.', null),
      computed('O20', 'aei-physical', 50, 'red'),
      computed('U20', 'aei-financial', 5, null),
    ];
    expect(trafficAreas(cells, merges)).toEqual([
      { address: 'N14:N17,N19', origin: 'N14' },
      { address: 'O20', origin: 'O20' },
    ]);
  });

  it('splits the areas under the 8,192-character limit and packs ops into batches under budget', () => {
    const cells = Array.from({ length: 5_000 }, (_, i) => computed(`N${i * 2 + 1}`, 'percent', 100, 'green'));
    const areas = trafficAreas(cells, []);
    expect(areas.length).toBeGreaterThan(1);
    for (const a of areas) expect(a.address.length).toBeLessThanOrEqual(8_192);
    expect(areas.flatMap((a) => a.address.split(','))).toHaveLength(5_000);
    const ops = planPatchWrite(cells.map((c) => patched(c)), []).ops;
    for (const b of packBySize(ops, 10_000)) expect(b.length === 1 || b.reduce((n, o) => n + o.bytes, 0) <= 10_000).toBe(true);
  });
});

describe('writePatch on the fake', () => {
  it('splits a batch Excel refuses for its size and still writes every cell', async () => {
    const book = new FakeWorkbook();
    book.addSheet('S');
    const cells = Array.from({ length: 600 }, (_, i) => computed(`M${i * 6 + 1}`, 'financial-accumulated', 'texto largo '.repeat(900) + i));
    // A budget far above 5 MB makes the planner send one oversized batch.
    const stats = await book.run((ctx) => writePatch(ctx, 'S', cells.map((c) => patched(c)), cells, [], { budgetBytes: 50 * 1024 * 1024 }));
    expect(book.syncs.some((s) => s.request > 5 * 1024 * 1024)).toBe(true);
    expect(stats.cellsWritten).toBe(600);
    expect(book.sheet('S').valueAt('M3595')).toMatch(/599$/);
  });
});
