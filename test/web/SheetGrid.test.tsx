/** @jest-environment jsdom */
import { fireEvent, screen } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import type { CellValue } from '../../src/engine/grid/cell';
import { SheetGrid } from '../../src/web/components/SheetGrid';
import type { SheetView } from '../../src/web/protocol';
import { renderInPane } from '../ui/render';
import { sampleSummary } from '../ui/fake-service';
import { observation } from '../ui/fake-service';

function bigView(rows = 20000): SheetView {
  const grid = {
    rows: Array.from({ length: rows }, (_, r): CellValue[] => [`Fila ${r + 1}`, r, r % 7 === 0 ? 'PROGRAMADO' : null, r * 1.5]),
    merges: [],
  };
  return { sheet: 'Reporte POI', grid, frozenRows: 2 };
}

const cell = (a1: string) => document.querySelector(`[data-a1="${a1}"]`);

describe('SheetGrid', () => {
  it('renders only the rows in view of a 20,000-row sheet, with the frozen rows on top', () => {
    renderInPane(<SheetGrid view={bigView()} summary={null} selected={null} />);
    const grid = screen.getByRole('grid', { name: 'Hoja «Reporte POI»' });
    expect(grid.getAttribute('aria-rowcount')).toBe('20001');
    const rows = screen.getAllByRole('row');
    expect(rows.length).toBeLessThan(80);
    expect(cell('A1')?.textContent).toBe('Fila 1'); // frozen
    expect(cell('A3')?.textContent).toBe('Fila 3'); // first body row
    expect(cell('A19000')).toBeNull();
    expect(screen.getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['A', 'B', 'C', 'D']);
  });

  it('scrolls to the selected cell and highlights it', () => {
    const view = bigView();
    const { rerender } = renderInPane(<SheetGrid view={view} summary={null} selected={null} />);
    rerender(<SheetGrid view={view} summary={null} selected={{ a1: 'C18001', seq: 1 }} />);
    const target = cell('C18001');
    expect(target?.getAttribute('data-selected')).toBe('true');
    expect(target?.getAttribute('aria-selected')).toBe('true');
    expect(target?.textContent).toBe('');
    expect(cell('A18001')?.textContent).toBe('Fila 18001');
    expect(screen.getByText('Celda C18001: vacía.')).toBeTruthy();
    expect(screen.getByRole('grid').getAttribute('aria-activedescendant')).toBe(target?.id);
  });

  it('marks computed cells, their traffic-light colour and flagged cells', () => {
    const summary = sampleSummary({
      computed: [
        { at: { row: 4, col: 3 }, a1: 'D5', kind: 'percent', value: 6, format: '0.##', color: 'red' },
        { at: { row: 5, col: 3 }, a1: 'D6', kind: 'total', value: 7.5, format: 'General', color: null },
      ],
      observations: [
        observation({ cell: 'D5', severity: 'warning', message: 'Aviso.' }),
        observation({ cell: 'D5', severity: 'error', message: 'AVANCE % dice 6.' }),
        observation({ cell: 'B7', severity: 'info', message: 'Nota.' }),
      ],
    });
    renderInPane(<SheetGrid view={bigView(50)} summary={summary} selected={null} />);
    const d5 = cell('D5')!;
    expect(d5.getAttribute('data-computed')).toBe('true');
    expect(d5.getAttribute('data-color')).toBe('red');
    expect(d5.getAttribute('data-severity')).toBe('error');
    expect(d5.getAttribute('title')).toContain('Error: AVANCE % dice 6.');
    expect(d5.getAttribute('title')).toContain('Advertencia: Aviso.');
    expect(cell('D6')?.getAttribute('data-computed')).toBe('true');
    expect(cell('D6')?.getAttribute('data-color')).toBeNull();
    expect(cell('B7')?.getAttribute('data-severity')).toBe('info');
    expect(cell('B8')?.getAttribute('data-severity')).toBeNull();
  });

  it('is one Tab stop with a cell cursor: arrows move it, Esc returns to where the focus came from', () => {
    const view = bigView(50);
    const { rerender } = renderInPane(
      <>
        <button>observación</button>
        <SheetGrid view={view} summary={null} selected={null} />
      </>,
    );
    // renderInPane wraps in a FluentProvider; the rerender keeps the same tree so the button keeps its focus.
    screen.getByRole('button', { name: 'observación' }).focus();
    rerender(
      <FluentProvider theme={webLightTheme}>
        <button>observación</button>
        <SheetGrid view={view} summary={null} selected={{ a1: 'B10', seq: 1 }} />
      </FluentProvider>,
    );
    const grid = screen.getByRole('grid');
    expect(document.activeElement).toBe(grid);
    fireEvent.keyDown(grid, { key: 'ArrowRight' });
    fireEvent.keyDown(grid, { key: 'ArrowDown' });
    expect(cell('C11')?.getAttribute('data-selected')).toBe('true');
    expect(document.querySelectorAll('[data-selected="true"]')).toHaveLength(1);
    fireEvent.keyDown(grid, { key: 'Home' });
    expect(cell('A11')?.getAttribute('data-selected')).toBe('true');
    fireEvent.keyDown(grid, { key: 'Escape' });
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'observación' }));
  });

  it('prints numbers with the report column\'s format (money keeps its two decimals) and says cell and message apart', () => {
    const summary = sampleSummary({
      computed: [{ at: { row: 4, col: 3 }, a1: 'D5', kind: 'financial-accumulated', value: 240423.5, format: '#,##0.00', color: null }],
      observations: [observation({ cell: 'D5', severity: 'error', message: 'Dice otra cosa.' })],
    });
    const grid = { rows: [[null, null, null, null], [], [], [], [null, null, null, 240423.5]], merges: [] };
    renderInPane(<SheetGrid view={{ sheet: 'Reporte POI', grid, frozenRows: 0 }} summary={summary} selected={null} />);
    expect(cell('D5')?.textContent).toContain('240,423.50');
    expect(cell('D5')?.getAttribute('aria-label')).toBe('Celda D5: 240,423.50. Calculada por el Semáforo POI. Error: Dice otra cosa.');
    expect(cell('D5')?.textContent).toContain('✖');
  });
});
