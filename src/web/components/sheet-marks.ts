import { fromA1 } from '../../engine/grid/a1';
import type { Observation, Severity } from '../../engine/observation';
import type { ComputedCell } from '../../engine/patch/types';
import type { AnalysisSummary } from '../../app/contract';

/** What the grid shows on a cell besides its value. */
export interface CellMark {
  computed?: ComputedCell;
  /** The most severe observation on the cell. */
  severity?: Severity;
  observations?: Observation[];
}

const RANK: Readonly<Record<Severity, number>> = { error: 3, warning: 2, info: 1 };

/** Columns per row in a cell key; Excel's maximum. */
export const KEY_COLS = 16384;
export const cellKey = (row: number, col: number): number => row * KEY_COLS + col;

/** Computed cells and observations by cell, for O(1) lookup while rendering. */
export function cellMarks(summary: AnalysisSummary | null): ReadonlyMap<number, CellMark> {
  const marks = new Map<number, CellMark>();
  if (!summary) return marks;
  const at = (key: number): CellMark => {
    let m = marks.get(key);
    if (!m) marks.set(key, (m = {}));
    return m;
  };
  for (const c of summary.computed) at(cellKey(c.at.row, c.at.col)).computed = c;
  for (const o of summary.observations) {
    if (o.sheet && o.sheet !== summary.sheet) continue;
    let pos;
    try {
      pos = fromA1(o.cell);
    } catch {
      continue; // an observation without a usable address has no cell to mark
    }
    const m = at(cellKey(pos.row, pos.col));
    (m.observations ??= []).push(o);
    if (!m.severity || RANK[o.severity] > RANK[m.severity]) m.severity = o.severity;
  }
  return marks;
}
