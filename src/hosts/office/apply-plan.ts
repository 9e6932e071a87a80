/**
 * Carries out a recompute plan in Excel (issue 16): the tool writes only sheets it made
 * (known by a hidden worksheet-scoped name, not by their name), checks everything that can
 * refuse and re-reads the inputs before the first write, keeps the previous state of every
 * cell it writes in a hidden sheet of its own (so «Deshacer el último recálculo» works on
 * any Excel; where `mergeUndoGroup` exists the caller also gets one Ctrl+Z), paints the
 * semáforo as conditional formats, and writes in few batches under the payload budget.
 */
import type { CellRange, CellValue, Grid } from '../../engine/grid/cell';
import { cellAt } from '../../engine/grid/cell';
import { rangeFromA1, rangeToA1, toA1 } from '../../engine/grid/a1';
import type { ComputedCell, PatchCell } from '../../engine/patch/types';
import type { Table } from '../../engine/report/tables';
import { UserFacingError } from '../../app/contract';
import type { RecomputePlan, ToolSheet, ToolSheetRole } from '../../app/plan';
import type { ApplyResult, SheetInfo } from '../../app/port';
import { officeErrorCode, spanishMessageFor } from './errors';
import type { ConditionalFormatsApi, ExcelContext, ExcelRun, NamedItemApi, RangeApi, WorksheetApi } from './excel-api';
import { BATCH_BUDGET_BYTES, jsonBytes, OP_OVERHEAD_BYTES, packBySize, PLAN_BUDGET_BYTES, syncBatches } from './payload';
import { toCellValue } from './read-sheet';
import {
  CF_MARK,
  columnRuns,
  fingerprint,
  literalText,
  mergeIndex,
  planPatchWrite,
  TRAFFIC_FILL,
  TRAFFIC_RULES,
  trafficAreas,
  trafficFormula,
  type WriteTarget,
} from './write-patch';
import { TEXT_FORMAT, tableActions, toolSheetActions, type SheetAction } from './write-tables';

/** The hidden worksheet-scoped name that marks a sheet the tool made; its formula is the role. */
export const SHEET_MARK = 'SemaforoPOI.hoja';
/** On the report sheet: a fingerprint of the semáforo's areas, to skip rewriting identical formats. */
export const SEMAFORO_MARK = 'SemaforoPOI.semaforo';
/** The hidden sheet that keeps what the last recompute replaced. */
export const UNDO_SHEET = 'SemaforoPOI deshacer';
const BACKUP_WHAT = 'la copia de respaldo para deshacer';
export type OwnRole = ToolSheetRole | 'deshacer';

const markFormula = (role: OwnRole): string => `="${role}"`;
const roleOf = (formula: unknown): OwnRole | undefined => {
  const m = typeof formula === 'string' ? /^="(observaciones|resumen|reporte|deshacer)"$/.exec(formula) : null;
  return m ? (m[1] as OwnRole) : undefined;
};

export interface ApplyOptions {
  readonly onProgress?: (fraction: number) => void;
  readonly budgetBytes?: number;
  /** The grid the plan was computed from: its merges shape the writes, its inputs are re-read before writing. */
  readonly grid?: Grid;
  /** Merged areas when there is no grid (default: the grid's). */
  readonly merges?: readonly CellRange[];
  /** Keep the previous state of the written cells for «Deshacer el último recálculo» (default true). */
  readonly backup?: boolean;
  /** Awaited between the heavy steps of preparing the writes (default: the next task). */
  readonly breathe?: () => Promise<void>;
  /** Office's requirement-set check; `Office.context.requirements.isSetSupported` by default. */
  readonly isSetSupported?: (name: string, version: string) => boolean;
}

export interface OfficeApplyResult extends ApplyResult {
  readonly syncs: number;
  readonly batchBytes: readonly number[];
  /** Whether «Deshacer el último recálculo» can undo this run. */
  readonly undoAvailable: boolean;
}

