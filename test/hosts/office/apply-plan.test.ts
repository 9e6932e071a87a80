/**
 * applyPlan over the fake Excel (issue 16): own sheets by mark, checks before the first
 * write, an edit in between stops the write, a failure halfway says what was written,
 * one undo step or one «Deshacer», the semáforo as conditional formats.
 */
import { analyze, observationsTable } from '../../../src/engine';
import { toA1 } from '../../../src/engine/grid/a1';
import type { RecomputePlan } from '../../../src/app/plan';
import { applyPlan, applyPlanAsOneUndoStep, PartialWriteError, readSheetInfos, SHEET_MARK, UNDO_SHEET, undoLastRecompute } from '../../../src/hosts/office/apply-plan';
import { readSheet } from '../../../src/hosts/office/read-sheet';
import { TRAFFIC_FILL } from '../../../src/hosts/office/write-patch';
import type { FakeWorkbook } from './fake-excel';
import { REPORT, sampleLikeSpec, workbookWith } from './poi-workbook';

const FECHA = '2023-08-15';

/** An executed month of the first AO: an input every computed figure of that AO depends on. */
function executedMonth(analysis: ReturnType<typeof analyze>, month = 0): { a1: string; row: number; col: number } {
  const ao = analysis.model!.objectives[0].strategicActions[0].activities[0];
  const at = ao.executed!.physical[month].at;
  return { a1: toA1(at), row: at.row, col: at.col };
}

/** Read the report and build the plan the application layer would (cells + Observaciones). */
async function planFor(book: FakeWorkbook) {
  const read = await book.run((ctx) => readSheet(ctx, REPORT));
  const analysis = analyze(read.grid, { fechaCorte: FECHA, sheet: REPORT });
  const plan: RecomputePlan = {
    sheet: REPORT,
    fechaCorte: FECHA,
    cells: { sheet: REPORT, cells: analysis.patch.cells, computed: analysis.computed, merges: read.grid.merges },
    sheets: [{ role: 'observaciones', name: 'Observaciones', table: observationsTable(analysis), preface: 'Semáforo POI · estado' }],
    status: 'Semáforo POI · estado',
    message: '',
  };
  return { plan, grid: read.grid, analysis };
}

