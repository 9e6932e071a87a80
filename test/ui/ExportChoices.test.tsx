/** @jest-environment jsdom */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { App } from '../../src/ui/App';
import { phaseLine, periodLine } from '../../src/ui/export-choices';
import { FakeService, exportSummary, sampleSummary } from './fake-service';
import { renderInPane } from './render';

const EXPORT = 'POI_Por_ActividadOperativaAnual';

function exportService(): FakeService {
  const service = new FakeService();
  service.sheets = [{ name: EXPORT, recognised: true }];
  service.summary = exportSummary({ fechaCorte: '2025-08-15' });
  return service;
}

async function renderApp(service: FakeService) {
  renderInPane(<App service={service} />);
  await screen.findByTestId('promedio');
  return service;
}

const calls = (service: FakeService, op: string) => service.calls.filter((c) => c[0] === op);

describe('App on the Aplicativo’s flat export', () => {
  it('shows the period chosen and why, the phases read, and «Generar reporte»', async () => {
    await renderApp(exportService());
    const box = screen.getByTestId('export-choices');
    expect(within(box).getByText('Periodo: PRIMER SEMESTRE (enero a junio), elegido por la fecha de corte 15/08/2025.')).toBeTruthy();
    expect(within(box).getByText('Programación leída: RE en 3 AO, CS en 1 AO.')).toBeTruthy();
    const period = within(box).getByLabelText('Periodo') as HTMLSelectElement;
    expect(period.value).toBe('');
    expect([...period.options].map((o) => o.text)).toEqual(
      expect.arrayContaining(['Primer semestre (enero a junio)', 'Segundo semestre (julio a diciembre)', 'Anual (enero a diciembre)', 'Enero a marzo']),
    );
    const phase = within(box).getByLabelText('Programación') as HTMLSelectElement;
    expect(phase.options[phase.selectedIndex].text).toBe('Automática (RE, CS, AJ o A)');
    expect(screen.getByRole('button', { name: 'Generar reporte' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Recalcular y escribir' })).toBeNull();
  });

  it('does not show them for a printed report', async () => {
    const service = new FakeService();
    service.summary = sampleSummary();
    await renderApp(service);
    expect(screen.queryByTestId('export-choices')).toBeNull();
    expect(screen.queryByLabelText('Periodo')).toBeNull();
    expect(screen.getByRole('button', { name: 'Recalcular y escribir' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Generar reporte' })).toBeNull();
  });

  it('validates again with the period and the phase chosen', async () => {
    const service = await renderApp(exportService());
    expect(calls(service, 'analyze')).toHaveLength(1);
    expect(calls(service, 'analyze')[0]).toHaveLength(3); // automatic: no choices sent
    fireEvent.change(screen.getByLabelText('Periodo'), { target: { value: 'S2' } });
    await waitFor(() => expect(calls(service, 'analyze')).toHaveLength(2));
    expect(calls(service, 'analyze')[1][3]).toEqual({ period: 'S2' });
    await screen.findByText(/Validación terminada/);
    fireEvent.change(screen.getByLabelText('Programación'), { target: { value: 'CS' } });
    await waitFor(() => expect(calls(service, 'analyze')).toHaveLength(3));
    expect(calls(service, 'analyze')[2][3]).toEqual({ period: 'S2', programmedPhase: 'CS' });
    await screen.findByText(/Validación terminada/);
    // Back to automatic: nothing sent, the engine chooses.
    fireEvent.change(screen.getByLabelText('Periodo'), { target: { value: '' } });
    await waitFor(() => expect(calls(service, 'analyze')).toHaveLength(4));
    expect(calls(service, 'analyze')[3][3]).toEqual({ programmedPhase: 'CS' });
  });

  it('«Generar reporte» runs the recompute with the choices and says what was written', async () => {
    const service = exportService();
    await renderApp(service);
    fireEvent.change(screen.getByLabelText('Periodo'), { target: { value: '04' } });
    await waitFor(() => expect(calls(service, 'analyze')).toHaveLength(2));
    await screen.findByText(/Validación terminada/);
    service.recomputeSheets = ['Reporte de seguimiento', 'Observaciones', 'Resumen'];
    fireEvent.click(screen.getByRole('button', { name: 'Generar reporte' }));
    await screen.findByText(/Reporte generado/);
    expect(calls(service, 'recompute')).toEqual([['recompute', EXPORT, expect.any(String), { period: '04' }]]);
    expect(screen.getByTestId('outcome').textContent).toMatch(
      /Se escribieron las hojas Reporte de seguimiento, Observaciones y Resumen, para PRIMER SEMESTRE; la exportación no cambió\./,
    );
  });

  it('says a period the user chose without a reason, and AO with no programmed phase', () => {
    const s = exportSummary({
      fechaCorte: '2025-08-15',
      period: { code: '03', months: [1, 2, 3], title: 'ENERO A MARZO', source: 'opcion' },
      forcedPhase: 'A',
      programmedPhases: { A: 5, ninguna: 2 },
    });
    expect(periodLine(s)).toBe('Periodo: ENERO A MARZO.');
    expect(phaseLine(s)).toBe('Programación leída: A en 5 AO (la elegida: A); 2 AO sin programación en ninguna fase.');
  });
});
