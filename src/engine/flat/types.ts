import type { CellValue } from '../grid/cell';

/** The POI's life cycle, in the export's column order (flat-export.md §1). `_P`: proposals. */
export const PHASES = ['A', 'AJ', 'CS', 'RE_P', 'RE', 'SE_P', 'SE'] as const;
export type Phase = (typeof PHASES)[number];

/** `F`: physical goal; `Fn`: money. */
export type Measure = 'F' | 'Fn';

/** A block `F(<fase>) 01` … `F(<fase>) 12`, `F(<fase>) Total` as found in the header. */
export interface MonthBlock {
  readonly measure: Measure;
  readonly phase: Phase;
  /** `F(RE)`, `Fn(SE)`: how messages name the block. */
  readonly name: string;
  /** 0-based column of each month 01–12 (index 0 = January); -1 when the header lacks it. */
  readonly months: readonly number[];
  /** Column of `Total`, -1 when missing. */
  readonly total: number;
}

/** The identity columns the engine reads (0-based; -1 when the export lacks the column). */
export interface FlatColumns {
  readonly poi: number;
  readonly ueId: number;
  readonly ue: number;
  readonly costCenterId: number;
  readonly costCenter: number;
  readonly responsibleCenter: number;
  readonly oei: number;
  readonly oeiName: number;
  readonly aei: number;
  readonly aeiName: number;
  readonly activityId: number;
  readonly activityName: number;
  readonly priority: number;
  readonly unitId: number;
  readonly unit: number;
  readonly accumulated: number;
  readonly type: number;
  /** `Tipo de Agregación`, written by some versions instead of (or besides) `Tipo`. */
  readonly aggregationType: number;
}

export type FlatColumnKey = keyof FlatColumns;

/** The flat export's header: found by labels, in any column order (flat-export.md §1). */
export interface FlatLayout {
  /** 0-based row of the header. */
  readonly headerRow: number;
  readonly columns: FlatColumns;
  /** Every month block found, in column order. */
  readonly blocks: readonly MonthBlock[];
  /** The header label of each column (as written), for messages. */
  readonly labels: readonly string[];
}

export type PeriodCode = 'S1' | 'S2' | 'anual' | string;

/** The months a flat export is read for (flat-export.md §2.6). */
export interface AnalysisPeriod {
  /** `S1`, `S2`, `anual` or a month `01`…`12` (January through that month). */
  readonly code: PeriodCode;
  /** Month numbers 1–12, ascending. */
  readonly months: readonly number[];
  /** How the printed report names it: `PRIMER SEMESTRE`, `ENERO A MARZO`, … */
  readonly title: string;
  /** `opcion`: given by the user; `fecha-corte`: chosen from the fecha de corte; `reporte`: the months of a printed report's header. */
  readonly source: 'opcion' | 'fecha-corte' | 'reporte';
}

export type ProgrammedPhase = 'RE' | 'CS' | 'AJ' | 'A';

/** Where one AO of the export came from and what was read for it. */
export interface FlatActivity {
  /** 0-based sheet rows of the AO (first one first). */
  readonly rows: readonly number[];
  readonly ueId: string;
  /** The phase read as programmed (physical); null when none of RE, CS, AJ, A has a value. */
  readonly programmedPhase: ProgrammedPhase | null;
  /** The same for money (`Fn(…)`), chosen independently. */
  readonly financialProgrammedPhase: ProgrammedPhase | null;
  /** The file it came from (consolidation of several exports). */
  readonly file?: string;
}

/** What the flat export adds to the model, by AO index (same order as `PoiModel.activities`). */
export interface FlatModel {
  readonly period: AnalysisPeriod;
  readonly activities: readonly FlatActivity[];
  /** The phase the user forced, if any. */
  readonly forcedPhase: ProgrammedPhase | null;
}

/** A cell of the export that the flat rules look at, with what a message needs to name it. */
export interface ExportCell {
  readonly row: number;
  readonly col: number;
  readonly value: CellValue;
}