describe('applyPlan', () => {
  it('never replaces a planner’s own Observaciones sheet: writes «Observaciones (2)» and says so; next time replaces only its own', async () => {
    const { book } = workbookWith(sampleLikeSpec(), []);
    book.addSheet('observaciones', { values: [['Mis notas del trimestre']] });
    const { plan, grid } = await planFor(book);
    const result = await book.run((ctx) => applyPlan(ctx, plan, { grid }));
    expect(book.sheet('observaciones').valueAt('A1')).toBe('Mis notas del trimestre');
    expect(result.sheetsWritten).toEqual(['Observaciones (2)']);
    expect(result.notices).toEqual(['La hoja «Observaciones» ya existe y no la creó el complemento, así que se escribió «Observaciones (2)».']);
    expect(book.sheet('Observaciones (2)').names.get(SHEET_MARK)).toEqual({ formula: '="observaciones"', visible: false });

    expect(await book.run((ctx) => readSheetInfos(ctx))).toEqual([
      { name: REPORT, visible: true },
      { name: 'observaciones', visible: true },
      { name: UNDO_SHEET, visible: false },
      { name: 'Observaciones (2)', visible: true, toolRole: 'observaciones' },
    ]);
    const again = await planFor(book);
    await book.run((ctx) => applyPlan(ctx, again.plan, { grid: again.grid }));
    expect(book.sheets.map((s) => s.name).filter((n) => /^observaciones/i.test(n))).toEqual(['observaciones', 'Observaciones (2)']);
    expect(book.sheet('observaciones').valueAt('A1')).toBe('Mis notas del trimestre');
  });

  it('stops before writing anything when an input changed between the read and the write', async () => {
    const { book, sheet } = workbookWith(sampleLikeSpec());
    const { plan, grid, analysis } = await planFor(book);
    expect(analysis.patch.cells.length).toBeGreaterThan(0);
    // The planner edits a month of the first AO while the add-in computes.
    const { a1 } = executedMonth(analysis);
    sheet.type(a1, 7777);
    const before = sheet.snapshot();
    book.resetStats();
    const err = await book.run((ctx) => applyPlan(ctx, plan, { grid })).catch((e: unknown) => e);
    expect((err as Error).message).toMatch(new RegExp(`^Mientras se calculaba cambiaron 1 celda de «Reporte POI» \\(${a1}\\)\\. No se escribió nada`));
    expect(book.valueWrites).toEqual([]);
    expect(sheet.snapshot()).toEqual(before);
    expect(book.find('Observaciones')).toBeUndefined();
  });

  it('refuses a protected report sheet before the first write', async () => {
    const { book, sheet } = workbookWith(sampleLikeSpec());
    const { plan, grid } = await planFor(book);
    sheet.protected = true;
    await expect(book.run((ctx) => applyPlan(ctx, plan, { grid }))).rejects.toThrow(/está protegida.*No se escribió nada/);
    expect(book.valueWrites).toEqual([]);
    expect(book.find(UNDO_SHEET)).toBeUndefined();
  });

  it('a failure halfway says exactly what was written and how to undo it', async () => {
    const { book, sheet } = workbookWith(sampleLikeSpec());
    const { plan, grid } = await planFor(book);
    const before = sheet.snapshot();
    book.failWritesTo = 'Observaciones';
    // A small budget: the report's cells go out in batches before the Observaciones write fails.
    const err = await book.run((ctx) => applyPlan(ctx, plan, { grid, budgetBytes: 8_000 })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PartialWriteError);
    const message = (err as Error).message;
    expect(message).toMatch(/^Excel no pudo completar la operación\..* La escritura quedó a medias\. Ya se escribió: la copia de respaldo para deshacer; \d+ celdas calculadas de «Reporte POI»[.;]/);
    // The failing batch held Observaciones: it may be partly written (Excel keeps a batch's actions before the failing one).
    expect(message).toMatch(/Puede haber quedado escrita una parte de: [^.]*la hoja «Observaciones»\. Para volver al estado anterior use «Deshacer el último recálculo» en el panel\.$/);
    expect((err as PartialWriteError).written).toEqual(expect.arrayContaining(['la copia de respaldo para deshacer']));
    expect(book.valueWrites.some((w) => w.sheet === REPORT)).toBe(true);

    book.failWritesTo = null;
    const undone = await book.run((ctx) => undoLastRecompute(ctx));
    expect(undone.sheet).toBe(REPORT);
    // An unset format is Excel's General.
    for (const [a1, cell] of before) expect([a1, sheet.get(a1)?.value, sheet.get(a1)?.numberFormat ?? 'General']).toEqual([a1, cell.value, cell.numberFormat ?? 'General']);
  });

  it('writes no report cell before the backup is confirmed: a failure writing the backup leaves the report untouched', async () => {
    const { book, sheet } = workbookWith(sampleLikeSpec());
    const { plan, grid } = await planFor(book);
    const before = sheet.snapshot();
    book.failWritesTo = UNDO_SHEET;
    const err = await book.run((ctx) => applyPlan(ctx, plan, { grid })).catch((e: unknown) => e);
    expect((err as Error).message).toMatch(/No se completó ninguna parte\. Puede haber quedado escrita una parte de: la copia de respaldo para deshacer\. No se escribió: \d+ celdas calculadas de «Reporte POI»; el semáforo de «Reporte POI»; la hoja «Observaciones»\. Para volver atrás use Ctrl\+Z/);
    expect(sheet.snapshot()).toEqual(before);
  });

  it('one «Deshacer el último recálculo» puts back the second run after an edit, and refuses to clobber later edits', async () => {
    const { book, sheet } = workbookWith(sampleLikeSpec());
    const first = await planFor(book);
    await book.run((ctx) => applyPlan(ctx, first.plan, { grid: first.grid }));
    // The planner lowers April's execution from 5 to 2: the accumulated and the merged AVANCE % change.
    const month = executedMonth(first.analysis, 3);
    expect(sheet.valueAt(month.a1)).toBe(5);
    sheet.type(month.a1, 2);
    const afterEdit = sheet.snapshot();
    const second = await planFor(book);
    expect(second.analysis.patch.cells.length).toBeGreaterThan(0);
    await book.run((ctx) => applyPlan(ctx, second.plan, { grid: second.grid }));
    expect(book.sheet(UNDO_SHEET).visibility).toBe('Hidden');
    // The merged AVANCE % cell is kept under its whole area, so the undo writes it whole too.
    const kept = [...book.sheet(UNDO_SHEET).cells.values()].map((c) => String(c.value ?? ''));
    expect(kept.some((v) => /^[A-Z]+\d+:[A-Z]+\d+$/.test(v))).toBe(true);

    const undone = await book.run((ctx) => undoLastRecompute(ctx));
    expect(undone.cellsRestored).toBe(second.analysis.patch.cells.length);
    for (const [a1, cell] of afterEdit) expect([a1, sheet.get(a1)?.value, sheet.get(a1)?.formula]).toEqual([a1, cell.value, cell.formula]);
    expect(book.find(UNDO_SHEET)).toBeUndefined();
    await expect(book.run((ctx) => undoLastRecompute(ctx))).rejects.toThrow('No hay un recálculo que deshacer');

    // A later edit to a written cell: undo touches nothing.
    const third = await planFor(book);
    await book.run((ctx) => applyPlan(ctx, third.plan, { grid: third.grid }));
    const written = third.analysis.patch.cells[0];
    sheet.ensure(written.at.row, written.at.col).value = 12345;
    await expect(book.run((ctx) => undoLastRecompute(ctx))).rejects.toThrow(/cambiaron 1 celda que el complemento escribió \(.*\)\. No se deshizo nada/);
    expect(sheet.cell(written.at.row, written.at.col)?.value).toBe(12345);
  });

  it('the second run after an edit is one undo step where mergeUndoGroup is supported, several syncs elsewhere', async () => {
    for (const supported of [true, false]) {
      const { book, sheet } = workbookWith(sampleLikeSpec());
      book.undoGroupSupported = supported;
      const first = await planFor(book);
      await applyPlanAsOneUndoStep(book.run, first.plan, { grid: first.grid, isSetSupported: () => supported });
      const month = executedMonth(first.analysis);
      sheet.type(month.a1, Number(sheet.valueAt(month.a1) || 0) + 3);
      const second = await planFor(book);
      expect(second.analysis.patch.cells.length).toBeGreaterThan(0);
      book.resetStats();
      const result = await applyPlanAsOneUndoStep(book.run, second.plan, { grid: second.grid, budgetBytes: 3_000, isSetSupported: () => supported });
      expect(result.grouped).toBe(supported);
      if (supported) expect(book.undoSteps).toBe(1);
      else expect(book.undoSteps).toBeGreaterThan(1);
      // Either way «Deshacer el último recálculo» is there.
      expect(result.undoAvailable).toBe(true);
      expect(book.find(UNDO_SHEET)).toBeDefined();
    }
  });

  it('refuses a protected workbook structure before the first write', async () => {
    const { book, sheet } = workbookWith(sampleLikeSpec());
    const { plan, grid } = await planFor(book);
    book.structureProtected = true;
    const before = sheet.snapshot();
    await expect(book.run((ctx) => applyPlan(ctx, plan, { grid }))).rejects.toThrow(/La estructura del libro está protegida.*No se escribió nada/);
    expect(sheet.snapshot()).toEqual(before);
  });

  it('retries without the undo group when Excel refuses to group before anything was written', async () => {
    const { book, sheet } = workbookWith(sampleLikeSpec());
    book.undoGroupSupported = true;
    book.undoNotSupported.add('structure');
    const { plan, grid, analysis } = await planFor(book);
    const result = await applyPlanAsOneUndoStep(book.run, plan, { grid, isSetSupported: () => true });
    expect(result.grouped).toBe(false);
    expect(result.undoAvailable).toBe(true);
    const c = analysis.patch.cells[0];
    expect(sheet.cell(c.at.row, c.at.col)?.value).toBe(c.value);
  });

  it('paints the semáforo as conditional formats that follow edits, and never touches the template’s fills', async () => {
    const { book, sheet } = workbookWith(sampleLikeSpec());
    const { plan, grid, analysis } = await planFor(book);
    const lights = analysis.computed.filter((c) => (c.kind === 'percent' || c.kind === 'aei-physical') && typeof c.value === 'number');
    // The template's own fills on a computed cell and elsewhere.
    sheet.ensure(lights[0].at.row, lights[0].at.col).fill = '#DDEBF7';
    sheet.ensure(0, 0).fill = '#FFFF00';
    const fills = new Map([...sheet.snapshot()].map(([a1, c]) => [a1, c.fill]));
    await book.run((ctx) => applyPlan(ctx, plan, { grid, isSetSupported: () => true }));
    for (const [a1, c] of sheet.snapshot()) expect([a1, c.fill]).toEqual([a1, fills.get(a1)]);
    for (const c of lights) expect([c.a1, sheet.shownFill(c.a1)]).toEqual([c.a1, TRAFFIC_FILL[c.color!]]);
    expect(book.screenSuspensions).toBeGreaterThan(0);
    expect(book.recalculations).toBe(1);
    // A planner types 50 into a green cell: red at once, no recompute needed.
    const green = lights.find((c) => c.color === 'green')!;
    sheet.type(green.a1, 50);
    expect(sheet.shownFill(green.a1)).toBe(TRAFFIC_FILL.red);
    // A second run neither stacks formats nor rewrites them.
    const count = sheet.conditionalFormats.length;
    const again = await planFor(book);
    await book.run((ctx) => applyPlan(ctx, again.plan, { grid: again.grid }));
    expect(sheet.conditionalFormats).toHaveLength(count);
  });
});
