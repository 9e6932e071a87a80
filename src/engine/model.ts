import type { FlatLayout, FlatModel } from './flat/types';
import type { Address, CellValue } from './grid/cell';

/** A value read from the sheet, with the cell it came from. */
export interface Located<T> {
  readonly value: T;
  readonly at: Address;
}

export type AggregationType = 'Acumulado Anual' | 'Acumulado Mensual' | 'No Acumulado';
export type Priority = 'Muy Alta' | 'Alta' | 'Media' | 'Baja';
export type Period = 'PRIMER SEMESTRE' | 'SEGUNDO SEMESTRE' | 'ANUAL' | 'OTRO';

/** `reporte`: the printed Reporte de seguimiento; `exportacion`: the Aplicativo's flat export. */
export type LayoutKind = 'reporte' | 'exportacion';

/** The columns of the report, found by their header labels (0-based indexes). */
export interface ReportColumns {
  readonly label: number;
  readonly costCenter: number;
  readonly priority: number;
  readonly unit: number;
  readonly aggregation: number;
  readonly progEje: number;
  readonly physicalMonths: readonly number[];
  readonly physicalAccumulated: number;
  readonly percent: number;
  readonly financialMonths: readonly number[];
  readonly financialAccumulated: number;
  /** The rightmost column of the report: where the totals print their values. */
  readonly last: number;
}

export interface Layout {
  readonly kind: LayoutKind;
  /** The flat export's columns and month blocks (kind `exportacion` only). */
  readonly flat?: FlatLayout;
  /** 0-based row of the first header row (the one with OBJETIVO ESTRATEGICO ...). */
  readonly headerRow: number;
  /** Rows of the first header (1 or 2 rows); repeated copies are listed in `repeatedHeaderRows`. */
  readonly headerRows: readonly number[];
  readonly repeatedHeaderRows: readonly number[];
  readonly titleRows: readonly number[];
  /** Month numbers 1–12 of the period, in column order. */
  readonly months: readonly number[];
  /** 0-based row where the month labels (Ene, Feb, …) of the header were found. */
  readonly monthLabelRow: number;
  /** Short Spanish names as CEPLAN prints them: Ene, Feb, … */
  readonly monthNames: readonly string[];
  /** Month numbers of the FINANCIERO block (should equal `months`). */
  readonly financialMonths: readonly number[];
  readonly columns: ReportColumns;
  readonly period: Period;
  readonly year: number | null;
}

/** One month cell of a numeric block, parsed. */
export interface MonthCell {
  readonly at: Address;
  readonly raw: CellValue;
  /** The number read (text numbers such as "1,900.00" included); null when blank or unreadable. */
  readonly value: number | null;
  /**
   * `text-number`: a number stored as text; `not-a-number`: text that is not a number;
   * `under-merge`: a value hidden under a merged area (not its top-left cell), not counted.
   */
  readonly problem?: 'text-number' | 'not-a-number' | 'under-merge';
}

export type RowKind = 'PROGRAMADO' | 'EJECUTADO';

/**
 * What a block of month cells holds, as bits (ActivityRow.physicalBits, financialBits), found
 * while parsing: a rule or a figure that looks for the rare odd cell skips a plain block
 * without reading its cells.
 */
export const CELL_NEGATIVE = 1;
/** Text (or a boolean, an error, a non-finite number) that is not a number. */
export const CELL_NOT_A_NUMBER = 2;
export const CELL_TEXT_NUMBER = 4;
export const CELL_UNDER_MERGE = 8;
/** Blank: no value and no problem. */
export const CELL_BLANK = 16;
export const CELL_POSITIVE = 32;

/** The bits of one month cell (see CELL_BLANK …); 0 for a plain 0. */
export function cellBits(value: number | null, problem: MonthCell['problem']): number {
  const bits = problem === undefined ? 0 : problem === 'text-number' ? CELL_TEXT_NUMBER : problem === 'not-a-number' ? CELL_NOT_A_NUMBER : CELL_UNDER_MERGE;
  if (value === null) return problem === undefined ? CELL_BLANK : bits;
  return value < 0 ? bits | CELL_NEGATIVE : value > 0 ? bits | CELL_POSITIVE : bits;
}

