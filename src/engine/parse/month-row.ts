import type { Address, CellValue } from '../grid/cell';
import { readNumber, type ReadNumber } from '../grid/text';
import {
  CELL_BLANK,
  CELL_NEGATIVE,
  CELL_NOT_A_NUMBER,
  CELL_POSITIVE,
  CELL_TEXT_NUMBER,
  CELL_UNDER_MERGE,
  cellBits,
  type ActivityRow,
  type Located,
  type MonthBlockKind,
  type MonthCell,
  type RowKind,
} from '../model';
import { cellKey } from './merged-cells';

// The model holds a few dozen cells per AO (half a million on a 10,000-AO sheet), all alive
// until the end of the run. A row keeps only the grid's own row and the bits of its blocks;
// its MonthCell objects are built when a rule first asks for them, which on a sheet that adds
// up is almost never. Addresses are built when asked for.

/** A value with its cell. */
export class LocatedCell<T> implements Located<T> {
  constructor(
    readonly value: T,
    readonly row: number,
    readonly col: number,
  ) {}

  get at(): Address {
    return { row: this.row, col: this.col };
  }
}

/**
 * A month cell holding a finite number or nothing: its value is the cell itself, read from
 * the grid's row (the grid is never changed). Keeping the number in a field of its own would
 * make V8 box each one in a separate heap object once the field has seen a fraction.
 */
class PlainMonthCell implements MonthCell {
  constructor(
    private readonly cells: ReadonlyArray<CellValue> | undefined,
    readonly row: number,
    readonly col: number,
  ) {}

  get raw(): number | null {
    const v = this.cells?.[this.col];
    return v === undefined ? null : (v as number | null);
  }

  get value(): number | null {
    return this.raw;
  }

  get problem(): undefined {
    return undefined;
  }

  get at(): Address {
    return { row: this.row, col: this.col };
  }
}

/** A month cell holding text, a boolean or a non-finite number (read by readNumber), or a value under a merge. */
export class ReadMonthCell implements MonthCell {
  constructor(
    readonly row: number,
    readonly col: number,
    readonly raw: CellValue,
    readonly value: number | null,
    readonly problem: MonthCell['problem'],
  ) {}

  get at(): Address {
    return { row: this.row, col: this.col };
  }
}

/** What every row of one sheet shares: the month columns (physical then financial) and the cells under merges. */
export interface MonthColumns {
  /** The physical months' columns, then the financial months'. */
  readonly cols: readonly number[];
  /** How many of `cols` are physical. */
  readonly physical: number;
  /** Cell keys (merged-cells.ts) of the month cells whose value hides under a merged area. */
  readonly underMerge?: Set<number> | null;
  /** The AVANCE ACUMULADO (or Total) columns: the cell read (-1: none, blank) and the column the address names. */
  readonly physicalAccumulated: AccumulatedColumn;
  readonly financialAccumulated: AccumulatedColumn;
}

/** Where a row's accumulated value is: read from `read` (-1: none, the value is blank), reported at `at`. */
export interface AccumulatedColumn {
  readonly read: number;
  readonly at: number;
}

/**
 * An empty list of odd cells for a row of `length` month cells, sized once: filled by index,
 * a list grown one index at a time reserves about three times the room.
 */
export function oddList(length: number): (MonthCell | undefined)[] {
  return new Array<MonthCell | undefined>(length);
}

/** The last odd value read and what readNumber made of it (a ReadNumber is never changed). */
let lastOdd: CellValue | undefined;
let lastRead: ReadNumber = { value: null };

/** readNumber of a cell that is not a finite number or blank: a sheet repeats its odd texts («2,500.00» in every AO, «-»), the same value is read once. */
function readOdd(v: CellValue): ReadNumber {
  return v === lastOdd ? lastRead : (lastRead = readNumber((lastOdd = v)));
}

/** A month cell's number and problem, as MonthCell has them. */
interface Read {
  readonly value: number | null;
  readonly problem?: MonthCell['problem'];
}

const UNDER_MERGE_READ: Read = { value: null, problem: 'under-merge' };

/** The bits of a block that only an odd cell (not a finite number, not blank) sets. */
const ODD_BITS = CELL_NOT_A_NUMBER | CELL_TEXT_NUMBER | CELL_UNDER_MERGE;

/**
 * The CELL_* bits of a printed report's row: its physical block's in the low byte, its
 * financial block's in the next. A cell is odd when it is not a finite number or blank (text,
 * a boolean, an error) or hides under a merged area; its MonthCell is read again from the row
 * when asked for (MonthRow), so the row keeps nothing but these bits.
 */
export function rowBits(row: number, cells: ReadonlyArray<CellValue> | undefined, columns: MonthColumns): number {
  const { cols, physical } = columns;
  const underMerge = columns.underMerge ?? null;
  let physicalBits = 0;
  let financialBits = 0;
  for (let i = 0; i < cols.length; i++) {
    const col = cols[i];
    const v = cells === undefined ? undefined : cells[col];
    let bits: number;
    // A value hidden under a merged area is not counted (value-under-merge reports it).
    if (underMerge !== null && underMerge.has(cellKey(row, col))) bits = CELL_UNDER_MERGE;
    else if (v === undefined || v === null) bits = CELL_BLANK;
    else if (typeof v === 'number' && Number.isFinite(v)) bits = v < 0 ? CELL_NEGATIVE : v > 0 ? CELL_POSITIVE : 0;
    else {
      const read = readOdd(v);
      bits = cellBits(read.value, read.problem);
    }
    if (i < physical) physicalBits |= bits;
    else financialBits |= bits;
  }
  return physicalBits | (financialBits << 8);
}