/** A failure after the first write: says what was written and how to go back. */
export class PartialWriteError extends UserFacingError {
  constructor(
    message: string,
    detail: string,
    /** What was confirmed written, in order (empty: the first batch failed). */
    readonly written: readonly string[],
    /** The Office.js error code behind it. */
    readonly code: string | undefined,
  ) {
    super(message, detail);
    this.name = 'PartialWriteError';
  }
}

/**
 * Lets the pane's thread paint and answer clicks: preparing the writes for 10,000 AO is about
 * a second of work, so it is done in steps with a task boundary between them (an Excel.run
 * batch may await anything between its syncs).
 */
export const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

function defaultIsSetSupported(name: string, version: string): boolean {
  try {
    return typeof Office !== 'undefined' && Office.context.requirements.isSetSupported(name, version);
  } catch {
    return false;
  }
}

const plural = (n: number, one: string, many: string): string => `${n.toLocaleString('es-PE')} ${n === 1 ? one : many}`;

interface SheetState {
  readonly name: string;
  readonly visible: boolean;
  readonly mark: NamedItemApi;
}

/**
 * Sheets and their marks: two syncs (the marks need the sheet list first). `riders` queue
 * more reads on the first and the second sync, so they cost no sync of their own.
 */
async function loadSheets(
  context: ExcelContext,
  riders: readonly (() => void)[] = [],
): Promise<{ name: string; visible: boolean; role?: OwnRole }[]> {
  const sheets = context.workbook.worksheets;
  sheets.load('items/name,items/visibility');
  riders[0]?.();
  await context.sync();
  const states: SheetState[] = sheets.items.map((ws) => ({
    name: ws.name,
    visible: ws.visibility === 'Visible',
    mark: ws.names.getItemOrNullObject(SHEET_MARK).load('isNullObject,formula'),
  }));
  riders[1]?.();
  await context.sync();
  return states.map((s) => ({ name: s.name, visible: s.visible, role: s.mark.isNullObject ? undefined : roleOf(s.mark.formula) }));
}

/**
 * The workbook's sheets as the port describes them (`WorkbookPort.sheets()`), with the role
 * of each sheet the tool made. The hidden backup sheet is listed as not visible, without a role.
 */
export async function readSheetInfos(context: ExcelContext): Promise<SheetInfo[]> {
  const sheets = await loadSheets(context);
  return sheets.map((s) => (s.role && s.role !== 'deshacer' ? { name: s.name, visible: s.visible, toolRole: s.role } : { name: s.name, visible: s.visible }));
}

/** A name no sheet has (case-insensitive, as Excel compares), `Observaciones (2)` and on. */
export function freeName(preferred: string, taken: readonly string[]): string {
  const lower = new Set(taken.map((t) => t.toLowerCase()));
  if (!lower.has(preferred.toLowerCase())) return preferred;
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const name = preferred.slice(0, 31 - suffix.length) + suffix;
    if (!lower.has(name.toLowerCase())) return name;
  }
}

interface Placement {
  readonly spec: ToolSheet | { role: 'deshacer'; name: string };
  /** The tool's own sheet it replaces, if any. */
  readonly replaces?: string;
  readonly name: string;
}

/** Where each tool sheet goes: over the tool's own sheet of that role, under a free name. */
export function placeSheets(
  specs: readonly (ToolSheet | { role: 'deshacer'; name: string })[],
  existing: readonly { name: string; role?: OwnRole }[],
): Placement[] {
  const replaced = new Set<string>();
  const placements: Placement[] = [];
  for (const spec of specs) {
    const own = existing.filter((s) => s.role === spec.role && !replaced.has(s.name));
    // A copy the planner made of our sheet carries the mark too: prefer the one under the preferred name.
    const target = own.find((s) => s.name.toLowerCase() === spec.name.toLowerCase()) ?? own[0];
    if (target) replaced.add(target.name);
    const taken = [
      ...existing.filter((s) => !replaced.has(s.name)).map((s) => s.name),
      ...placements.map((p) => p.name),
    ];
    placements.push({ spec, replaces: target?.name, name: freeName(spec.name, taken) });
  }
  return placements;
}

