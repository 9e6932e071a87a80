/**
 * The add-in's entry: the only file of the pane that knows about Office.js. It waits for
 * Office once, then renders the App over the Office service.
 */
import { createRoot } from 'react-dom/client';
import { FluentProvider, Subtitle1, webLightTheme } from '@fluentui/react-components';
import { createWorkerAnalyzer } from '../app/analyzer-worker';
import { createOfficeService } from '../hosts/office/service';
import { App } from '../ui/App';
import { NoticeBar } from '../ui/components/ErrorBar';
import { createAnalysisWorker } from './create-analysis-worker';

type Where = 'excel' | 'elsewhere' | 'no-office';

function render(where: Where): void {
  const container = document.getElementById('root');
  if (!container) throw new Error('taskpane.html has no #root element');
  createRoot(container).render(
    <FluentProvider theme={webLightTheme} style={{ padding: 12, minHeight: '100vh', boxSizing: 'border-box' }}>
      <header style={{ marginBottom: 12 }}>
        <Subtitle1 as="h1">Semáforo POI</Subtitle1>
      </header>
      {/* The engine runs in a worker: Excel's pane never freezes during a large recompute. */}
      {where === 'excel' && <App service={createOfficeService({ analyzer: createWorkerAnalyzer(createAnalysisWorker) })} />}
      {where === 'elsewhere' && (
        <NoticeBar intent="warning" title="Abra este panel desde Excel">
          El Semáforo POI funciona dentro de Excel (escritorio o web). Para probarlo sin Excel, abra la página
          sin conexión web.html.
        </NoticeBar>
      )}
      {where === 'no-office' && (
        <NoticeBar intent="warning" title="No se pudo cargar Office.js">
          El panel necesita conexión a Internet para cargar Office.js de Microsoft. Revise la conexión y vuelva a
          abrir el complemento. Sin conexión puede usar la página web.html.
        </NoticeBar>
      )}
    </FluentProvider>,
  );
}

// office.js comes from Microsoft's CDN: without a network it is missing, and the pane says so.
if (typeof Office === 'undefined') render('no-office');
else void Office.onReady((info) => render(info.host === Office.HostType.Excel ? 'excel' : 'elsewhere'));