/**
 * A PROGRAMADO or EJECUTADO row read from one row of the grid: a month cell is the grid's
 * cell at its column (a finite number or blank), unless it is odd. The odd cells are the
 * ones the parser gave (the flat export: sums over rows, missing columns) or else read
 * again from the grid's row when asked for (the printed report: a text, a value under a
 * merge), which is rare: the row's bits tell a block without one.
 */
export class MonthRow implements ActivityRow {
  private physicalCells: readonly MonthCell[] | null = null;
  private financialCells: readonly MonthCell[] | null = null;

  constructor(
    readonly row: number,
    readonly kind: RowKind,
    private readonly cells: ReadonlyArray<CellValue> | undefined,
    private readonly columns: MonthColumns,
    private readonly odd: (MonthCell | undefined)[] | null,
    readonly physicalBits: number,
    readonly financialBits: number,
  ) {}

  // The accumulated cells are built when read (a rule or two per AO, then dropped): kept, they
  // would be two more objects per row alive until the end.
  get physicalAccumulated(): Located<CellValue> {
    return this.accumulated(this.columns.physicalAccumulated);
  }

  get financialAccumulated(): Located<CellValue> {
    return this.accumulated(this.columns.financialAccumulated);
  }

  private accumulated(c: AccumulatedColumn): Located<CellValue> {
    const v = c.read >= 0 && this.cells !== undefined ? this.cells[c.read] : undefined;
    return new LocatedCell(v === undefined ? null : v, this.row, c.at);
  }

  get physicalCount(): number {
    return this.columns.physical;
  }

  get financialCount(): number {
    return this.columns.cols.length - this.columns.physical;
  }

  get physical(): readonly MonthCell[] {
    return (this.physicalCells ??= this.build(0, this.columns.physical));
  }

  get financial(): readonly MonthCell[] {
    return (this.financialCells ??= this.build(this.columns.physical, this.columns.cols.length));
  }

  monthValues(block: MonthBlockKind, into: Float64Array): number {
    const { cols, physical } = this.columns;
    const from = block === 'physical' ? 0 : physical;
    const to = block === 'physical' ? physical : cols.length;
    const cells = this.cells;
    // A block of finite numbers and blanks (nearly every one) reads the grid's row alone.
    const plain = this.odd === null && ((block === 'physical' ? this.physicalBits : this.financialBits) & ODD_BITS) === 0;
    for (let i = from; i < to; i++) {
      const o = plain ? null : this.read(i);
      if (o !== null) into[i - from] = o.value ?? 0;
      else {
        const v = cells === undefined ? undefined : cells[cols[i]];
        into[i - from] = typeof v === 'number' ? v : 0;
      }
    }
    return to - from;
  }

  monthCell(block: MonthBlockKind, i: number): MonthCell {
    const cached = block === 'physical' ? this.physicalCells : this.financialCells;
    if (cached !== null) return cached[i];
    return this.cellAt(block === 'physical' ? i : this.columns.physical + i);
  }

  monthBits(block: MonthBlockKind, i: number): number {
    const at = block === 'physical' ? i : this.columns.physical + i;
    const o = this.read(at);
    if (o !== null) return cellBits(o.value, o.problem);
    const v = this.cells === undefined ? undefined : this.cells[this.columns.cols[at]];
    if (v === undefined || v === null) return CELL_BLANK;
    return (v as number) < 0 ? CELL_NEGATIVE : (v as number) > 0 ? CELL_POSITIVE : 0;
  }

  /** The odd cell at position `i` of `columns.cols` (see the class), or its reading; null for a finite number or blank. */
  private read(i: number): Read | null {
    const given = this.odd === null ? undefined : this.odd[i];
    if (given !== undefined) return given;
    const { cols, physical, underMerge } = this.columns;
    const bits = i < physical ? this.physicalBits : this.financialBits;
    if ((bits & ODD_BITS) === 0) return null;
    const col = cols[i];
    if ((bits & CELL_UNDER_MERGE) !== 0 && underMerge && underMerge.has(cellKey(this.row, col))) return UNDER_MERGE_READ;
    const v = this.cells === undefined ? undefined : this.cells[col];
    if (v === undefined || v === null || (typeof v === 'number' && Number.isFinite(v))) return null;
    return readOdd(v);
  }

  /** The cell at position `i` of `columns.cols`. */
  private cellAt(i: number): MonthCell {
    const given = this.odd === null ? undefined : this.odd[i];
    if (given !== undefined) return given;
    const col = this.columns.cols[i];
    const read = this.read(i);
    if (read === null) return new PlainMonthCell(this.cells, this.row, col);
    const v = this.cells === undefined ? undefined : this.cells[col];
    return new ReadMonthCell(this.row, col, v === undefined ? null : v, read.value, read.problem);
  }

  private build(from: number, to: number): MonthCell[] {
    const out: MonthCell[] = [];
    for (let i = from; i < to; i++) out.push(this.cellAt(i));
    return out;
  }
}
