import type { CellValue } from '../../../src/engine/grid/cell';
import { fromA1 } from '../../../src/engine/grid/a1';
import type { TrafficColor } from '../../../src/engine/model';
import { NUMBER_FORMATS, type ComputedCell, type ComputedKind, type PatchCell } from '../../../src/engine/patch/types';
import { literalText, packBatches, planPatchWrite, TRAFFIC_FILL, writePatch, type FillWrite, type RangeWrite } from '../../../src/hosts/office/write-patch';
import { FakeWorkbook } from './fake-excel';

function computed(a1: string, kind: ComputedKind, value: CellValue, color: TrafficColor | null = null): ComputedCell {
  return { at: fromA1(a1), a1, kind, value, format: NUMBER_FORMATS[kind], color };
}
function patched(c: ComputedCell, old: CellValue = null): PatchCell {
  return { ...c, old };
}
const ranges = (ops: readonly unknown[]): RangeWrite[] => ops.filter((o): o is RangeWrite => (o as RangeWrite).kind === 'values');
const fills = (ops: readonly unknown[]): FillWrite[] => ops.filter((o): o is FillWrite => (o as FillWrite).kind === 'fill');

describe('planPatchWrite', () => {
  const merges = [{ top: 13, left: 13, bottom: 14, right: 13 }]; // N14:N15

  it('writes a column run as one rectangle with null where cells are kept', () => {
    const cells = [computed('M14', 'physical-accumulated', 5), computed('M15', 'physical-accumulated', 4), computed('M18', 'physical-accumulated', 1)];
    const plan = planPatchWrite(cells.map((c) => patched(c)), cells, merges);
    expect(ranges(plan.ops)).toEqual([expect.objectContaining({ top: 13, left: 12, data: [[5], [4], [null], [null], [1]] })]);
    const formats = plan.ops.filter((o) => o.kind === 'numberFormat') as RangeWrite[];
    expect(formats[0].data).toEqual([['#,##0.##'], ['#,##0.##'], [null], [null], ['#,##0.##']]);
    expect(plan.cells).toEqual(['M14', 'M15', 'M18']);
  });

  it('starts a new rectangle past 4 kept rows or at a merged cell', () => {
    const cells = [computed('M1', 'physical-accumulated', 1), computed('M7', 'physical-accumulated', 2), computed('N13', 'aei-physical', 3), computed('N16', 'aei-physical', 4)];
    const plan = planPatchWrite(cells.map((c) => patched(c)), cells, merges);
    expect(ranges(plan.ops).map((r) => [r.top, r.left, r.data.length])).toEqual([
      [0, 12, 1],
      [6, 12, 1],
      [12, 13, 1],
      [15, 13, 1],
    ]);
  });

  it('writes a merged computed cell alone, at its top-left, even when the patch names another cell of it', () => {
    const pct = computed('N15', 'percent', 80, 'yellow');
    const plan = planPatchWrite([patched(pct)], [pct], merges);
    expect(ranges(plan.ops)).toEqual([expect.objectContaining({ top: 13, left: 13, data: [[80]] })]);
    expect(plan.cells).toEqual(['N14']);
    expect(fills(plan.ops)).toEqual([expect.objectContaining({ color: TRAFFIC_FILL.yellow, address: 'N14:N15' })]);
  });

  it('keeps text text: "-" goes out with the apostrophe prefix, S.P. as it is, an empty value clears', () => {
    const cells = [computed('M20', 'physical-accumulated', '-'), computed('M21', 'physical-accumulated', 'S.P.'), computed('M22', 'physical-accumulated', null)];
    expect(ranges(planPatchWrite(cells.map((c) => patched(c, 1)), cells, []).ops)[0].data).toEqual([["'-"], ['S.P.'], ['']]);
    expect(literalText('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(literalText('1,900.00')).toBe("'1,900.00");
    expect(literalText('S.I.')).toBe('S.I.');
  });

  it('fills every AVANCE % and AEI physical cell, patched or not, grouped by colour; clears the ones without colour', () => {
    const cells = [
      computed('N14', 'percent', 100, 'green'),
      computed('N16', 'percent', 100, 'green'),
      computed('N17', 'percent', 100, 'green'),
      computed('N19', 'percent', 'S.P.', null),
      computed('N20', 'aei-physical', 50, 'red'),
      computed('U20', 'aei-financial', 5, null),
    ];
    const plan = planPatchWrite([], cells, merges);
    expect(ranges(plan.ops)).toEqual([]);
    expect(fills(plan.ops).map((f) => [f.color, f.address])).toEqual([
      [TRAFFIC_FILL.red, 'N20'],
      [TRAFFIC_FILL.green, 'N14:N15,N16:N17'],
      [null, 'N19'],
    ]);
  });

  it('splits fill addresses under the 8,192-character limit and packs ops into batches under budget', () => {
    const cells = Array.from({ length: 5_000 }, (_, i) => computed(`N${i * 2 + 1}`, 'percent', 100, 'green'));
    const fillOps = fills(planPatchWrite([], cells, []).ops);
    expect(fillOps.length).toBeGreaterThan(1);
    for (const f of fillOps) expect(f.address.length).toBeLessThanOrEqual(8_192);
    const batches = packBatches(fillOps, 10_000);
    for (const b of batches) expect(b.reduce((n, o) => n + o.bytes, 0)).toBeLessThanOrEqual(10_000);
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