/** The rectangles re-read before writing: every column with a number or a computed cell, over the computed rows. */
function recheckAreas(grid: Grid, computed: readonly ComputedCell[]): CellRange[] {
  if (!computed.length) return [];
  let top = Infinity;
  let bottom = -1;
  const columns = new Set<number>();
  const rows = new Set<number>();
  for (const c of computed) {
    top = Math.min(top, c.at.row);
    bottom = Math.max(bottom, c.at.row);
    columns.add(c.at.col);
    rows.add(c.at.row);
  }
  for (const r of rows) grid.rows[r]?.forEach((v, c) => typeof v === 'number' && columns.add(c));
  const sorted = [...columns].sort((a, b) => a - b);
  const areas: CellRange[] = [];
  for (const c of sorted) {
    const last = areas[areas.length - 1];
    if (last && last.right === c - 1) areas[areas.length - 1] = { ...last, right: c };
    else areas.push({ top, bottom, left: c, right: c });
  }
  return areas;
}

/** Row blocks of an area whose response (estimated from the grid) stays under `budget`. */
function rowBlocks(grid: Grid, area: CellRange, budget: number): CellRange[] {
  const out: CellRange[] = [];
  let start = area.top;
  let bytes = 0;
  for (let r = area.top; r <= area.bottom; r++) {
    let rb = 2;
    for (let c = area.left; c <= area.right; c++) rb += jsonBytes(cellAt(grid, r, c) ?? '') + 1;
    if (r > start && bytes + rb > budget) {
      out.push({ ...area, top: start, bottom: r - 1 });
      start = r;
      bytes = 0;
    }
    bytes += rb;
  }
  out.push({ ...area, top: start });
  return out;
}

const same = (a: CellValue, b: CellValue): boolean => a === b || (typeof a === 'number' && typeof b === 'number' && Math.abs(a - b) < 1e-9);

interface Read {
  readonly area: CellRange;
  readonly range: RangeApi;
  readonly kind: 'check' | 'backup';
}

interface Step {
  readonly bytes: number;
  /** What the user is told was written once this step's batch went through. */
  readonly what: string;
  run(context: ExcelContext): void;
}

const sheetOf = (context: ExcelContext, name: string): WorksheetApi => context.workbook.worksheets.getItem(name);

function addSheetSteps(p: Placement, actions: SheetAction[], hidden: boolean, what: string): Step[] {
  const steps: Step[] = [
    {
      bytes: OP_OVERHEAD_BYTES * 4 + jsonBytes(p.name),
      what,
      run: (ctx) => {
        if (p.replaces !== undefined) sheetOf(ctx, p.replaces).delete();
        const ws = ctx.workbook.worksheets.add(p.name);
        const mark = ws.names.add(SHEET_MARK, markFormula(p.spec.role));
        mark.visible = false;
        if (hidden) ws.visibility = 'Hidden';
      },
    },
  ];
  for (const a of actions) steps.push({ bytes: a.bytes, what, run: (ctx) => a.run(sheetOf(ctx, p.name)) });
  return steps;
}

/**
 * The hidden sheet's table: where, and what each written cell held and got. A cell in a
 * merged area is named by the whole area, so the undo writes the same runs as the recompute.
 */
/** The backup's title, sheet and header rows; then one row of BACKUP_WIDTH cells per written cell. */
const BACKUP_HEAD_ROWS = 3;
const BACKUP_WIDTH = 4;
const BACKUP_SLICE_ROWS = 10_000;