/** A PROGRAMADO or EJECUTADO row of an AO. */
export interface ActivityRow {
  readonly row: number;
  readonly kind: RowKind;
  /** The month cells in column order. A parser may build them when first read: most rows never are. */
  readonly physical: readonly MonthCell[];
  readonly physicalAccumulated: Located<CellValue>;
  readonly financial: readonly MonthCell[];
  readonly financialAccumulated: Located<CellValue>;
  /** `physical.length` and `financial.length`, without building the cells. */
  readonly physicalCount: number;
  readonly financialCount: number;
  /** The CELL_* bits of every physical (financial) month cell, or-ed. */
  readonly physicalBits: number;
  readonly financialBits: number;
  /**
   * Writes each month's `value` of the block (blank and unreadable as 0) into `into`, which
   * holds at least the block's count; returns the count. Reads no MonthCell.
   */
  monthValues(block: MonthBlockKind, into: Float64Array): number;
  /** `physical[i]` or `financial[i]`, without building the block's other cells. */
  monthCell(block: MonthBlockKind, i: number): MonthCell;
  /** The CELL_* bits of that cell (cellBits of its value and problem), without building it. */
  monthBits(block: MonthBlockKind, i: number): number;
}

/** The two month blocks of a row: physical goal and money. */
export type MonthBlockKind = 'physical' | 'financial';

/** An AO (actividad operativa): the PROGRAMADO/EJECUTADO pair. */
export interface Activity {
  /** Position among all the AO of the sheet (report order). */
  readonly index: number;
  readonly code: string;
  readonly name: string;
  readonly label: Located<string>;
  readonly costCenter: Located<CellValue>;
  readonly priority: Located<CellValue>;
  readonly unit: Located<CellValue>;
  readonly aggregation: Located<CellValue>;
  /** The aggregation type recognised from `aggregation`, or null when unknown. */
  readonly aggregationType: AggregationType | null;
  readonly programmed: ActivityRow | null;
  readonly executed: ActivityRow | null;
  /** The AVANCE % cell (merged over the pair, on the PROGRAMADO row). */
  readonly percent: Located<CellValue> | null;
  readonly strategicActionCode: string | null;
  readonly objectiveCode: string | null;
}

/** The `EJECUCIÓN FÍSICA/FINANCIERA POR AEI.xx.yy:` line. */
export interface StrategicActionLine {
  readonly row: number;
  readonly label: Located<string>;
  /** The AEI code the label names. */
  readonly namesCode: string | null;
  readonly value: Located<CellValue>;
}

/** An AEI (acción estratégica institucional). */
export interface StrategicAction {
  readonly index: number;
  readonly code: string;
  readonly name: string;
  readonly label: Located<string>;
  readonly objectiveCode: string | null;
  readonly activities: readonly Activity[];
  readonly physicalLine: StrategicActionLine | null;
  readonly financialLine: StrategicActionLine | null;
}

/** An OEI (objetivo estratégico institucional). */
export interface Objective {
  readonly code: string;
  readonly name: string;
  readonly label: Located<string>;
  readonly strategicActions: readonly StrategicAction[];
}

export type TotalKey =
  | 'physicalAverage'
  | 'physicalMedian'
  | 'aeiAverage'
  | 'financialProgrammed'
  | 'financialExecuted'
  | 'completeActivities'
  | 'incompleteActivities';

export interface TotalLine {
  readonly key: TotalKey;
  readonly label: Located<string>;
  readonly value: Located<CellValue>;
}

export type TrafficColor = 'red' | 'yellow' | 'green';

export interface TrafficLightRow {
  readonly label: Located<string>;
  readonly counts: Readonly<Record<TrafficColor, Located<CellValue>>>;
}

export interface TrafficLightTable {
  readonly headerRow: number;
  readonly aei: TrafficLightRow | null;
  readonly ao: TrafficLightRow | null;
}

/** A row the parser could not place; rules decide whether it matters. */
export interface StrayRow {
  readonly row: number;
  readonly reason:
    | 'executed-without-programmed'
    | 'programmed-without-label'
    | 'programmed-without-executed'
    | 'activity-before-strategic-action'
    | 'strategic-action-before-objective'
    | 'unrecognised';
  readonly text: string;
  /** The row's first non-blank cell (set for `unrecognised`, whose text may sit in any column). */
  readonly at?: Address;
}

/** The report sheet, parsed: every value keeps its address. */
export interface PoiModel {
  readonly layout: Layout;
  readonly objectives: readonly Objective[];
  readonly strategicActions: readonly StrategicAction[];
  readonly activities: readonly Activity[];
  readonly totals: readonly TotalLine[];
  readonly trafficLight: TrafficLightTable | null;
  readonly strayRows: readonly StrayRow[];
  /** What the flat export adds: rows and phases per AO, the period (kind `exportacion` only). */
  readonly flat?: FlatModel;
}
