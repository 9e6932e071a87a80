/**
 * The add-in's entry: the only file of the pane that knows about Office.js. It waits for
 * Office once, then renders the App over the Office service.
 */
import { createRoot } from 'react-dom/client';
import { FluentProvider, Subtitle1, webLightTheme } from '@fluentui/react-components';
import { createOfficeService } from '../hosts/office/service';
import { App } from './App';
import { NoticeBar } from './components/ErrorBar';

function render(host: Office.HostType | null): void {
  const container = document.getElementById('root');
  if (!container) throw new Error('taskpane.html has no #root element');
  const inExcel = host === Office.HostType.Excel;
  createRoot(container).render(
    <FluentProvider theme={webLightTheme} style={{ padding: 12, minHeight: '100vh', boxSizing: 'border-box' }}>
      <header style={{ marginBottom: 12 }}>
        <Subtitle1 as="h1">Semáforo POI</Subtitle1>
      </header>
      {inExcel ? (
        <App service={createOfficeService()} />
      ) : (
        <NoticeBar intent="warning" title="Abra este panel desde Excel">
          El Semáforo POI funciona dentro de Excel (escritorio o web). Para probarlo sin Excel, abra la página
          sin conexión web.html.
        </NoticeBar>
      )}
    </FluentProvider>,
  );
}

void Office.onReady((info) => render(info.host ?? null));