function backupTable(
  sheet: string,
  targets: readonly WriteTarget[],
  old: ReadonlyMap<string, { formula: unknown; format: unknown }>,
  merged: ReadonlyMap<number, CellRange>,
): Table {
  const t = (v: string): { value: string } => ({ value: v });
  const rows: { value: CellValue }[][] = [
    [t('Semáforo POI: lo que el último recálculo reemplazó (para «Deshacer el último recálculo»). No edite esta hoja.')],
    [t('Hoja'), t(sheet)],
    [t('Celda'), t('Antes (fórmula o valor)'), t('Formato antes'), t('Escrito')],
  ];
  for (const target of targets) {
    const a1 = toA1({ row: target.row, col: target.col });
    const before = old.get(a1);
    const area = merged.get(target.row * 16_384 + target.col);
    rows.push([t(area ? rangeToA1(area) : a1), t(JSON.stringify(before?.formula ?? '')), t(String(before?.format ?? 'General')), t(JSON.stringify(target.value))]);
  }
  return rows;
}

/**
 * Carry out `plan` in Excel. Reads (3–4 syncs: sheets, marks, the re-read inputs), then
 * writes in batches under the budget. Nothing is written when a check fails; a failure
 * after the first write throws a PartialWriteError that says what was written.
 */
export async function applyPlan(context: ExcelContext, plan: RecomputePlan, options: ApplyOptions = {}): Promise<OfficeApplyResult> {
  const budget = options.budgetBytes ?? PLAN_BUDGET_BYTES;
  const isSetSupported = options.isSetSupported ?? defaultIsSetSupported;
  const grid = options.grid;
  const merges = options.merges ?? grid?.merges ?? plan.cells?.merges ?? [];
  const cells = plan.cells;
  const patch: readonly PatchCell[] = cells?.cells ?? [];
  const breathe = options.breathe ?? nextTask;
  await breathe();
  const write = planPatchWrite(patch, merges);
  await breathe();
  const wantBackup = (options.backup ?? true) && write.targets.length > 0;
  const lights = cells ? trafficAreas(cells.computed, merges) : [];
  await breathe();
  let syncs = 0;

  // 1. Everything that can refuse, and the inputs, read before the first write.
  const wbProtection = context.workbook.protection.load('protected');
  let report: WorksheetApi | undefined;
  let reportProtection: { protected: boolean } | undefined;
  let semaforoMark: NamedItemApi | undefined;
  if (cells) {
    report = context.workbook.worksheets.getItemOrNullObject(cells.sheet).load('isNullObject');
    reportProtection = report.protection.load('protected');
    semaforoMark = report.names.getItemOrNullObject(SEMAFORO_MARK).load('isNullObject,formula');
  }
  // Re-read the inputs (and what the written cells hold, for the backup) in budget-sized blocks;
  // the first two ride on the syncs of the sheet list and the marks.
  const needsCells = write.targets.length > 0;
  const reads: { area: CellRange; kind: 'check' | 'backup'; bytes: number }[] = [];
  if (cells && grid && needsCells) {
    for (const area of recheckAreas(grid, cells.computed)) for (const b of rowBlocks(grid, area, budget)) reads.push({ area: b, kind: 'check', bytes: 0 });
  }
  const runs = wantBackup ? columnRuns(write.targets, mergeIndex(merges)) : [];
  await breathe();
  for (const r of runs) reads.push({ area: { top: r.top, left: r.col, bottom: r.top + r.height - 1, right: r.col }, kind: 'backup', bytes: 0 });
  const sized = reads.map((r) => ({ ...r, bytes: (r.area.bottom - r.area.top + 1) * (r.area.right - r.area.left + 1) * (r.kind === 'backup' ? 40 : 8) + OP_OVERHEAD_BYTES }));
  const readBatches = packBySize(sized, budget);
  const loaded: Read[] = [];
  const queueReads = (batch: readonly (typeof sized)[number][]): void => {
    const ws = sheetOf(context, cells!.sheet);
    for (const r of batch) {
      const range = ws.getRangeByIndexes(r.area.top, r.area.left, r.area.bottom - r.area.top + 1, r.area.right - r.area.left + 1);
      range.load(r.kind === 'check' ? 'values' : 'values,formulas,numberFormat');
      loaded.push({ area: r.area, kind: r.kind, range });
    }
  };
  // Our own conditional formats, found by their mark, to replace them (loaded with the sheet list).
  const ownLights: ConditionalFormatsApi | undefined =
    cells && lights.length ? report!.getRange().conditionalFormats.load('items/type,items/customOrNullObject/rule/formula') : undefined;
  const existing = await loadSheets(
    context,
    readBatches.slice(0, 2).map((batch) => () => queueReads(batch)),
  );
  syncs += 2;
  for (const batch of readBatches.slice(2)) {
    queueReads(batch);
    // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per budget-sized block of the re-read
    await context.sync();
    syncs++;
  }
  if (cells && report?.isNullObject) {
    throw new UserFacingError(`No se encontró la hoja «${cells.sheet}». Compruebe que no se haya renombrado ni eliminado. No se escribió nada.`, 'ItemNotFound');
  }
  const lightPrint = fingerprint(lights.map((l) => l.address));
  const redoLights = cells !== null && lights.length > 0 && (semaforoMark!.isNullObject || semaforoMark!.formula !== `="${lightPrint}"`);
  if (cells && (needsCells || redoLights) && reportProtection?.protected) {
    throw new UserFacingError(
      `La hoja «${cells.sheet}» está protegida y el complemento no puede escribir en ella. Quite la protección (Revisar › Desproteger hoja) y vuelva a intentarlo. No se escribió nada.`,
      'AccessDenied',
    );
  }
  const sheetSpecs: (ToolSheet | { role: 'deshacer'; name: string })[] = [...plan.sheets];
  if (wantBackup) sheetSpecs.unshift({ role: 'deshacer', name: UNDO_SHEET });
  if (sheetSpecs.length && wbProtection.protected) {
    throw new UserFacingError(
      'La estructura del libro está protegida, así que el complemento no puede agregar sus hojas. Quite la protección (Revisar › Proteger libro) y vuelva a intentarlo. No se escribió nada.',
      'AccessDenied',
    );
  }
  for (const s of plan.sheets) {
    const width = Math.max(1, ...s.table.map((r) => r.length));
    if (s.table.length + 3 > 1_048_576 || width > 16_384) {
      throw new UserFacingError(`La hoja «${s.name}» tendría más filas o columnas de las que admite Excel. No se escribió nada.`, 'TooLarge');
    }
  }

  await breathe();
  const changed: string[] = [];
  const old = new Map<string, { formula: unknown; format: unknown }>();
  for (const r of loaded) {
    const values = r.range.values;
    for (let i = 0; i < values.length; i++) {
      for (let j = 0; j < values[i].length; j++) {
        const row = r.area.top + i;
        const col = r.area.left + j;
        const a1 = toA1({ row, col });
        if (r.kind === 'check') {
          if (!same(toCellValue(values[i][j]), cellAt(grid!, row, col))) changed.push(a1);
        } else old.set(a1, { formula: r.range.formulas[i][j], format: r.range.numberFormat[i][j] });
      }
    }
  }
  await breathe();
  if (changed.length) {
    const shown = changed.slice(0, 8).join(', ') + (changed.length > 8 ? '…' : '');
    throw new UserFacingError(
      `Mientras se calculaba cambiaron ${plural(changed.length, 'celda', 'celdas')} de «${cells!.sheet}» (${shown}). No se escribió nada: vuelva a pulsar «Recalcular y escribir» para calcular con los valores actuales.`,
      `StaleInputs: ${changed.join(',')}`,
    );
  }

  // 2. The writes, in order: backup first, so a failure later can always be undone.
  const placements = placeSheets(sheetSpecs, existing);
  const notices = placements
    .filter((p) => p.spec.role !== 'deshacer' && p.name !== p.spec.name)
    .map((p) => `La hoja «${p.spec.name}» ya existe y no la creó el complemento, así que se escribió «${p.name}».`);
  // Table blocks stay small whatever the budget, so a refused batch can always be split.
  const blockBudget = Math.min(budget, PLAN_BUDGET_BYTES) / 4;
  const steps: Step[] = [];
  const report$ = cells?.sheet ?? '';
  for (const p of placements) {
    if (p.spec.role === 'deshacer') {
      const table = backupTable(report$, write.targets, old, mergeIndex(merges));
      await breathe();
      // Its head as a tool sheet, then its rows in slices with a task boundary between them
      // (50,000 rows for 10,000 AO); the slices sit where the whole table would.
      const actions = toolSheetActions({ role: 'observaciones', name: p.name, table: table.slice(0, BACKUP_HEAD_ROWS) }, blockBudget);
      for (let r = BACKUP_HEAD_ROWS; r < table.length; r += BACKUP_SLICE_ROWS) {
        await breathe();
        actions.push(...tableActions(table.slice(r, r + BACKUP_SLICE_ROWS), r, BACKUP_WIDTH, blockBudget));
      }
      steps.push(...addSheetSteps(p, actions, true, BACKUP_WHAT));
    }
  }
  await breathe();
  const cellsWhat = `${plural(write.targets.length, 'celda calculada', 'celdas calculadas')} de «${report$}»`;
  for (const op of write.ops) {
    steps.push({
      bytes: op.bytes,
      what: cellsWhat,
      run: (ctx) => {
        const range = sheetOf(ctx, report$).getRangeByIndexes(op.top, op.left, op.data.length, op.data[0].length);
        if (op.kind === 'values') range.values = op.data;
        else range.numberFormat = op.data;
      },
    });
  }
  if (redoLights) {
    const markExists = !semaforoMark!.isNullObject;
    const stale = (ownLights?.items ?? []).filter((cf) => !cf.customOrNullObject.isNullObject && cf.customOrNullObject.rule.formula.includes(CF_MARK));
    steps.push({
      bytes: OP_OVERHEAD_BYTES * (stale.length + 2) + 64,
      what: `el semáforo de «${report$}»`,
      run: (ctx) => {
        for (const cf of stale) cf.delete();
        const ws = sheetOf(ctx, report$);
        if (markExists) ws.names.getItemOrNullObject(SEMAFORO_MARK).formula = `="${lightPrint}"`;
        else ws.names.add(SEMAFORO_MARK, `="${lightPrint}"`).visible = false;
      },
    });
    for (const l of lights) {
      steps.push({
        bytes: OP_OVERHEAD_BYTES * 4 + (l.address.length + 100) * 3,
        what: `el semáforo de «${report$}»`,
        run: (ctx) => {
          const areas = sheetOf(ctx, report$).getRanges(l.address);
          for (const rule of TRAFFIC_RULES) {
            const cf = areas.conditionalFormats.add('Custom');
            cf.custom.rule.formula = trafficFormula(rule, l.origin);
            cf.custom.format.fill.color = TRAFFIC_FILL[rule.color];
          }
        },
      });
    }
  }
  for (const p of placements) {
    if (p.spec.role === 'deshacer') continue;
    await breathe();
    steps.push(...addSheetSteps(p, toolSheetActions(p.spec as ToolSheet, blockBudget), false, `la hoja «${p.name}»`));
  }

  // A single action over the request limit could never be sent: refuse before the first write.
  const tooBig = steps.find((st) => st.bytes > BATCH_BUDGET_BYTES);
  if (tooBig) {
    throw new UserFacingError(
      `Hay un dato demasiado grande para enviarlo a Excel de una vez (${tooBig.what}). Acorte los textos muy largos del reporte o use la herramienta de línea de comandos (poi-check). No se escribió nada.`,
      `StepTooLarge: ${tooBig.bytes}`,
    );
  }

  // 3. Few syncs: calculation and screen updating suspended per batch, one recalculation at the end.
  // The backup goes in batches of its own, so no cell is written before what it held is kept.
  const screen = isSetSupported('ExcelApi', '1.9');
  const backupCount = steps.filter((st) => st.what === BACKUP_WHAT).length;
  const batches = [...packBySize(steps.slice(0, backupCount), budget), ...packBySize(steps.slice(backupCount), budget)];
  let done = 0;
  let inFlight = 0;
  const groups = [...new Set(steps.map((st) => st.what))];
  let stats;
  try {
    stats = await syncBatches(
      context,
      batches,
      (batch) => {
        inFlight = batch.length;
        const last = batch[batch.length - 1] === steps[steps.length - 1];
        if (screen) context.application.suspendScreenUpdatingUntilNextSync();
        if (!last) context.application.suspendApiCalculationUntilNextSync();
        for (const st of batch) st.run(context);
        if (last) context.application.calculate('Recalculate');
      },
      (batch) => {
        done += batch.length;
        inFlight = 0;
        options.onProgress?.(done / steps.length);
      },
    );
  } catch (e) {
    throw partialFailure(e, steps, done, inFlight, groups);
  }
  syncs += stats.syncs;
  return {
    cellsWritten: write.targets.length,
    sheetsWritten: placements.filter((p) => p.spec.role !== 'deshacer').map((p) => p.name),
    notices,
    syncs,
    batchBytes: stats.batchBytes,
    undoAvailable: wantBackup,
  };
}

