/** @jest-environment jsdom */
import './jsdom-polyfills';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { WebPage } from '../../src/web/WebPage';
import { openXlsx } from '../../src/hosts/xlsx';
import { WebPoiService } from '../../src/web/web-service';
import { renderInPane } from '../ui/render';
import { CSV_BYTES, InProcessWorker, REPORT_SHEET, smallWorkbook } from './helpers';

function file(bytes: Uint8Array, name: string): File {
  return new File([bytes as BlobPart], name);
}

async function openThroughPicker(service: WebPoiService, bytes: Uint8Array, name: string) {
  const input = screen.getByTestId('file-input');
  await act(async () => {
    fireEvent.change(input, { target: { files: [file(bytes, name)] } });
  });
}

function setup(save?: (fileName: string, bytes: Uint8Array) => void) {
  const service = new WebPoiService(new InProcessWorker());
  renderInPane(<WebPage service={service} save={save} />);
  return service;
}

describe('WebPage', () => {
  it('opens a file, validates at once (figures without another click), and goes to a flagged cell with the grid focused', async () => {
    const service = setup();
    await openThroughPicker(service, smallWorkbook(), 'reporte.xlsx');
    await screen.findByText('reporte.xlsx');
    await screen.findByRole('grid', { name: `Hoja «${REPORT_SHEET}»` });
    await screen.findByTestId('promedio');
    await screen.findByText(/Validación terminada/, {}, { timeout: 15_000 });
    // Nothing written yet: no Descargar anywhere.
    expect(screen.queryByRole('button', { name: /Descargar/ })).toBeNull();
    const first = service.getState().summary!.observations[0];
    fireEvent.click(screen.getByRole('button', { name: new RegExp(`^Celda ${first.cell}\\.`) }));
    await waitFor(() => expect(document.querySelector(`[data-a1="${first.cell}"]`)?.getAttribute('data-selected')).toBe('true'));
    expect(document.activeElement).toBe(screen.getByRole('grid'));
    expect(screen.getByRole('grid').getAttribute('aria-activedescendant')).toContain(first.cell);
  });

  it('«Recalcular y escribir» puts Descargar inside its success message, which saves the recomputed copy', async () => {
    const saved: Array<{ fileName: string; bytes: Uint8Array }> = [];
    const service = setup((fileName, bytes) => saved.push({ fileName, bytes }));
    await openThroughPicker(service, smallWorkbook(), 'reporte.xlsx');
    await screen.findByText(/Validación terminada/, {}, { timeout: 15_000 });
    const recalcular = screen.getByRole('button', { name: 'Recalcular y escribir' }) as HTMLButtonElement;
    await waitFor(() => expect(recalcular.disabled).toBe(false));
    fireEvent.click(recalcular);
    const message = (await screen.findByText(/Se escribieron \d+ celdas calculadas y las hojas Observaciones y Resumen/, {}, { timeout: 15_000 })).closest('[data-testid="outcome"]') as HTMLElement;
    const download = await within(message).findByRole('button', { name: /Descargar/ });
    fireEvent.click(download);
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0].fileName).toBe('reporte-recalculado.xlsx');
    expect(openXlsx(saved[0].bytes).sheets.map((s) => s.name)).toContain('Observaciones');
    expect(service.getState().modified).toBe(true);
  });

  it('shows Resumen, Observaciones and the semáforo chart as tabs after a recompute', async () => {
    setup();
    const input = screen.getByTestId('file-input');
    await act(async () => void fireEvent.change(input, { target: { files: [file(smallWorkbook(), 'reporte.xlsx')] } }));
    await screen.findByText(/Validación terminada/, {}, { timeout: 15_000 });
    fireEvent.click(screen.getByRole('tab', { name: 'Gráfico' }));
    const chart = await screen.findByTestId('semaforo-chart');
    expect(chart.querySelectorAll('[data-aei]')).toHaveLength(2);
    fireEvent.click(screen.getByRole('button', { name: 'Recalcular y escribir' }));
    await screen.findByText(/Se escribieron/, {}, { timeout: 15_000 });
    await screen.findByRole('tab', { name: 'Resumen' });
    fireEvent.click(screen.getByRole('tab', { name: 'Resumen' }));
    await screen.findByRole('grid', { name: 'Hoja «Resumen»' });
    fireEvent.click(screen.getByRole('tab', { name: 'Observaciones' }));
    await screen.findByRole('grid', { name: 'Hoja «Observaciones»' });
  });

  it('shows the Spanish reason for a file that is not .xlsx, and keeps working', async () => {
    const service = setup();
    await openThroughPicker(service, CSV_BYTES.slice(), 'datos.csv');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/texto \(CSV u otro\), no un libro de Excel/);
    await openThroughPicker(service, smallWorkbook(), 'reporte.xlsx');
    await screen.findByText('reporte.xlsx');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('opens a dropped file', async () => {
    const service = setup();
    await act(async () => {
      fireEvent.drop(screen.getByTestId('dropzone'), { dataTransfer: { files: [file(smallWorkbook(), 'soltado.xlsx')] } });
    });
    await screen.findByText('soltado.xlsx');
    expect(service.getState().file?.name).toBe('soltado.xlsx');
  });
});
