import { cellAt, type CellValue, type Grid } from '../grid/cell';
import { readNumber } from '../grid/text';
import type { PoiModel } from '../model';
import type { FlatActivity, FlatLayout, Measure, MonthBlock, Phase } from './types';

/** What the flat rules need of an export: its header, the AO's rows, the grid. */
export interface ExportView {
  readonly flat: FlatLayout;
  readonly grid: Grid;
  readonly months: readonly number[];
  block(measure: Measure, phase: Phase): MonthBlock | null;
  /** Where an AO came from, by its index. */
  source(index: number): FlatActivity;
  value(row: number, col: number): CellValue;
  /** The number a cell holds (text numbers read), null when blank or not a number; no allocation for plain numbers. */
  number(row: number, col: number): number | null;
  /** The period's months of a block (computed once per block). */
  periodColumns(block: MonthBlock): readonly { month: number; col: number }[];
  /** `F(SE) 04 de la fila 38`: the export's own name for a cell. */
  where(row: number, col: number): string;
}

/** The export behind a model, or null for a printed report (flat rules then stay silent). */
export function exportView(model: PoiModel, grid: Grid | undefined): ExportView | null {
  const flat = model.layout.flat;
  const info = model.flat;
  if (!flat || !info || !grid) return null;
  const blocks = blockIndex(flat);
  const periodCols = new Map<MonthBlock, readonly { month: number; col: number }[]>();
  return {
    flat,
    grid,
    months: info.period.months,
    block: (measure, phase) => blocks[measure].get(phase) ?? null,
    source: (index) => info.activities[index],
    value: (row, col) => cellAt(grid, row, col),
    number: (row, col) => numberIn(cellAt(grid, row, col)),
    periodColumns: (block) => {
      let cols = periodCols.get(block);
      if (!cols) periodCols.set(block, (cols = periodColumns(block, info.period.months)));
      return cols;
    },
    where: (row, col) => `${flat.labels[col] || 'la columna'} de la fila ${row + 1}`,
  };
}

/** A month of a block within the period: its number and column. */
export function periodColumns(block: MonthBlock, months: readonly number[]): { month: number; col: number }[] {
  return months.map((month) => ({ month, col: block.months[month - 1] })).filter((m) => m.col >= 0);
}

/** readNumber's value, without allocating for the common plain number or blank. */
export function numberIn(v: CellValue): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (v === null) return null;
  return readNumber(v).value;
}

/** Blocks by measure then phase: looked up per AO, so without building a name each time. */
export function blockIndex(flat: FlatLayout): Readonly<Record<Measure, ReadonlyMap<Phase, MonthBlock>>> {
  const index = { F: new Map<Phase, MonthBlock>(), Fn: new Map<Phase, MonthBlock>() };
  for (const b of flat.blocks) index[b.measure].set(b.phase, b);
  return index;
}