/**
 * The message for a failure after the checks: what is surely written (every step of it went
 * through), what may be partly written (its steps were in the batch that failed, or only some
 * went through: Excel keeps the actions of a batch before the one that fails), what was not
 * written, and how to go back.
 */
function partialFailure(e: unknown, steps: readonly Step[], done: number, inFlight: number, groups: readonly string[]): PartialWriteError {
  const code = officeErrorCode(e);
  const reason = e instanceof UserFacingError ? e.message : spanishMessageFor(code);
  const raw = e instanceof Error ? e.message : String(e);
  const lastIndex = (w: string): number => steps.map((st) => st.what).lastIndexOf(w);
  const firstIndex = (w: string): number => steps.findIndex((st) => st.what === w);
  const written = groups.filter((w) => lastIndex(w) < done);
  const partly = groups.filter((w) => lastIndex(w) >= done && firstIndex(w) < done + inFlight);
  const notWritten = groups.filter((w) => firstIndex(w) >= done + inFlight);
  const parts = [`${reason} La escritura quedó a medias.`];
  parts.push(written.length ? `Ya se escribió: ${written.join('; ')}.` : 'No se completó ninguna parte.');
  if (partly.length) parts.push(`Puede haber quedado escrita una parte de: ${partly.join('; ')}.`);
  if (notWritten.length) parts.push(`No se escribió: ${notWritten.join('; ')}.`);
  parts.push(
    written.includes(BACKUP_WHAT)
      ? 'Para volver al estado anterior use «Deshacer el último recálculo» en el panel.'
      : 'Para volver atrás use Ctrl+Z en Excel (cada lote escrito es un paso) y revise la hoja.',
  );
  return new PartialWriteError(parts.join(' '), code ? `${code}: ${raw}` : raw, written, code);
}

