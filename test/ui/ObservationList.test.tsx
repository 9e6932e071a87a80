/** @jest-environment jsdom */
import { fireEvent, screen, within } from '@testing-library/react';
import { App } from '../../src/ui/App';
import { ObservationList, PAGE_SIZE } from '../../src/ui/components/ObservationList';
import { FakeService, observation } from './fake-service';
import { renderInPane } from './render';

async function validated(service = new FakeService()) {
  renderInPane(<App service={service} />);
  await screen.findByText(/Hoja del reporte/);
  fireEvent.click(screen.getByRole('button', { name: 'Validar' }));
  await screen.findByRole('region', { name: 'Observaciones' });
  return service;
}

describe('observation list', () => {
  it('groups by severity, errors first, with counts', async () => {
    await validated();
    const headings = screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent);
    expect(headings).toEqual(['Errores (1)', 'Advertencias (2)', 'Información (1)']);
  });

  it('filters by severity with toggle buttons', async () => {
    await validated();
    const warnings = screen.getByRole('button', { name: /Advertencias \(2\)/ });
    expect(warnings.getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByText('Número escrito como texto.')).toBeTruthy();
    fireEvent.click(warnings);
    expect(warnings.getAttribute('aria-pressed')).toBe('false');
    expect(screen.queryByText('Número escrito como texto.')).toBeNull();
    expect(screen.getByText('AVANCE % dice 90; según los meses es 100.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /Errores \(1\)/ }));
    expect(screen.queryByText('AVANCE % dice 90; según los meses es 100.')).toBeNull();
    fireEvent.click(warnings);
    expect(screen.getByText('Número escrito como texto.')).toBeTruthy();
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

  it('renders long lists a page at a time', () => {
    const many = Array.from({ length: PAGE_SIZE + 30 }, (_, i) => observation({ cell: `H${i + 1}`, severity: 'warning' }));
    const picked: string[] = [];
    renderInPane(<ObservationList observations={many} onSelect={(o) => picked.push(o.cell)} />);
    const group = screen.getByText(`Advertencias (${PAGE_SIZE + 30})`, { selector: 'h3' }).parentElement!;
    expect(within(group).getAllByRole('listitem')).toHaveLength(PAGE_SIZE);
    fireEvent.click(screen.getByRole('button', { name: 'Mostrar 30 más (quedan 30)' }));
    expect(within(group).getAllByRole('listitem')).toHaveLength(PAGE_SIZE + 30);
    fireEvent.click(screen.getByRole('button', { name: /H130/ }));
    expect(picked).toEqual(['H130']);
  });

  it('says so when there is nothing to report', () => {
    renderInPane(<ObservationList observations={[]} onSelect={() => undefined} />);
    expect(screen.getByText(/Sin observaciones/)).toBeTruthy();
  });
});
