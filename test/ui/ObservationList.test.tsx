/** @jest-environment jsdom */
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { App } from '../../src/ui/App';
import { ObservationList, PAGE_SIZE } from '../../src/ui/components/ObservationList';
import { FakeService, observation } from './fake-service';
import { renderInPane } from './render';

async function validated(service = new FakeService()) {
  renderInPane(<App service={service} />);
  await screen.findByText(/Validación terminada/);
  await screen.findByRole('region', { name: 'Observaciones' });
  return service;
}

describe('observation list', () => {
  it('groups by severity, errors first, with counts', async () => {
    await validated();
    const headings = screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent);
    expect(headings).toEqual(['Errores (1)', 'Advertencias (2)', 'Información (1)']);
  });

  it('filters by severity with checkboxes that show their state, and by rule, AEI and cost centre, with counts', async () => {
    await validated();
    const warnings = screen.getByRole('checkbox', { name: /Advertencias \(2\)/ }) as HTMLInputElement;
    expect(warnings.checked).toBe(true);
    expect(screen.getByText('Número escrito como texto.')).toBeTruthy();
    fireEvent.click(warnings);
    expect(warnings.checked).toBe(false);
    expect(screen.queryByText('Número escrito como texto.')).toBeNull();
    fireEvent.click(warnings);
    const rule = screen.getByRole('combobox', { name: 'Regla' }) as HTMLSelectElement;
    expect([...rule.options].map((o) => o.text)).toEqual(['Todas las reglas (4)', 'AVANCE % distinto (1)', 'Código de AO repetido (1)', 'Texto en una celda de cifras (2)']);
    fireEvent.change(rule, { target: { value: 'text-in-number-cell' } });
    expect(screen.getAllByRole('listitem')).toHaveLength(2);
    const aei = screen.getByRole('combobox', { name: 'AEI' }) as HTMLSelectElement;
    expect([...aei.options].map((o) => o.text)).toEqual(['Todas las AEI (2)', 'AEI.01.01 (1)', 'AEI.01.02 (1)']);
    fireEvent.change(aei, { target: { value: 'AEI.01.02' } });
    expect(screen.getAllByRole('listitem').map((li) => li.querySelector('[data-observation]')!.getAttribute('data-observation'))).toEqual(['N31']);
    fireEvent.change(rule, { target: { value: '' } });
    fireEvent.change(aei, { target: { value: '' } });
    const centre = screen.getByRole('combobox', { name: 'Centro de costos' }) as HTMLSelectElement;
    fireEvent.change(centre, { target: { value: 'GERENCIA MUNICIPAL' } });
    expect(screen.getAllByRole('listitem').map((li) => li.querySelector('[data-observation]')!.getAttribute('data-observation'))).toEqual(['P14', 'A40']);
  });

  it('arrow keys move through the observations (one Tab stop); names keep cell and message apart', async () => {
    await validated();
    const items = screen.getAllByRole('listitem').map((li) => li.querySelector('button')!);
    expect(items.map((b) => b.tabIndex)).toEqual([0, -1, -1, -1]);
    expect(items[0].getAttribute('aria-label')).toBe('Celda P14. Error: AVANCE % dice 90; según los meses es 100.');
    expect(items[0].getAttribute('title')).toBe('Ir a la celda P14 · Regla: AVANCE % distinto');
    items[0].focus();
    fireEvent.keyDown(items[0], { key: 'ArrowDown' });
    await waitFor(() => expect(document.activeElement).toBe(items[1]));
    fireEvent.keyDown(items[1], { key: 'End' });
    await waitFor(() => expect(document.activeElement).toBe(items[3]));
    fireEvent.keyDown(items[3], { key: 'ArrowUp' });
    await waitFor(() => expect(document.activeElement).toBe(items[2]));
  });

  it('each item is a focusable button showing cell and message; clicking selects the cell', async () => {
    const service = await validated();
    const item = screen.getByRole('button', { name: /P14.*AVANCE % dice 90/ });
    expect(item.tagName).toBe('BUTTON');
    item.focus();
    expect(document.activeElement).toBe(item);
    fireEvent.click(item);
    expect(service.calls).toContainEqual(['selectCell', 'Reporte POI', 'P14']);
    fireEvent.click(screen.getByRole('button', { name: /N31/ }));
    expect(service.calls).toContainEqual(['selectCell', 'Reporte POI', 'N31']);
  });

  it('shows a failure of selectCell', async () => {
    const service = new FakeService();
    service.selectCell = () => Promise.reject(new Error('boom'));
    await validated(service);
    fireEvent.click(screen.getByRole('button', { name: /P14/ }));
    expect((await screen.findByRole('alert')).textContent).toContain('Error: boom');
  });

  it('shows long lists a page at a time, with Siguientes / Anteriores and Av Pág', async () => {
    const many = Array.from({ length: PAGE_SIZE + 30 }, (_, i) => observation({ cell: `H${i + 1}`, severity: 'warning' }));
    const picked: string[] = [];
    renderInPane(<ObservationList observations={many} onSelect={(o) => picked.push(o.cell)} />);
    expect(screen.getAllByRole('listitem')).toHaveLength(PAGE_SIZE);
    expect(screen.getByText(`1–${PAGE_SIZE} de ${PAGE_SIZE + 30} observaciones`)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Siguientes' }));
    expect(screen.getAllByRole('listitem')).toHaveLength(30);
    fireEvent.click(screen.getByRole('button', { name: /H80/ }));
    expect(picked).toEqual(['H80']);
    fireEvent.click(screen.getByRole('button', { name: 'Anteriores' }));
    const first = screen.getByRole('button', { name: /Celda H1\./ });
    first.focus();
    fireEvent.keyDown(first, { key: 'PageDown' });
    await waitFor(() => expect(document.activeElement?.getAttribute('data-observation')).toBe(`H${PAGE_SIZE + 1}`));
  });

  it('says so when there is nothing to report', () => {
    renderInPane(<ObservationList observations={[]} onSelect={() => undefined} />);
    expect(screen.getByText(/Sin observaciones/)).toBeTruthy();
  });
});