/** Whether this Excel merges a run's syncs into one undo step (ExcelApi 1.20). */
export function undoGroupSupported(isSetSupported: (name: string, version: string) => boolean = defaultIsSetSupported): boolean {
  return isSetSupported('ExcelApi', '1.20');
}

/**
 * `applyPlan` in its own `Excel.run`, as one undo step where Excel supports it. An
 * `UndoNotSupported` before anything was written retries without the group (the backup
 * sheet still offers «Deshacer el último recálculo»).
 */
export async function applyPlanAsOneUndoStep(run: ExcelRun, plan: RecomputePlan, options: ApplyOptions = {}): Promise<OfficeApplyResult & { readonly grouped: boolean }> {
  if (undoGroupSupported(options.isSetSupported)) {
    try {
      return { ...(await run({ mergeUndoGroup: true }, (ctx) => applyPlan(ctx, plan, options))), grouped: true };
    } catch (e) {
      // Only a refusal before anything was confirmed written may be retried: a retry after a
      // partial write would stack a second recompute on a half-written first one.
      if (officeErrorCode(e) !== 'UndoNotSupported' || (e instanceof PartialWriteError && e.written.length)) throw e;
    }
  }
  return { ...(await run((ctx) => applyPlan(ctx, plan, options))), grouped: false };
}

