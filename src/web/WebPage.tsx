import { useCallback, useState } from 'react';
import { Body1, Caption1, Spinner, Subtitle1, Subtitle2, ToggleButton, makeStyles, tokens } from '@fluentui/react-components';
import { QuestionCircleRegular } from '@fluentui/react-icons';
import { App } from '../ui/App';
import type { WebPoiService } from './web-service';
import { useWebState } from './use-web-state';
import { FilePanel } from './components/FilePanel';
import { DownloadPanel } from './components/DownloadPanel';
import { SheetGrid } from './components/SheetGrid';
import { Legend } from './components/Legend';
import { ErrorBar } from '../ui/components/ErrorBar';

const useStyles = makeStyles({
  page: { padding: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  header: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
  title: { margin: 0 },
  layout: {
    display: 'grid',
    gap: tokens.spacingHorizontalL,
    gridTemplateColumns: 'minmax(300px, 400px) minmax(0, 1fr)',
    alignItems: 'start',
    '@media (max-width: 860px)': { gridTemplateColumns: 'minmax(0, 1fr)' },
  },
  side: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  // Beside the pane on a wide screen, the sheet stays in view while the observations scroll.
  main: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    minWidth: 0,
    position: 'sticky',
    top: tokens.spacingVerticalS,
    '@media (max-width: 860px)': { position: 'static' },
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
  const onSheetChange = useCallback((sheet: string) => void service.showSheet(sheet), [service]);

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
          <li>Abra el .xlsx del reporte (o pulse «Abrir ejemplo»). El archivo se procesa en su computadora; no se envía a ningún sitio.</li>
          <li>Elija la fecha de corte: decide qué meses sin ejecución cuentan como S.I.</li>
          <li>«Validar» lista las observaciones; pulse una para ver su celda en la hoja.</li>
          <li>«Recalcular» llena las celdas calculadas y añade las hojas Observaciones y Resumen; «Descargar» guarda esa copia.</li>
        </ol>
      )}
      <div className={styles.layout}>
        <div className={styles.side}>
          <FilePanel service={service} sampleUrl={sampleUrl} />
          {state.file && (
            <>
              <App key={state.file.seq} service={service} labels={{ recompute: 'Recalcular' }} onSheetChange={onSheetChange} />
              <DownloadPanel service={service} save={save} />
            </>
          )}
        </div>
        <main className={styles.main} aria-label="Hoja del reporte">
          {state.sheet && <Subtitle2 as="h2">Hoja «{state.sheet}»</Subtitle2>}
          {state.viewError ? (
            <ErrorBar error={state.viewError} title="No se pudo mostrar la hoja" />
          ) : state.view ? (
            <>
              <SheetGrid view={state.view} summary={state.summary} selected={state.selected} />
              <Legend />
            </>
          ) : state.sheet ? (
            <Spinner size="small" label="Leyendo la hoja…" />
          ) : (
            <Body1>Aquí aparecerá la hoja del reporte, con las celdas calculadas y las observaciones marcadas.</Body1>
          )}
        </main>
      </div>
    </div>
  );
}
