import { useEffect, useRef, useState } from 'react';
import { Button } from '@fluentui/react-components';
import { ArrowUndoRegular } from '@fluentui/react-icons';
import { type AnalysisState, type ShownError, isBusy, toShownError } from '../use-analysis';
import { ErrorBar, NoticeBar } from './ErrorBar';

export const UNDO_LABEL = 'Deshacer el último recálculo';

export interface UndoRecomputeProps {
  /** The service's undo (only the add-in has one). */
  readonly undo: () => Promise<string>;
  readonly state: AnalysisState;
  /** Validates again, so the pane shows the workbook as it now is. */
  readonly onUndone: () => void;
  /** While another action runs. */
  readonly disabled: boolean;
  /** Told while the undo runs, so the other actions wait for it. */
  readonly onRunning?: (running: boolean) => void;
}

type Phase = { readonly kind: 'idle' } | { readonly kind: 'undoing' } | { readonly kind: 'done'; readonly message: string } | { readonly kind: 'failed'; readonly error: ShownError };

/**
 * «Deshacer el último recálculo», offered after a recompute that wrote cells; then its
 * message, kept over the validation it starts (and cleared by the next action of the user).
 */
export function UndoRecompute({ undo, state, onUndone, disabled, onRunning }: UndoRecomputeProps) {
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const revalidating = useRef(false);
  const busy = isBusy(state.status);

  useEffect(() => {
    if (!busy) return;
    // The validation this undo started keeps the message; any other action clears it.
    if (revalidating.current) revalidating.current = false;
    else setPhase({ kind: 'idle' });
  }, [busy]);

  const offered = state.action === 'recompute' && state.status === 'done' && (state.cellsWritten ?? 0) > 0;

  const onClick = () => {
    setPhase({ kind: 'undoing' });
    onRunning?.(true);
    undo().then(
      (message) => {
        onRunning?.(false);
        setPhase({ kind: 'done', message });
        revalidating.current = true;
        onUndone();
      },
      (e: unknown) => {
        onRunning?.(false);
        setPhase({ kind: 'failed', error: toShownError(e) });
      },
    );
  };

  if (phase.kind === 'done') {
    return (
      <NoticeBar intent="success" title="Recálculo deshecho">
        {phase.message}
      </NoticeBar>
    );
  }
  if (phase.kind === 'failed') return <ErrorBar error={phase.error} title="No se deshizo el recálculo" />;
  if (!offered && phase.kind === 'idle') return null;
  return (
    <div>
      <Button
        icon={<ArrowUndoRegular />}
        disabled={disabled || phase.kind === 'undoing'}
        onClick={onClick}
        title="Devuelve a las celdas que escribió el último recálculo su valor anterior."
      >
        {phase.kind === 'undoing' ? 'Deshaciendo…' : UNDO_LABEL}
      </Button>
    </div>
  );
}
