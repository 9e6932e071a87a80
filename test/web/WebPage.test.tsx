/** @jest-environment jsdom */
import './jsdom-polyfills';
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
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
  it('opens a file from the picker, shows the sheet, validates, and goes to a flagged cell', async () => {
    const service = setup();
    await openThroughPicker(service, smallWorkbook(), 'reporte.xlsx');
    await screen.findByText('reporte.xlsx');
    await screen.findByRole('grid', { name: `Hoja «${REPORT_SHEET}»` });
    fireEvent.change(screen.getByLabelText(/Fecha de corte/), { target: { value: '2023-08-01' } });
    fireEvent.click(screen.getByRole('button', { name: 'Validar' }));
    await screen.findByTestId('promedio');
    const first = service.getState().summary!.observations[0];
    fireEvent.click(screen.getByRole('button', { name: new RegExp(`^.*${first.cell}`) }));
    await waitFor(() => expect(document.querySelector(`[data-a1="${first.cell}"]`)?.getAttribute('data-selected')).toBe('true'));
    expect((screen.getByRole('button', { name: /Descargar/ }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('Recalcular enables Descargar, which saves the recomputed copy', async () => {
    const saved: Array<{ fileName: string; bytes: Uint8Array }> = [];
    const service = setup((fileName, bytes) => saved.push({ fileName, bytes }));
    await openThroughPicker(service, smallWorkbook(), 'reporte.xlsx');
    await screen.findByRole('grid');
    // The pane lists the sheets on its own; the action is enabled once the report sheet is chosen.
    const recalcular = screen.getByRole('button', { name: 'Recalcular' }) as HTMLButtonElement;
    await waitFor(() => expect(recalcular.disabled).toBe(false));
    fireEvent.click(recalcular);
    await screen.findByText(/Se escribieron \d+ celdas calculadas y las hojas Observaciones y Resumen/);
    const download = screen.getByRole('button', { name: /Descargar/ }) as HTMLButtonElement;
    expect(download.disabled).toBe(false);
    fireEvent.click(download);
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0].fileName).toBe('reporte-recalculado.xlsx');
    expect(openXlsx(saved[0].bytes).sheets.map((s) => s.name)).toContain('Observaciones');
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
