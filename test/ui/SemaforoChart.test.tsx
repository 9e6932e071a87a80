/** @jest-environment jsdom */
import { screen } from '@testing-library/react';
import { SemaforoChart } from '../../src/ui/components/SemaforoChart';
import { sampleSummary } from './fake-service';
import { renderInPane } from './render';

describe('SemaforoChart', () => {
  it('draws AO and AEI per band with letters and counts, and each AEI against its band', () => {
    renderInPane(<SemaforoChart summary={sampleSummary()} />);
    const counts = screen.getByRole('img');
    expect(counts.getAttribute('aria-label')).toBe('Actividades operativas: Rojo 58, Amarillo 16, Verde 190. Acciones estratégicas: Rojo 11, Amarillo 9, Verde 9.');
    expect(counts.textContent).toContain('V 190');
    expect(counts.textContent).toContain('R 58');
    const aeis = screen.getAllByRole('listitem');
    expect(aeis.map((g) => g.getAttribute('aria-label'))).toEqual([
      'AEI.01.01 ACCIONES COORDINADAS: 91.2\u00a0%, Amarillo',
      'AEI.01.02 GESTIÓN DEL RIESGO: 70\u00a0%, Rojo',
    ]);
    expect(aeis[1].textContent).toContain('70\u00a0% R');
  });

  it('draws nothing without figures', () => {
    const { container } = renderInPane(<SemaforoChart summary={sampleSummary({ trafficLight: null })} />);
    expect(container.querySelector('figure')).toBeNull();
  });
});
