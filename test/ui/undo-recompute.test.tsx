/**
 * @jest-environment jsdom
 *
 * «Deshacer el último recálculo» in the pane, over the real Office service and the in-memory
 * Excel (issue 16): the second run after an edit is put back by one click, and the pane
 * validates again so it shows the workbook as it now is.
 */
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { analyze } from '../../src/engine';
import { toA1 } from '../../src/engine/grid/a1';
import { createOfficeService } from '../../src/hosts/office/service';
import { readSheet } from '../../src/hosts/office/read-sheet';
import { UNDO_SHEET } from '../../src/hosts/office/apply-plan';
import { App } from '../../src/ui/App';
import { UNDO_LABEL } from '../../src/ui/components/UndoRecompute';
import { REPORT, sampleLikeSpec, workbookWith } from '../hosts/office/poi-workbook';
import { FakeService } from './fake-service';
import { renderInPane } from './render';

const FECHA = '2023-08-15';
const quiet = (): void => undefined;

async function recomputeInPane(): Promise<void> {
  fireEvent.click(screen.getByRole('button', { name: 'Recalcular y escribir' }));
  await screen.findByText('Recalculado', undefined, { timeout: 10_000 });
}

describe('«Deshacer el último recálculo» in the pane', () => {
  it('puts back the second run after an edit with one click, then shows the workbook as it now is', async () => {
    const { book, sheet } = workbookWith(sampleLikeSpec());
    const service = createOfficeService({ run: book.run, log: quiet, mergesSupported: () => true });
    renderInPane(<App service={service} initialFechaCorte={FECHA} />);
    await screen.findByText('Validación terminada', undefined, { timeout: 10_000 });
    expect(screen.queryByRole('button', { name: UNDO_LABEL })).toBeNull();

    await recomputeInPane();
    // The planner lowers April's execution of the first AO: its computed figures go stale.
    const read = await book.run((ctx) => readSheet(ctx, REPORT));
    const ao = analyze(read.grid, { fechaCorte: FECHA, sheet: REPORT }).model!.objectives[0].strategicActions[0].activities[0];
    const month = toA1(ao.executed!.physical[3].at);
    sheet.type(month, Number(sheet.valueAt(month) ?? 0) + 3);
    const afterEdit = sheet.snapshot();

    await recomputeInPane();
    expect(sheet.snapshot()).not.toEqual(afterEdit);
    expect(screen.getByText(/Se escribieron \d+ celdas? calculadas?/)).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: UNDO_LABEL }));
    await screen.findByText(/Se deshizo el último recálculo: \d+ celdas? (volvió|volvieron) a su valor anterior en la hoja «Reporte POI»\./, undefined, { timeout: 10_000 });
    for (const [a1, cell] of afterEdit) expect([a1, sheet.get(a1)?.value, sheet.get(a1)?.formula]).toEqual([a1, cell.value, cell.formula]);
    expect(book.find(UNDO_SHEET)).toBeUndefined();

    // Validated again: the undone cells are stale once more, and the pane says so.
    await screen.findByText(/celdas calculadas no coinciden con los datos/, undefined, { timeout: 10_000 });
    expect(screen.getByText('Recálculo deshecho')).toBeTruthy();
    expect(screen.queryByRole('button', { name: UNDO_LABEL })).toBeNull();
  });

  it('says why when nothing can be undone, and touches nothing', async () => {
    const { book, sheet } = workbookWith(sampleLikeSpec());
    const service = createOfficeService({ run: book.run, log: quiet });
    renderInPane(<App service={service} initialFechaCorte={FECHA} />);
    await screen.findByText('Validación terminada', undefined, { timeout: 10_000 });
    await recomputeInPane();
    // A written cell edited after the recompute: undoing would lose that edit.
    const written = [...book.sheet(UNDO_SHEET).cells.values()].map((c) => String(c.value ?? '')).find((v) => /^[A-Z]+\d+/.test(v) && v !== 'Celda');
    const a1 = written!.split(':')[0];
    sheet.type(a1, 12345);
    fireEvent.click(screen.getByRole('button', { name: UNDO_LABEL }));
    await screen.findByText('No se deshizo el recálculo');
    expect(screen.getByText(/No se deshizo nada para no perder esos cambios/)).toBeTruthy();
    expect(sheet.valueAt(a1)).toBe(12345);
  });

  it('is not offered where the service has no undo (the web page works on a copy)', async () => {
    renderInPane(<App service={new FakeService()} />);
    await screen.findByTestId('promedio');
    fireEvent.click(screen.getByRole('button', { name: 'Recalcular y escribir' }));
    await screen.findByText('Recalculado');
    await waitFor(() => expect(screen.queryByRole('button', { name: UNDO_LABEL })).toBeNull());
  });
});
