import type { Observation } from '../engine/observation';
import type { Totals, TrafficLightCounts } from '../engine/figures';
import type { ComputedCell } from '../engine/patch/types';
import type { AnalysisPeriod, ProgrammedPhase } from '../engine/analysis';
import type { LayoutKind } from '../engine/model';
import type { ToolSheetRole } from './plan';

export type { AnalysisPeriod, LayoutKind, ProgrammedPhase };

/**
 * What the user chose for a flat export (the page's and the pane's period and phase choices).
 * Absent fields: the engine's choice (the period from the fecha de corte; the first of RE,
 * CS, AJ, A with values). A printed report ignores both.
 */
export interface AnalyzeChoices {
  /** `S1`, `S2`, `anual` or `MM` (January through that month). */
  readonly period?: string;
  readonly programmedPhase?: ProgrammedPhase;
}

/** How many AO were read with each programmed phase (`ninguna`: no phase has values). */
export type PhaseCounts = Readonly<Partial<Record<ProgrammedPhase | 'ninguna', number>>>;

/**
 * What the pane needs from a host. The add-in implements it over Office.js
 * (src/hosts/office), the web page over the .xlsx host in a worker (src/web).
 * Components receive it; they never touch Office.js or files.
 */
export interface SheetChoice {
  readonly name: string;
  /** True when the sheet has the POI layout. */
  readonly recognised: boolean;
  /** Set on the sheet the user is looking at (the add-in knows it; a file has none). */
  readonly active?: boolean;
  /** Set on a sheet the tool made: shown (tabs), never the default report sheet. */
  readonly toolRole?: ToolSheetRole;
}

export type Stage = 'reading' | 'computing' | 'writing';

export interface Progress {
  readonly stage: Stage;
  /** 0–1 when known. */
  readonly fraction?: number;
  readonly message?: string;
}

export interface AeiRow {
  readonly code: string;
  readonly name: string;
  readonly physical: number | 'S.P.' | 'S.I.';
  readonly financial: number;
  /** 1-based sheet rows the AEI spans (its label … its last line), to place observations. */
  readonly firstRow: number;
  readonly lastRow: number;
}

/** Where an AO sits, so a UI can tell the AEI and cost centre an observation is about. */
export interface ActivityRef {
  readonly code: string;
  readonly strategicAction: string | null;
  /** CENTRO DE COSTOS as written (empty when blank). */
  readonly costCenter: string;
  /** 1-based sheet rows the AO spans (PROGRAMADO … EJECUTADO). */
  readonly firstRow: number;
  readonly lastRow: number;
}


/** A serialisable summary of an analysis (it crosses a worker boundary). */
export interface AnalysisSummary {
  readonly sheet: string;
  readonly fechaCorte: string;
  /** False when no POI layout was recognised; `observations` says why. */
  readonly recognised: boolean;
  /** The layout read: the printed report or the Aplicativo's flat export; null when none. */
  readonly layout: LayoutKind | null;
  /** The months that count and how they were chosen (null when no layout was recognised). */
  readonly period: AnalysisPeriod | null;
  /** Flat export only: the period and why it was chosen, in Spanish (describePeriod). */
  readonly periodLine?: string | null;
  /** Flat export only: the programmed phase forced by the user, null when automatic. */
  readonly forcedPhase?: ProgrammedPhase | null;
  /** Flat export only: AO per programmed phase read (physical goal). */
  readonly programmedPhases?: PhaseCounts;
  readonly months: readonly string[];
  readonly activityCount: number;
  readonly strategicActions: readonly AeiRow[];
  /** Every AO in report order (for filtering observations by AEI and cost centre). */
  readonly activityRefs: readonly ActivityRef[];
  readonly totals: Totals | null;
  readonly trafficLight: TrafficLightCounts | null;
  readonly observations: readonly Observation[];
  /** Computed cells whose value would change. */
  readonly pendingCells: number;
  readonly computed: readonly ComputedCell[];
}

export interface WriteResult {
  readonly summary: AnalysisSummary;
  readonly cellsWritten: number;
  /** The sheets the tool (re)wrote besides the report (Observaciones, Resumen), under the names used. */
  readonly sheetsWritten: readonly string[];
  /** The status line that heads Observaciones (the ribbon logs it). */
  readonly status?: string;
  /** One Spanish sentence per thing the user should know (a sheet written under another name). */
  readonly notices?: readonly string[];
  /** True when the service's `undo` can put this write back. */
  readonly undoAvailable?: boolean;
}

export interface PoiService {
  listSheets(): Promise<readonly SheetChoice[]>;
  /** Reads and analyses; writes nothing. */
  analyze(sheet: string, fechaCorte: string, onProgress?: (p: Progress) => void, choices?: AnalyzeChoices): Promise<AnalysisSummary>;
  /**
   * Analyses, then writes the computed cells and the Observaciones and Resumen sheets; the
   * summary returned is of the workbook as it now is (after the write). For a flat export the
   * export is left as it is and the generated Reporte de seguimiento is written besides.
   */
  recompute(sheet: string, fechaCorte: string, onProgress?: (p: Progress) => void, choices?: AnalyzeChoices): Promise<WriteResult>;
  /** Writes (or rewrites) the Resumen sheet. */
  writeSummary(sheet: string, fechaCorte: string, onProgress?: (p: Progress) => void, choices?: AnalyzeChoices): Promise<void>;
  /** Selects / scrolls to a cell of the report sheet. */
  selectCell(sheet: string, a1: string): Promise<void>;
  /**
   * «Deshacer el último recálculo»: puts back what the last recompute wrote and returns a
   * Spanish sentence saying so. Only where the host can (the add-in); the web page works on a
   * copy of the file, so it has none.
   */
  undo?(): Promise<string>;
}

/** A failure the pane shows as it is: a Spanish sentence that says what to do. */
export class UserFacingError extends Error {
  constructor(message: string, readonly detail?: string) {
    super(message);
    this.name = 'UserFacingError';
  }
}
