import { cellAt, type CellValue, type Grid } from '../grid/cell';
import { columnLetters } from '../grid/a1';
import type { Figures } from '../figures';
import type { PoiModel, TrafficColor } from '../model';
import { NUMBER_FORMATS, type ComputedCell, type ComputedKind, type Patch, type PatchCell } from './types';
import { sameValue } from './values';

/**
 * Receives each computed cell: its position, what it holds, its value and its traffic-light
 * colour. `activityEnd` (if given) is called after the few cells of each AO.
 */
export interface ComputedCellSink {
  cell(row: number, col: number, kind: ComputedKind, value: CellValue, color: TrafficColor | null): void;
  activityEnd?(): void;
}

/**
 * The one place that decides which cells of the report are computed, where they are and what
 * they hold: hands each to `sink`, AO by AO (each AO's cells in the order of its rows), then
 * the AEI lines, the totals and the traffic light. computedCells builds them from it;
 * countCellsToWrite only compares them with the sheet.
 */
export function visitComputedCells(model: PoiModel, figures: Figures, sink: ComputedCellSink): void {
  const cols = model.layout.columns;
  const activities = figures.activities;
  // Indexed loops over the AO-sized lists: run once, mostly unoptimised, where a for…of
  // allocates an iterator result per item.
  for (let i = 0; i < activities.length; i++) {
    const f = activities[i];
    const { programmed, executed, percent } = f.activity;
    if (programmed) {
      sink.cell(programmed.row, cols.physicalAccumulated, 'physical-accumulated', f.physicalProgrammed, null);
      sink.cell(programmed.row, cols.financialAccumulated, 'financial-accumulated', f.financialProgrammed, null);
    }
    if (executed) {
      sink.cell(executed.row, cols.physicalAccumulated, 'physical-accumulated', f.physicalExecuted, null);
      sink.cell(executed.row, cols.financialAccumulated, 'financial-accumulated', f.financialExecuted, null);
    }
    if (percent) {
      const at = percent.at;
      sink.cell(at.row, at.col, 'percent', f.percent, f.color);
    }
    sink.activityEnd?.();
  }
  const actions = figures.strategicActions;
  for (let i = 0; i < actions.length; i++) {
    const s = actions[i];
    const { physicalLine, financialLine } = s.strategicAction;
    if (physicalLine) {
      const at = physicalLine.value.at;
      sink.cell(at.row, at.col, 'aei-physical', s.physical, s.color);
    }
    if (financialLine) {
      const at = financialLine.value.at;
      sink.cell(at.row, at.col, 'aei-financial', s.financial, null);
    }
  }
  for (const line of model.totals) {
    const value = figures.totals[line.key];
    if (value === null) continue;
    const at = line.value.at;
    sink.cell(at.row, at.col, 'total', value, null);
  }
  const tl = model.trafficLight;
  for (const [row, counts] of [
    [tl?.aei, figures.trafficLight.aei],
    [tl?.ao, figures.trafficLight.ao],
  ] as const) {
    if (!row) continue;
    for (const color of ['red', 'yellow', 'green'] as const) {
      const at = row.counts[color].at;
      sink.cell(at.row, at.col, 'traffic-light-count', counts[color], null);
    }
  }
}

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
  let first = 0;
  visitComputedCells(model, figures, {
    cell(row, col, kind, value, color) {
      if (row !== lastRow) {
        lastRow = row;
        lastRowText = String(row + 1);
      }
      const a1 = (letters[col] ??= columnLetters(col)) + lastRowText;
      const at = { row, col };
      if (grid) cells.push({ at, a1, kind, value, format: NUMBER_FORMATS[kind], color, old: cellAt(grid, row, col) });
      else cells.push({ at, a1, kind, value, format: NUMBER_FORMATS[kind], color });
    },
    // The AO's few cells in sheet order (stable): the AO follow each other down the sheet,
    // so the final sort meets long runs already in order instead of 50,000 cells to sort.
    activityEnd() {
      inOrder(cells, first);
      first = cells.length;
    },
  });
  return cells.sort(bySheetOrder);
}

/**
 * How many computed cells differ from what the sheet holds: `buildPatch(grid,
 * computedCells(…)).cells.length`, without building a cell (the --json report needs only it).
 */
export function countCellsToWrite(model: PoiModel, figures: Figures, grid: Grid): number {
  let n = 0;
  visitComputedCells(model, figures, {
    cell(row, col, _kind, value) {
      if (!sameValue(cellAt(grid, row, col), value)) n++;
    },
  });
  return n;
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