export interface UndoResult {
  readonly sheet: string;
  readonly cellsRestored: number;
}

/**
 * «Deshacer el último recálculo»: puts back what the last recompute replaced (values,
 * formulas and number formats), unless a written cell has changed since (then nothing is
 * touched), and removes the backup. Three syncs.
 */
export async function undoLastRecompute(context: ExcelContext): Promise<UndoResult> {
  const existing = await loadSheets(context);
  const backup = existing.find((s) => s.role === 'deshacer');
  if (!backup) throw new UserFacingError('No hay un recálculo que deshacer: el último ya se deshizo o no escribió celdas.', 'NoBackup');
  const range = sheetOf(context, backup.name).getUsedRangeOrNullObject(true).load('isNullObject,values');
  await context.sync();
  const rows = range.isNullObject ? [] : (range.values as unknown[][]);
  const sheet = String(rows[1]?.[1] ?? '');
  const damaged = (): UserFacingError => new UserFacingError('La copia para deshacer está vacía o dañada; no se deshizo nada.', 'BadBackup');
  let entries: { a1: string; area: CellRange; before: unknown; format: string; written: CellValue }[];
  try {
    entries = rows.slice(3).map((r) => ({
      a1: String(r[0]).split(':')[0],
      area: rangeFromA1(String(r[0])),
      before: JSON.parse(String(r[1])) as unknown,
      format: String(r[2]),
      written: JSON.parse(String(r[3])) as CellValue,
    }));
  } catch {
    throw damaged();
  }
  if (!sheet || !entries.length) throw damaged();
  const targets = entries.map((e) => ({ ...e, row: e.area.top, col: e.area.left }));
  const runs = columnRuns(targets, mergeIndex(entries.map((e) => e.area)));
  const ws = sheetOf(context, sheet);
  const current = runs.map((r) => ws.getRangeByIndexes(r.top, r.col, r.height, 1).load('values'));
  await context.sync();
  const edited: string[] = [];
  runs.forEach((r, i) => {
    for (const t of r.items) if (!same(toCellValue(current[i].values[t.row - r.top][0]), t.written)) edited.push(t.a1);
  });
  if (edited.length) {
    throw new UserFacingError(
      `Después del recálculo cambiaron ${plural(edited.length, 'celda', 'celdas')} que el complemento escribió (${edited.slice(0, 8).join(', ')}${edited.length > 8 ? '…' : ''}). No se deshizo nada para no perder esos cambios.`,
      `EditedSince: ${edited.join(',')}`,
    );
  }
  context.application.suspendApiCalculationUntilNextSync();
  for (const r of runs) {
    const formats: (string | null)[][] = Array.from({ length: r.height }, () => [null]);
    const formulas: (string | number | boolean | null)[][] = Array.from({ length: r.height }, () => [null]);
    for (const t of r.items) {
      formats[t.row - r.top][0] = t.format;
      const b = t.before;
      // A constant text goes back as text (never parsed as a number or formula) unless it is Text-formatted.
      formulas[t.row - r.top][0] =
        typeof b === 'string' && !b.startsWith('=') && b !== '' && t.format !== TEXT_FORMAT ? literalText(b) : (b as string | number | boolean);
    }
    const target = ws.getRangeByIndexes(r.top, r.col, r.height, 1);
    target.numberFormat = formats;
    target.formulas = formulas;
  }
  sheetOf(context, backup.name).delete();
  await context.sync();
  context.application.calculate('Recalculate');
  await context.sync();
  return { sheet, cellsRestored: entries.length };
}
