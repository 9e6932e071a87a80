import type { ActivityFigures } from '../figures';
import { PHYSICAL_PROGRESS, rowBlockCells } from './cells';
import type { Layout } from '../model';

/** Months (short labels) whose EJECUTADO físico is above zero: the AO moved, whatever its type. */
export function monthsWithPhysicalProgress(f: ActivityFigures, layout: Layout): string[] {
  const row = f.activity.executed;
  if (!row) return [];
  return rowBlockCells(row, 'físico', layout, undefined, PHYSICAL_PROGRESS)
    .filter((m) => m.cell.value !== null && m.cell.value > 0)
    .map((m) => m.monthLabel);
}

/** A ratio as a whole percentage for a message: 2.6667 → 267. */
export const wholePercent = (ratio: number): number => Math.round(ratio * 100);
