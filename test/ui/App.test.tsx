/** @jest-environment jsdom */
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { App } from '../../src/ui/App';
import { GENERIC_ERROR } from '../../src/ui/use-analysis';
import { UserFacingError } from '../../src/app/contract';
import { defaultFechaCorte, formatDmy } from '../../src/ui/dates';
import { FakeService, deferred, sampleSummary } from './fake-service';
import { renderInPane } from './render';

const NBSP = '\u00a0';

async function renderApp(service = new FakeService(), props: Partial<Parameters<typeof App>[0]> = {}) {
  renderInPane(<App service={service} {...props} />);
  await screen.findByText(/Hoja del reporte/);
  return service;
}

function button(name: RegExp | string) {
  return screen.getByRole('button', { name });
}

describe('App', () => {
  it('validates as soon as the report sheet is known: figures without another click', async () => {
    const service = await renderApp();
    await screen.findByTestId('promedio');
    expect(service.calls.filter((c) => c[0] === 'analyze')).toEqual([['analyze', 'Reporte POI', defaultFechaCorte().fechaCorte]]);
    expect(screen.getByText(/290 AO revisadas/)).toBeTruthy();
  });

  it('does not validate on open when told not to', async () => {
    const service = await renderApp(new FakeService(), { validateOnOpen: false });
    expect(service.calls.some((c) => c[0] === 'analyze')).toBe(false);
    expect(screen.queryByTestId('promedio')).toBeNull();
  });

  it('defaults the fecha de corte to the day after the last deadline that has passed, in dd/mm/aaaa, and says why', async () => {
    await renderApp();
    const d = defaultFechaCorte();
    const input = screen.getByLabelText(/Fecha de corte/) as HTMLInputElement;
    expect(input.value).toBe(formatDmy(d.fechaCorte));
    expect(input.value).toMatch(/^01\/\d{2}\/\d{4}$/);
    expect(screen.getByText(new RegExp(`Por defecto, ${formatDmy(d.fechaCorte)}: el día después del último plazo de registro vencido \\(${formatDmy(d.deadline)}`))).toBeTruthy();
  });

  it('reads 01082023 as 1 August 2023 and validates with it', async () => {
    const service = await renderApp();
    await screen.findByTestId('promedio');
    const input = screen.getByLabelText(/Fecha de corte/);
    fireEvent.change(input, { target: { value: '01082023' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    await waitFor(() => expect(service.calls).toContainEqual(['analyze', 'Reporte POI', '2023-08-01']));
    expect((input as HTMLInputElement).value).toBe('01/08/2023');
  });

  it('moves the focus to the outcome when an action ends', async () => {
    await renderApp();
    await screen.findByText(/Validación terminada/);
    button('Validar').focus();
    fireEvent.click(button('Validar'));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('outcome')));
    expect(screen.getByTestId('outcome').textContent).toContain('Validación terminada');
  });

  it('runs Validar with the chosen sheet and date', async () => {
    const service = await renderApp();
    const input = screen.getByLabelText(/Fecha de corte/);
    fireEvent.change(input, { target: { value: '15/08/2023' } });
    fireEvent.blur(input);
    fireEvent.click(button('Validar'));
    await waitFor(() => expect(service.calls.filter((c) => c[2] === '2023-08-15').length).toBeGreaterThan(0));
    expect(service.calls[service.calls.length - 1]).toEqual(['analyze', 'Reporte POI', '2023-08-15']);
  });

  it('blocks the actions on an invalid date and says what to write', async () => {
    await renderApp();
    const input = screen.getByLabelText(/Fecha de corte/);
    fireEvent.change(input, { target: { value: '31/02/2023' } });
    fireEvent.blur(input);
    await screen.findByText(/Escriba la fecha como dd\/mm\/aaaa/);
    expect((button('Validar') as HTMLButtonElement).disabled).toBe(true);
  });

  it('shows the stage and a progress bar while it works, and disables the actions', async () => {
    const service = new FakeService();
    service.gate = deferred<void>();
    await renderApp(service);
    fireEvent.click(button('Validar'));
    const status = await screen.findByRole('status');
    expect(within(status).getByRole('progressbar')).toBeTruthy();
    expect(status.textContent).toContain('Calculando…');
    expect(status.textContent).toContain('50 %');
    expect((button('Validar') as HTMLButtonElement).disabled).toBe(true);
    expect((button('Recalcular y escribir') as HTMLButtonElement).disabled).toBe(true);
    await act(async () => service.gate!.resolve());
    await screen.findByTestId('promedio');
    expect(screen.queryByRole('status')).toBeNull();
    expect((button('Validar') as HTMLButtonElement).disabled).toBe(false);
  });

  it('shows Leyendo… first and Escribiendo… when writing', async () => {
    const service = new FakeService();
    service.progress = [{ stage: 'reading' }];
    service.gate = deferred<void>();
    await renderApp(service);
    await act(async () => service.gate!.resolve());
    await screen.findByText(/Validación terminada/);
    service.gate = deferred<void>();
    fireEvent.click(button('Recalcular y escribir'));
    expect((await screen.findByRole('status')).textContent).toContain('Leyendo…');
    await act(async () => service.gate!.resolve());
    await screen.findByText(/Se escribieron 12 celdas calculadas y la hoja Observaciones/);
  });

  it('shows the figures in es-PE format, and the semáforo with words as well as colours', async () => {
    await renderApp();
    await screen.findByText(/Validación terminada/);
    const promedio = await screen.findByTestId('promedio');
    expect(promedio.textContent).toContain(`83.7${NBSP}%`);
    expect(screen.getByTestId('mediana').textContent).toContain(`100${NBSP}%`);
    expect(screen.getByTestId('promedio-aei').textContent).toContain(`79.4${NBSP}%`);
    expect(screen.getByTestId('programado').textContent).toContain(`S/${NBSP}56,721,964.00`);
    expect(screen.getByTestId('ejecutado').textContent).toContain(`S/${NBSP}56,120,891.58`);
    expect(screen.getByTestId('ao-completas').textContent).toContain('288');
    expect(screen.getByTestId('ao-incompletas').textContent).toContain('0');
    const ao = screen.getByRole('group', { name: /Actividades operativas/ });
    expect(ao.getAttribute('aria-label')).toBe('Actividades operativas: Rojo 58, Amarillo 16, Verde 190');
    expect(within(ao).getByText('Rojo').textContent).toBe('Rojo58');
    expect(within(ao).getByText('Verde').textContent).toBe('Verde190');
    const aei = screen.getByRole('group', { name: /Acciones estratégicas/ });
    expect(aei.getAttribute('aria-label')).toBe('Acciones estratégicas: Rojo 11, Amarillo 9, Verde 9');
    expect(screen.getByText(/290 AO revisadas: 1 errores, 2 advertencias/)).toBeTruthy();
    expect(screen.getByText(/12 celdas calculadas no coinciden/)).toBeTruthy();
  });

  it('shows a UserFacingError as it is, in an alert', async () => {
    const service = new FakeService();
    service.failWith = new UserFacingError('Termine de editar la celda (pulse Enter o Esc) y vuelva a intentarlo.', 'InvalidOperationInCellEditMode');
    await renderApp(service);
    fireEvent.click(button('Validar'));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Termine de editar la celda (pulse Enter o Esc) y vuelva a intentarlo.');
    expect(alert.textContent).not.toContain(GENERIC_ERROR);
  });

  it('shows any other failure as a generic Spanish sentence plus the detail', async () => {
    const service = new FakeService();
    service.failWith = new TypeError("Cannot read properties of undefined (reading 'x')");
    await renderApp(service);
    fireEvent.click(button('Validar'));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(GENERIC_ERROR);
    expect(alert.textContent).toContain("TypeError: Cannot read properties of undefined (reading 'x')");
    // The pane keeps working: the next run succeeds and clears the error.
    service.failWith = null;
    fireEvent.click(button('Validar'));
    await screen.findByTestId('promedio');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows a failure to list the sheets', async () => {
    const service = new FakeService();
    service.listSheets = () => Promise.reject(new UserFacingError('Abra un libro con el reporte y vuelva a intentarlo.'));
    renderInPane(<App service={service} />);
    expect((await screen.findByRole('alert')).textContent).toContain('Abra un libro con el reporte y vuelva a intentarlo.');
  });

  it('writes the Resumen sheet', async () => {
    const service = await renderApp();
    fireEvent.click(button('Generar resumen'));
    await screen.findByText('Se escribió la hoja Resumen.');
    expect(service.calls.some((c) => c[0] === 'writeSummary')).toBe(true);
  });

  it('warns when the sheet is not a POI report', async () => {
    const service = new FakeService();
    service.summary = sampleSummary({ recognised: false, totals: null, trafficLight: null, observations: [] });
    await renderApp(service);
    fireEvent.click(button('Validar'));
    await screen.findByText(/no tiene los encabezados del reporte/);
    expect(screen.queryByTestId('promedio')).toBeNull();
  });
});

describe('sheet choice', () => {
  it('names the one recognised sheet without a picker', async () => {
    const service = new FakeService();
    service.sheets = [{ name: 'Hoja1', recognised: false }, { name: 'Reporte POI', recognised: true }];
    await renderApp(service);
    expect(screen.queryByRole('combobox', { name: /Hoja del reporte/ })).toBeNull();
    expect(screen.getByText('Reporte POI')).toBeTruthy();
  });

  it('offers a picker when several sheets fit, and uses the choice', async () => {
    const service = new FakeService();
    service.sheets = [{ name: 'POI 2023', recognised: true }, { name: 'Notas', recognised: false }, { name: 'POI 2024', recognised: true }];
    const seen: string[] = [];
    await renderApp(service, { onSheetChange: (s) => seen.push(s) });
    const select = screen.getByRole('combobox', { name: /Hoja del reporte/ }) as HTMLSelectElement;
    expect([...select.options].map((o) => o.value)).toEqual(['POI 2023', 'POI 2024']);
    fireEvent.change(select, { target: { value: 'POI 2024' } });
    fireEvent.click(button('Validar'));
    await waitFor(() => expect(service.calls.some((c) => c[0] === 'analyze' && c[1] === 'POI 2024')).toBe(true));
    expect(seen).toEqual(['POI 2023', 'POI 2024']);
  });

  it('offers every sheet, with a warning, when none has the layout', async () => {
    const service = new FakeService();
    service.sheets = [{ name: 'Hoja1', recognised: false }, { name: 'Hoja2', recognised: false }];
    await renderApp(service);
    expect(screen.getByText(/Ninguna hoja tiene los encabezados/)).toBeTruthy();
    expect((screen.getByRole('combobox', { name: /Hoja del reporte/ }) as HTMLSelectElement).options).toHaveLength(2);
  });
});
