/**
 * The one policy for choosing the report sheet, used by the CLI (--hoja or its default), the
 * web page, the pane's default and the ribbon: the named sheet; else the active sheet when
 * recognised; else the first visible recognised sheet. When none fits, one Spanish reason
 * (the engine's text, so the pane, the CLI and the observation say the same) ending with
 * what to do in that front end.
 */
import { findLayout } from '../engine/layout/find-layout';
import { CHOOSE_THE_SHEET, noSheetRecognised, sheetNotRecognised } from '../engine/not-recognised';
import type { SheetChoice } from './contract';
import type { Grid } from '../engine/grid/cell';
import type { SheetInfo, WorkbookPort } from './port';

/**
 * Rows read to recognise a layout: findLayout looks for a header in the first 60 rows (and
 * reads the row below it), so a huge foreign sheet is never read whole just to be skipped.
 */
export const HEAD_ROWS = 64;

export interface SheetCandidate {
  readonly name: string;
  readonly recognised: boolean;
  /** Hidden sheets are chosen only by name. Default true. */
  readonly visible?: boolean;
  readonly active?: boolean;
  readonly toolRole?: string;
}

export type SheetPick = { readonly sheet: string; readonly reason: null } | { readonly sheet: null; readonly reason: string };

export interface PickOptions {
  /** The sheet the user named (--hoja, the pane's current choice). */
  readonly wanted?: string;
  /** What to do when nothing fits, in this front end's words (ends the reason). */
  readonly whatToDo?: string;
}

/** The policy over sheets already checked for the layout. */
export function pickReportSheet(sheets: readonly SheetCandidate[], options: PickOptions = {}): SheetPick {
  const whatToDo = options.whatToDo ?? CHOOSE_THE_SHEET;
  if (options.wanted !== undefined) {
    const wanted = options.wanted;
    const named = sheets.find((s) => s.name === wanted) ?? sheets.find((s) => s.name.toLowerCase() === wanted.toLowerCase());
    if (!named) {
      const names = sheets.map((s) => `«${s.name}»`).join(', ') || '(ninguna)';
      return { sheet: null, reason: `El libro no tiene una hoja llamada «${wanted}». Elija una de estas: ${names}.` };
    }
    return named.recognised ? { sheet: named.name, reason: null } : { sheet: null, reason: sheetNotRecognised(named.name, whatToDo) };
  }
  const active = sheets.find((s) => s.active && s.recognised);
  if (active) return { sheet: active.name, reason: null };
  // The planner's own report before one the tool generated (Reporte de seguimiento from an export).
  const first = sheets.find((s) => s.recognised && s.visible !== false && !s.toolRole) ?? sheets.find((s) => s.recognised && s.visible !== false);
  if (first) return { sheet: first.name, reason: null };
  return { sheet: null, reason: noSheetRecognised(whatToDo) };
}

/**
 * The pane's and the web page's default in a list: `current` while it still fits (or nothing
 * fits), else the policy's choice, else the first sheet so the planner sees why it does not fit.
 */
export function defaultSheet(sheets: readonly SheetChoice[], current?: string): string | null {
  const noneFits = !sheets.some((s) => s.recognised);
  const kept = current ? sheets.find((s) => s.name === current && (s.recognised || noneFits)) : undefined;
  if (kept) return kept.name;
  return pickReportSheet(sheets).sheet ?? sheets[0]?.name ?? null;
}

/** The visible sheets (every one when none is visible); the tool's own sheets are listed with their role. */
export function offeredSheets(all: readonly SheetInfo[]): SheetInfo[] {
  const visible = all.filter((s) => s.visible);
  return visible.length > 0 ? visible : [...all];
}

/** Observaciones and Resumen are never a report; a generated Reporte de seguimiento is. */
const neverAReport = (s: SheetInfo): boolean => s.toolRole === 'observaciones' || s.toolRole === 'resumen';

function named(all: readonly SheetInfo[], wanted: string): SheetInfo | undefined {
  return all.find((s) => s.name === wanted) ?? all.find((s) => s.name.toLowerCase() === wanted.toLowerCase());
}

function recognised(list: readonly SheetInfo[], heads: readonly (Grid | undefined)[]): SheetChoice[] {
  return list.map((s, i) => ({
    name: s.name,
    recognised: !neverAReport(s) && findLayout(heads[i] ?? { rows: [], merges: [] }) !== null,
    ...(s.active ? { active: true } : {}),
    ...(s.toolRole ? { toolRole: s.toolRole } : {}),
  }));
}

/** The offered sheets, each checked for the layout on its top rows only. */
export async function recogniseSheets(port: WorkbookPort): Promise<SheetChoice[]> {
  const list = offeredSheets(await port.sheets());
  const names = list.filter((s) => !neverAReport(s)).map((s) => s.name);
  const read = port.readHeads
    ? await port.readHeads(names, HEAD_ROWS)
    : await Promise.all(names.map((name) => port.readGrid(name, { limitRows: HEAD_ROWS })));
  const heads = new Map(names.map((name, i) => [name, read[i]]));
  return recognised(list, list.map((s) => heads.get(s.name)));
}

/**
 * The policy over a workbook. A named sheet is looked up among all sheets (hidden ones
 * too); without a name, among those offeredSheets offers.
 */
export async function chooseSheet(port: WorkbookPort, options: PickOptions = {}): Promise<SheetPick> {
  if (options.wanted === undefined) return pickReportSheet(await recogniseSheets(port), options);
  const all = await port.sheets();
  const sheet = named(all, options.wanted);
  if (!sheet) return pickReportSheet(all.map((s) => ({ name: s.name, recognised: false })), options);
  return pickReportSheet(recognised([sheet], [await port.readGrid(sheet.name, { limitRows: HEAD_ROWS })]), options);
}

/** A workbook read synchronously (the CLI's file, already in memory). */
export interface SyncSheetSource {
  sheets(): readonly SheetInfo[];
  head(sheet: string, limitRows: number): Grid;
}

/** chooseSheet, synchronously: the same policy for the CLI. */
export function chooseSheetSync(source: SyncSheetSource, options: PickOptions = {}): SheetPick {
  const all = source.sheets();
  if (options.wanted === undefined) {
    const list = offeredSheets(all);
    return pickReportSheet(recognised(list, list.map((s) => (neverAReport(s) ? undefined : source.head(s.name, HEAD_ROWS)))), options);
  }
  const sheet = named(all, options.wanted);
  if (!sheet) return pickReportSheet(all.map((s) => ({ name: s.name, recognised: false })), options);
  return pickReportSheet(recognised([sheet], [source.head(sheet.name, HEAD_ROWS)]), options);
}
