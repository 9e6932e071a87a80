/** The offline page's entry: no Office.js, no network; the workbook is handled in a worker. */
import { createRoot } from 'react-dom/client';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { WebPage } from './WebPage';
import { WebPoiService } from './web-service';
import { createWorker } from './create-worker';

const container = document.getElementById('root');
if (!container) throw new Error('web.html has no #root element');
const service = new WebPoiService(createWorker());
createRoot(container).render(
  <FluentProvider theme={webLightTheme} style={{ minHeight: '100vh' }}>
    <WebPage service={service} />
  </FluentProvider>,
);
