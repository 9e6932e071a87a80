import { useCallback, useEffect, useReducer, useRef } from 'react';
import type { AnalysisSummary, AnalyzeChoices, PoiService, Progress, Stage } from '../app/contract';
import { UserFacingError } from '../app/contract';

export type Status = 'idle' | Stage | 'done' | 'failed';
export type ActionKind = 'validate' | 'recompute' | 'summary';

/** What the pane shows for a failure. */
export interface ShownError {
  readonly message: string;
  readonly detail?: string;
}

export interface AnalysisState {
  readonly status: Status;
  /** The action running, or the last one run. */
  readonly action: ActionKind | null;
  readonly progress: Progress | null;
  /** The last summary; kept while a new action runs so the results do not flicker. */
  readonly summary: AnalysisSummary | null;
  /** Cells written by the last *Recalcular y escribir*. */
  readonly cellsWritten: number | null;
  /** Sheets it (re)wrote. */
  readonly sheetsWritten: readonly string[];
  readonly error: ShownError | null;
}

export type AnalysisEvent =
  | { readonly type: 'start'; readonly action: ActionKind }
  | { readonly type: 'progress'; readonly progress: Progress }
  | { readonly type: 'done'; readonly summary?: AnalysisSummary; readonly cellsWritten?: number; readonly sheetsWritten?: readonly string[] }
  | { readonly type: 'failed'; readonly error: ShownError };

export const initialAnalysisState: AnalysisState = {
  status: 'idle',
  action: null,
  progress: null,
  summary: null,
  cellsWritten: null,
  sheetsWritten: [],
  error: null,
};

export function isBusy(status: Status): boolean {
  return status === 'reading' || status === 'computing' || status === 'writing';
}

export function analysisReducer(state: AnalysisState, event: AnalysisEvent): AnalysisState {
  switch (event.type) {
    case 'start':
      return {
        ...state,
        status: 'reading',
        action: event.action,
        progress: { stage: 'reading' },
        cellsWritten: null,
        sheetsWritten: [],
        error: null,
      };
    case 'progress':
      if (!isBusy(state.status)) return state; // a late message from a finished run
      return { ...state, status: event.progress.stage, progress: event.progress };
    case 'done':
      return {
        ...state,
        status: 'done',
        progress: null,
        summary: event.summary ?? state.summary,
        cellsWritten: event.cellsWritten ?? null,
        sheetsWritten: event.sheetsWritten ?? [],
      };
    case 'failed':
      return { ...state, status: 'failed', progress: null, error: event.error };
  }
}

export const GENERIC_ERROR =
  'No se pudo completar la operación por un error inesperado. Vuelva a intentarlo; si se repite, cierre y abra de nuevo el panel y envíe a soporte el detalle que sigue.';

/** A UserFacingError is shown as it is; anything else as a generic sentence plus its detail. */
export function toShownError(e: unknown): ShownError {
  if (e instanceof UserFacingError) return { message: e.message };
  const detail = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  return { message: GENERIC_ERROR, detail };
}

/** The pane's one flow: read → analyse → review → write, with progress. */
export function useAnalysis(service: PoiService) {
  const [state, dispatch] = useReducer(analysisReducer, initialAnalysisState);
  // Each run gets a number; events of an older run (or after unmount) are dropped.
  const runRef = useRef(0);
  useEffect(() => () => void (runRef.current += 1), []);

  const run = useCallback(
    async (action: ActionKind, work: (onProgress: (p: Progress) => void) => Promise<AnalysisEvent>) => {
      const id = ++runRef.current;
      const live = () => runRef.current === id;
      dispatch({ type: 'start', action });
      try {
        const done = await work((progress) => {
          if (live()) dispatch({ type: 'progress', progress });
        });
        if (live()) dispatch(done);
      } catch (e) {
        if (live()) dispatch({ type: 'failed', error: toShownError(e) });
      }
    },
    [],
  );

  const validate = useCallback(
    (sheet: string, fechaCorte: string, choices?: AnalyzeChoices) =>
      run('validate', async (p) => ({ type: 'done', summary: await service.analyze(sheet, fechaCorte, p, choices) })),
    [run, service],
  );
  const recompute = useCallback(
    (sheet: string, fechaCorte: string, choices?: AnalyzeChoices) =>
      run('recompute', async (p) => {
        const r = await service.recompute(sheet, fechaCorte, p, choices);
        return { type: 'done', summary: r.summary, cellsWritten: r.cellsWritten, sheetsWritten: r.sheetsWritten };
      }),
    [run, service],
  );
  const writeSummary = useCallback(
    (sheet: string, fechaCorte: string, choices?: AnalyzeChoices) =>
      run('summary', async (p) => {
        await service.writeSummary(sheet, fechaCorte, p, choices);
        return { type: 'done' };
      }),
    [run, service],
  );

  return { state, busy: isBusy(state.status), validate, recompute, writeSummary };
}
