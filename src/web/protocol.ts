/**
 * Messages between the page and its worker. Everything here survives a structured clone;
 * the workbook bytes travel as transferred buffers, never copied twice.
 */
import type { Grid } from '../engine/grid/cell';
import type { AnalysisSummary, AnalyzeChoices, Progress, SheetChoice, WriteResult } from '../app/contract';

export interface OpenResult {
  readonly name: string;
  readonly sheets: readonly SheetChoice[];
}

/** A sheet to show: its cells, and how many top rows to freeze (title + report header). */
export interface SheetView {
  readonly sheet: string;
  readonly grid: Grid;
  readonly frozenRows: number;
}

export interface DownloadResult {
  readonly fileName: string;
  readonly bytes: Uint8Array;
}

export type Request =
  | { readonly op: 'open'; readonly name: string; readonly bytes: Uint8Array }
  | { readonly op: 'sheets' }
  | { readonly op: 'analyze'; readonly sheet: string; readonly fechaCorte: string; readonly choices?: AnalyzeChoices }
  | { readonly op: 'recompute'; readonly sheet: string; readonly fechaCorte: string; readonly choices?: AnalyzeChoices }
  | { readonly op: 'summary'; readonly sheet: string; readonly fechaCorte: string; readonly choices?: AnalyzeChoices }
  | { readonly op: 'view'; readonly sheet: string }
  | { readonly op: 'download' };

export type Op = Request['op'];

export interface Results {
  readonly open: OpenResult;
  readonly sheets: readonly SheetChoice[];
  readonly analyze: AnalysisSummary;
  readonly recompute: WriteResult;
  readonly summary: null;
  readonly view: SheetView;
  readonly download: DownloadResult;
}

export type RequestMessage = Request & { readonly id: number };

/** A failure as it crosses the boundary: user-facing ones are shown as they are. */
export interface WireError {
  readonly userFacing: boolean;
  /** The error class's name (TypeError, …), for the detail of an unexpected failure. */
  readonly name: string;
  readonly message: string;
  readonly detail?: string;
}

export type ResponseMessage =
  | { readonly id: number; readonly kind: 'progress'; readonly progress: Progress }
  | { readonly id: number; readonly kind: 'ok'; readonly result: Results[Op] }
  | { readonly id: number; readonly kind: 'error'; readonly error: WireError };
