import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { Body1, Caption1, Spinner, Subtitle1, ToggleButton, makeStyles, tokens } from '@fluentui/react-components';
import { QuestionCircleRegular } from '@fluentui/react-icons';
import { App } from '../ui/App';
import { ErrorBar } from '../ui/components/ErrorBar';
import { SemaforoChart } from '../ui/components/SemaforoChart';
import type { WebPoiService } from './web-service';
import { useWebState } from './use-web-state';
import { FilePanel } from './components/FilePanel';
import { DownloadButton } from './components/DownloadButton';
import { SheetGrid } from './components/SheetGrid';
import { Legend } from './components/Legend';
import { CHART_TAB, SheetTabs } from './components/SheetTabs';

/** Below this width the page is one column: file and pane, then the sheet, then the observations. */
export const NARROW = '@media (max-width: 860px)';

const useStyles = makeStyles({
  page: { padding: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  header: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
  title: { margin: 0 },
  layout: {
    display: 'grid',
    gap: tokens.spacingHorizontalL,
    gridTemplateColumns: 'minmax(300px, 400px) minmax(0, 1fr)',
    gridTemplateRows: 'auto 1fr',
    gridTemplateAreas: '"side main" "list main"',
    alignItems: 'start',
    [NARROW]: { gridTemplateColumns: 'minmax(0, 1fr)', gridTemplateRows: 'auto', gridTemplateAreas: '"side" "main" "list"' },
  },
  side: { gridArea: 'side', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  list: { gridArea: 'list', minWidth: 0 },
  // Beside the pane on a wide screen, the sheet stays in view while the observations scroll.
  main: {
    gridArea: 'main',
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    minWidth: 0,
    position: 'sticky',
    top: tokens.spacingVerticalS,
    [NARROW]: { position: 'static' },
  },
  help: { maxWidth: '70ch', margin: 0, paddingLeft: '1.2em' },
});

export const SAMPLE_URL = 'samples/la-victoria-2023-s1.xlsx';

/** The offline page: open a workbook, then the same pane as in Excel, beside the sheet itself. */
export interface WebPageProps {
  readonly service: WebPoiService;
  readonly sampleUrl?: string;
  /** How Descargar hands the bytes to the user (the browser's download by default). */
  readonly save?: (fileName: string, bytes: Uint8Array) => void;
}

export function WebPage({ service, sampleUrl = SAMPLE_URL, save }: WebPageProps) {
  const styles = useStyles();
  const state = useWebState(service);
  const [help, setHelp] = useState(false);
  const [chart, setChart] = useState(false);
  const [sheets, setSheets] = useState<readonly string[]>([]);
  const onSheetChange = useCallback((sheet: string) => void service.showSheet(sheet), [service]);

  // The tabs list every sheet; a write adds Observaciones and Resumen.
  useEffect(() => {
    if (!state.file) return setSheets([]);
    let live = true;
    service.listSheets().then(
      (list) => live && setSheets(list.map((s) => s.name)),
      () => undefined, // the tabs keep the last list; the pane shows the failure itself
    );
    return () => void (live = false);
  }, [service, state.file, state.modified, state.summary]);
  // Choosing an observation shows its cell, even from the chart.
  useEffect(() => setChart(false), [state.selected]);

  const tabs = state.sheet && (
    <SheetTabs
      sheets={sheets.length > 0 ? sheets : [state.sheet]}
      value={chart ? CHART_TAB : state.sheet}
      chart={state.summary?.trafficLight != null}
      onChange={(v) => {
        setChart(v === CHART_TAB);
        if (v !== CHART_TAB) void service.showSheet(v);
      }}
    />
  );
  let body: ReactNode;
  if (chart && state.summary) body = <SemaforoChart summary={state.summary} />;
  else if (state.viewError) body = <ErrorBar error={state.viewError} title="No se pudo mostrar la hoja" />;
  else if (state.view) body = (
    <>
      <SheetGrid view={state.view} summary={state.summary} selected={state.selected} />
      <Legend />
    </>
  );
  else if (state.sheet) body = <Spinner size="small" label="Leyendo la hoja…" />;
  else body = <Body1>Aquí aparecerá la hoja del reporte, con las celdas calculadas y las observaciones marcadas.</Body1>;

  const main = (
    <main className={styles.main} aria-label="Hoja del libro">
      {tabs}
      {body}
    </main>
  );
  const file = <FilePanel service={service} sampleUrl={sampleUrl} />;

  return (
    <div className={styles.page}>
      <header className={styles.header}>
        <Subtitle1 as="h1" className={styles.title}>
          Semáforo POI
        </Subtitle1>
        <Caption1>Reporte de seguimiento del POI (CEPLAN) · funciona sin conexión</Caption1>
        <ToggleButton size="small" appearance="subtle" icon={<QuestionCircleRegular />} checked={help} onClick={() => setHelp(!help)} aria-expanded={help} aria-controls="ayuda">
          ¿Cómo se usa?
        </ToggleButton>
      </header>
      {help && (
        <ol id="ayuda" className={styles.help}>
          <li>Abra el .xlsx del reporte (o pulse «Abrir ejemplo»). El archivo se procesa en su computadora; no se envía a ningún sitio. Al abrirlo se valida y aparecen las cifras.</li>
          <li>Revise la fecha de corte (dd/mm/aaaa): decide qué meses sin ejecución cuentan como S.I.</li>
          <li>Pulse una observación (o recórralas con las flechas y Enter) para ver su celda en la hoja; Esc vuelve a la lista.</li>
          <li>«Recalcular y escribir» llena las celdas calculadas y añade las hojas Observaciones y Resumen a una copia; «Descargar», en el mensaje que aparece, la guarda.</li>
        </ol>
      )}
      <div className={styles.layout}>
        {state.file ? (
          <App
            key={state.file.seq}
            service={service}
            onSheetChange={onSheetChange}
            writeAction={<DownloadButton service={service} save={save} />}
            layout={({ controls, observations }) => (
              <>
                <div className={styles.side}>
                  {file}
                  {controls}
                </div>
                {main}
                <div className={styles.list}>{observations}</div>
              </>
            )}
          />
        ) : (
          <>
            <div className={styles.side}>{file}</div>
            {main}
          </>
        )}
      </div>
    </div>
  );
}
