import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { Divider, makeStyles, tokens } from '@fluentui/react-components';
import type { Observation } from '../engine/observation';
import type { AnalyzeChoices, PoiService, SheetChoice } from '../app/contract';
import { isIsoDate } from '../engine/compute/deadlines';
import { type ActionKind, type ShownError, isBusy, toShownError, useAnalysis } from './use-analysis';
import { formatCount } from './format';
import { defaultFechaCorte } from './dates';
import { SheetPicker } from './components/SheetPicker';
import { defaultSheet } from '../app/choose-sheet';
import { FechaCorteInput } from './components/FechaCorteInput';
import { ActionBar, DEFAULT_ACTION_LABELS, type ActionLabels } from './components/ActionBar';
import { ProgressPanel } from './components/ProgressPanel';
import { ResultCards } from './components/ResultCards';
import { ObservationList } from './components/ObservationList';
import { ErrorBar } from './components/ErrorBar';
import { Outcome } from './components/Outcome';
import { ExportChoices } from './components/ExportChoices';
import { EXPORT_ACTION, choicesToSend } from './export-choices';
import { UndoRecompute } from './components/UndoRecompute';

const useStyles = makeStyles({
  column: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0, maxWidth: '100%' },
  outcome: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` } },
});

export interface AppParts {
  /** Sheet, date, actions, progress, outcome and figures. */
  readonly controls: ReactNode;
  /** The observation list (with its filters), or null before the first analysis. */
  readonly observations: ReactNode;
}

export interface AppProps {
  readonly service: PoiService;
  /** Host-specific wording of the actions (keep the engine's «Recalcular y escribir» unless messages change too). */
  readonly labels?: Partial<ActionLabels>;
  /** Told when the chosen report sheet changes (the web page shows that sheet). */
  readonly onSheetChange?: (sheet: string) => void;
  /** Defaults to the day after the last registration deadline that has passed. */
  readonly initialFechaCorte?: string;
  /** Validate as soon as the report sheet is known, and again when the sheet or date changes (default true). */
  readonly validateOnOpen?: boolean;
  /** Shown inside the message after an action (the web page's «Descargar», when there is something to save). */
  readonly writeAction?: ReactNode;
  /** Places the two parts; one column by default (the pane). */
  readonly layout?: (parts: AppParts) => ReactNode;
}

/** The pane: choose sheet and date, run an action, review figures and observations. */
export function App({ service, labels, onSheetChange, initialFechaCorte, validateOnOpen = true, writeAction, layout }: AppProps) {
  const styles = useStyles();
  const [defaults] = useState(() => defaultFechaCorte());
  const [sheets, setSheets] = useState<readonly SheetChoice[] | null>(null);
  const [sheet, setSheet] = useState('');
  const [fechaCorte, setFechaCorte] = useState(() => initialFechaCorte ?? defaults.fechaCorte);
  const [paneError, setPaneError] = useState<ShownError | null>(null);
  // A flat export's period and phase ({} = the engine's choice); kept per sheet.
  const [choices, setChoices] = useState<AnalyzeChoices>({});
  const [undoing, setUndoing] = useState(false);
  const { state, busy, validate, recompute, writeSummary } = useAnalysis(service);
  const l = { ...DEFAULT_ACTION_LABELS, ...labels };

  // Refs, so that a parent passing a new callback each render does not re-list the sheets.
  const onSheetChangeRef = useRef(onSheetChange);
  onSheetChangeRef.current = onSheetChange;
  const sheetRef = useRef(sheet);
  sheetRef.current = sheet;
  const fechaRef = useRef(fechaCorte);
  fechaRef.current = fechaCorte;
  const autoRef = useRef(validateOnOpen);
  autoRef.current = validateOnOpen;
  const choicesRef = useRef(choices);
  choicesRef.current = choices;

  const chooseSheet = useCallback(
    (name: string, recognised: boolean) => {
      if (name !== sheetRef.current) choicesRef.current = {};
      setChoices(choicesRef.current);
      setSheet(name);
      onSheetChangeRef.current?.(name);
      // Figures without another click: a recognised report is validated at once.
      if (autoRef.current && recognised && isIsoDate(fechaRef.current)) void validate(name, fechaRef.current, choicesToSend(choicesRef.current));
    },
    [validate],
  );

  const loadSheets = useCallback(() => {
    let live = true;
    setSheets(null);
    setPaneError(null);
    service.listSheets().then(
      (list) => {
        if (!live) return;
        setSheets(list);
        // The app's one policy; on a refresh the user's choice is kept while it still fits.
        const keep = defaultSheet(list, sheetRef.current || undefined);
        if (keep !== null) chooseSheet(keep, list.find((s) => s.name === keep)?.recognised ?? false);
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

  // When an action ends, the message that says how it went takes the focus (the button that
  // started it was disabled meanwhile, so the focus would otherwise fall to the page's body).
  const outcomeRef = useRef<HTMLDivElement>(null);
  const wasBusy = useRef(false);
  useEffect(() => {
    const ended = wasBusy.current && !isBusy(state.status);
    wasBusy.current = isBusy(state.status);
    const el = outcomeRef.current;
    const active = document.activeElement;
    const lost = !active || active === document.body || active.closest('[data-poi-app]') !== null;
    if (ended && el && lost && (state.status === 'done' || state.status === 'failed')) el.focus();
  }, [state.status]);

  const onAction = (action: ActionKind) => {
    setPaneError(null);
    const run = { validate, recompute, summary: writeSummary }[action];
    void run(sheet, fechaCorte, choicesToSend(choices));
  };

  const onChoices = (next: AnalyzeChoices) => {
    setChoices(next);
    // Another period or phase gives other figures: validated at once with it.
    if (sheet && isIsoDate(fechaCorte)) void validate(sheet, fechaCorte, choicesToSend(next));
  };

  const onFecha = (value: string) => {
    setFechaCorte(value);
    // A new date changes which months are S.I.: the figures follow it.
    if (validateOnOpen && state.summary && sheet && isIsoDate(value) && value !== fechaCorte) void validate(sheet, value, choicesToSend(choices));
  };

  const onSelect = (o: Observation) => {
    setPaneError(null);
    service.selectCell(o.sheet || sheet, o.cell).catch((e: unknown) => setPaneError(toShownError(e)));
  };

  const undo = service.undo?.bind(service);
  const canRun = !busy && !undoing && sheet !== '' && isIsoDate(fechaCorte);
  const summary = state.summary;
  const recognisedOf = (name: string) => sheets?.find((s) => s.name === name)?.recognised ?? false;
  // The Aplicativo's export: its choices show, and the write action generates the report.
  const isExport = summary?.layout === 'exportacion' && summary.sheet === sheet;
  const actionLabels = isExport ? { ...l, recompute: EXPORT_ACTION.label } : l;

  const controls = (
    <div className={styles.column} data-poi-app="">
      <SheetPicker sheets={sheets} value={sheet} onChange={(name) => chooseSheet(name, recognisedOf(name))} onRefresh={loadSheets} disabled={busy} />
      <FechaCorteInput value={fechaCorte} onChange={onFecha} disabled={busy} defaultInfo={defaults} />
      {isExport && <ExportChoices summary={summary} value={choices} onChange={onChoices} disabled={busy} />}
      <ActionBar onAction={onAction} disabled={!canRun} labels={actionLabels} titles={isExport ? { recompute: EXPORT_ACTION.title } : undefined} />
      {state.progress && <ProgressPanel progress={state.progress} />}
      <div ref={outcomeRef} tabIndex={-1} className={styles.outcome} aria-label="Resultado" data-testid="outcome">
        {state.status === 'failed' && state.error && <ErrorBar error={state.error} />}
        {paneError && <ErrorBar error={paneError} />}
        {state.status === 'done' && <Outcome state={state} labels={actionLabels} writeAction={writeAction} />}
        {undo && <UndoRecompute undo={undo} state={state} disabled={busy} onRunning={setUndoing} onUndone={() => void validate(sheet, fechaCorte)} />}
      </div>
      {summary && summary.recognised && <ResultCards summary={summary} />}
    </div>
  );
  const observations = summary && (
    <div className={styles.column} data-poi-app="">
      {summary.recognised && <Divider>Observaciones ({formatCount(summary.observations.length)})</Divider>}
      <ObservationList observations={summary.observations} places={summary} onSelect={onSelect} />
    </div>
  );
  if (layout) return <>{layout({ controls, observations })}</>;
  return (
    <div className={styles.column}>
      {controls}
      {observations}
    </div>
  );
}
