import type { Figures } from './figures';
import type { AnalysisPeriod, ProgrammedPhase } from './flat/types';
import type { LayoutKind, PoiModel } from './model';
import type { Observation, Severity } from './observation';
import type { ComputedCell, Patch } from './patch/types';

export type { AnalysisPeriod, ProgrammedPhase };

export interface AnalyzeOptions {
  /** Fecha de corte (report date) as `YYYY-MM-DD`; decides S.I. */
  readonly fechaCorte: string;
  /** Sheet name, used in observations. */
  readonly sheet?: string;
  /** Severity overrides by rule id; `off` silences a rule. */
  readonly severities?: Readonly<Record<string, Severity | 'off'>>;
  /**
   * Flat export only: the months that count. `S1` (01–06), `S2` (07–12), `anual` (01–12) or
   * `MM` (01 through that month). Without it the engine chooses from the fecha de corte.
   * The printed report's period is the months its header shows.
   */
  readonly period?: string;
  /** Flat export only: force the phase read as programmed instead of the first of RE, CS, AJ, A with values. */
  readonly programmedPhase?: ProgrammedPhase;
}

export interface Analysis {
  readonly sheet: string;
  readonly fechaCorte: string;
  /** Which layout was read: the printed report or the Aplicativo's flat export; null when none. */
  readonly layout: LayoutKind | null;
  /** The months that count and how they were chosen (a printed report: its header's months). */
  readonly period: AnalysisPeriod | null;
  /** Null when no POI layout was recognised (then `observations` says why). */
  readonly model: PoiModel | null;
  readonly figures: Figures | null;
  /**
   * Every computed cell with its value, format and colour (none for a flat export: its figures
   * go into the generated report). analyze() builds them on first read (50,000 objects on a
   * 10,000-AO sheet that a check alone never reads), then hands back the same list.
   */
  readonly computed: readonly ComputedCell[];
  /** Cells to write into the sheet read; always empty for a flat export, which is never changed. Built on first read, as `computed`. */
  readonly patch: Patch;
  /** `patch.cells.length`, counted without building the patch. */
  readonly cellsToWrite: number;
  /** Sorted by row, then column, then rule id. */
  readonly observations: readonly Observation[];
}
