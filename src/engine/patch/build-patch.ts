import { cellAt, type Address, type CellValue, type Grid } from '../grid/cell';
import { columnLetters } from '../grid/a1';
import type { Figures } from '../figures';
import type { PoiModel, TrafficColor } from '../model';
import { NUMBER_FORMATS, type ComputedCell, type ComputedKind, type Patch, type PatchCell } from './types';
import { sameValue } from './values';

/**
 * Every computed cell of the report with its value: the only cells the tool may write. With
 * the sheet, each cell also carries what the sheet holds there (`old`), and buildPatch then
 * hands on the same objects.
 */
export function computedCells(model: PoiModel, figures: Figures, grid?: Grid): ComputedCell[] {
  const cells: ComputedCell[] = [];
  // A handful of columns hold every computed cell: their letters once, not per cell. An AO's
  // cells sit on two rows: the row's number is written once for the cells in a row.
  const letters: string[] = [];
  let lastRow = -1;
  let lastRowText = '';
  const add = (at: Address, kind: ComputedKind, value: CellValue, color: TrafficColor | null = null): void => {
    if (at.row !== lastRow) {
      lastRow = at.row;
      lastRowText = String(at.row + 1);
    }
    const a1 = (letters[at.col] ??= columnLetters(at.col)) + lastRowText;
    if (grid) cells.push({ at, a1, kind, value, format: NUMBER_FORMATS[kind], color, old: cellAt(grid, at.row, at.col) });
    else cells.push({ at, a1, kind, value, format: NUMBER_FORMATS[kind], color });
  };
  const cols = model.layout.columns;
  const activities = figures.activities;
  for (let i = 0; i < activities.length; i++) {
    const f = activities[i];
    const { programmed, executed, percent } = f.activity;
    const first = cells.length;
    if (programmed) {
      add({ row: programmed.row, col: cols.physicalAccumulated }, 'physical-accumulated', f.physicalProgrammed);
      add({ row: programmed.row, col: cols.financialAccumulated }, 'financial-accumulated', f.financialProgrammed);
    }
    if (executed) {
      add({ row: executed.row, col: cols.physicalAccumulated }, 'physical-accumulated', f.physicalExecuted);
      add({ row: executed.row, col: cols.financialAccumulated }, 'financial-accumulated', f.financialExecuted);
    }
    if (percent) add(percent.at, 'percent', f.percent, f.color);
    // The AO's few cells in sheet order (stable): the AO follow each other down the sheet,
    // so the final sort meets long runs already in order instead of 50,000 cells to sort.
    inOrder(cells, first);
  }
  for (const s of figures.strategicActions) {
    const { physicalLine, financialLine } = s.strategicAction;
    if (physicalLine) add(physicalLine.value.at, 'aei-physical', s.physical, s.color);
    if (financialLine) add(financialLine.value.at, 'aei-financial', s.financial);
  }
  for (const line of model.totals) {
    const value = figures.totals[line.key];
    if (value !== null) add(line.value.at, 'total', value);
  }
  const tl = model.trafficLight;
  for (const [row, counts] of [
    [tl?.aei, figures.trafficLight.aei],
    [tl?.ao, figures.trafficLight.ao],
  ] as const) {
    if (!row) continue;
    for (const color of ['red', 'yellow', 'green'] as const) add(row.counts[color].at, 'traffic-light-count', counts[color]);
  }
  return cells.sort(bySheetOrder);
}

const bySheetOrder = (a: ComputedCell, b: ComputedCell): number => a.at.row - b.at.row || a.at.col - b.at.col;

/** Stable insertion sort of `cells[from…]` by sheet order (a handful of cells). */
function inOrder(cells: ComputedCell[], from: number): void {
  for (let i = from + 1; i < cells.length; i++) {
    const c = cells[i];
    let j = i - 1;
    while (j >= from && bySheetOrder(cells[j], c) > 0) {
      cells[j + 1] = cells[j];
      j--;
    }
    cells[j + 1] = c;
  }
}

/** The computed cells whose value differs from what the sheet holds. */
export function buildPatch(grid: Grid, computed: readonly ComputedCell[]): Patch {
  const cells: PatchCell[] = [];
  // Indexed loops over the AO-sized lists: run once, mostly unoptimised, where a for…of
  // allocates an iterator result per item.
  for (let i = 0; i < computed.length; i++) {
    const c = computed[i];
    const old = cellAt(grid, c.at.row, c.at.col);
    if (sameValue(old, c.value)) continue;
    // A cell that already carries this old value is written as it is.
    cells.push(c.old === old ? (c as PatchCell) : { at: c.at, a1: c.a1, kind: c.kind, value: c.value, format: c.format, color: c.color, old });
  }
  return { cells };
}
