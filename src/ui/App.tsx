import { useCallback, useEffect, useRef, useState } from 'react';
import { Divider, makeStyles, tokens } from '@fluentui/react-components';
import type { Observation } from '../engine/observation';
import type { PoiService, SheetChoice } from '../app/contract';
import { type ActionKind, type ShownError, toShownError, useAnalysis } from './use-analysis';
import { formatCount } from './format';
import { SheetPicker, candidateSheets } from './components/SheetPicker';
import { isIsoDate, localIsoDate } from '../engine/compute/deadlines';
import { FechaCorteInput } from './components/FechaCorteInput';
import { ActionBar, type ActionLabels } from './components/ActionBar';
import { ProgressPanel } from './components/ProgressPanel';
import { ResultCards } from './components/ResultCards';
import { ObservationList } from './components/ObservationList';
import { ErrorBar } from './components/ErrorBar';
import { Outcome } from './components/Outcome';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    minWidth: 0,
    maxWidth: '100%',
  },
});

export interface AppProps {
  readonly service: PoiService;
  /** Host-specific wording of the actions (the web page writes into a copy). */
  readonly labels?: Partial<ActionLabels>;
  /** Told when the chosen report sheet changes (the web page shows that sheet). */
  readonly onSheetChange?: (sheet: string) => void;
  /** Defaults to today. */
  readonly initialFechaCorte?: string;
}

/** The pane: choose sheet and date, run an action, review figures and observations. */
export function App({ service, labels, onSheetChange, initialFechaCorte }: AppProps) {
  const styles = useStyles();
  const [sheets, setSheets] = useState<readonly SheetChoice[] | null>(null);
  const [sheet, setSheet] = useState('');
  const [fechaCorte, setFechaCorte] = useState(() => initialFechaCorte ?? localIsoDate());
  const [paneError, setPaneError] = useState<ShownError | null>(null);
  const { state, busy, validate, recompute, writeSummary } = useAnalysis(service);

  // Refs, so that a parent passing a new callback each render does not re-list the sheets.
  const onSheetChangeRef = useRef(onSheetChange);
  onSheetChangeRef.current = onSheetChange;
  const sheetRef = useRef(sheet);
  sheetRef.current = sheet;

  const chooseSheet = useCallback((name: string) => {
    setSheet(name);
    onSheetChangeRef.current?.(name);
  }, []);

  const loadSheets = useCallback(() => {
    let live = true;
    setSheets(null);
    setPaneError(null);
    service.listSheets().then(
      (list) => {
        if (!live) return;
        setSheets(list);
        const candidates = candidateSheets(list);
        // On a refresh keep the user's choice while it still exists.
        const keep = candidates.find((s) => s.name === sheetRef.current) ?? candidates[0];
        if (keep) chooseSheet(keep.name);
      },
      (e: unknown) => {
        if (!live) return;
        setSheets([]);
        setPaneError(toShownError(e));
      },
    );
    return () => void (live = false);
  }, [service, chooseSheet]);

  useEffect(loadSheets, [loadSheets]);

  const onAction = (action: ActionKind) => {
    setPaneError(null);
    const run = { validate, recompute, summary: writeSummary }[action];
    void run(sheet, fechaCorte);
  };

  const onSelect = (o: Observation) => {
    setPaneError(null);
    service.selectCell(o.sheet || sheet, o.cell).catch((e: unknown) => setPaneError(toShownError(e)));
  };

  const canRun = !busy && sheet !== '' && isIsoDate(fechaCorte);
  const summary = state.summary;

  return (
    <div className={styles.root}>
      <SheetPicker sheets={sheets} value={sheet} onChange={chooseSheet} onRefresh={loadSheets} disabled={busy} />
      <FechaCorteInput value={fechaCorte} onChange={setFechaCorte} disabled={busy} />
      <ActionBar onAction={onAction} disabled={!canRun} labels={labels} />
      {state.progress && <ProgressPanel progress={state.progress} />}
      {state.status === 'failed' && state.error && <ErrorBar error={state.error} />}
      {paneError && <ErrorBar error={paneError} />}
      {state.status === 'done' && <Outcome state={state} />}
      {summary && summary.recognised && (
        <>
          <ResultCards summary={summary} />
          <Divider>Observaciones ({formatCount(summary.observations.length)})</Divider>
        </>
      )}
      {summary && (
        <ObservationList key={`${summary.sheet}|${summary.fechaCorte}|${summary.observations.length}`} observations={summary.observations} onSelect={onSelect} />
      )}
    </div>
  );
}
