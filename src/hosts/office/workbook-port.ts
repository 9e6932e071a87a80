/**
 * The WorkbookPort over Office.js: each method is one `Excel.run` whose failures come out as
 * a UserFacingError in Spanish.
 */
import type { Grid } from '../../engine/grid/cell';
import type { ApplyResult, SheetInfo, WorkbookPort } from '../../app/port';
import { applyPlanAsOneUndoStep, readSheetInfos, undoLastRecompute } from './apply-plan';
import { toUserFacingError } from './errors';
import { excelRun, type ExcelContext, type ExcelRun } from './excel-api';
import { readSheet, toCellValue } from './read-sheet';

export type { ExcelRun };

export interface OfficePortDeps {
  /** `Excel.run` by default; tests pass the fake's. */
  readonly run?: ExcelRun;
  /** Whether merged areas can be read (ExcelApi 1.13); checked at run time by default. */
  readonly mergesSupported?: () => boolean;
  readonly log?: (...args: unknown[]) => void;
}

/**
 * What is read of a sheet to recognise a layout: the printed report's header sits in the first
 * 60 rows within ~30 columns; the Aplicativo's flat export (279 columns) has its header in the
 * first 10 rows. So the top rows are read wide and the rest narrow: a few thousand cells per
 * sheet, well inside one response even for a workbook of many sheets.
 */
export const HEAD_COLUMNS = 40;
export const WIDE_HEAD_ROWS = 12;
export const WIDE_HEAD_COLUMNS = 320;

function defaultMergesSupported(): boolean {
  try {
    return typeof Office !== 'undefined' && Office.context.requirements.isSetSupported('ExcelApi', '1.13');
  } catch {
    return false;
  }
}

function toGrid(values: readonly unknown[][]): Grid {
  const rows = values.map((row) => {
    let end = row.length;
    while (end > 0 && (row[end - 1] === '' || row[end - 1] === null)) end--;
    return row.slice(0, end).map(toCellValue);
  });
  return { rows, merges: [] };
}

export interface OfficeWorkbookPort extends WorkbookPort {
  readHeads(sheets: readonly string[], limitRows: number): Promise<readonly Grid[]>;
  selectCell(sheet: string, a1: string): Promise<void>;
  undo(): Promise<string>;
}

export function createOfficePort(deps: OfficePortDeps = {}): OfficeWorkbookPort {
  const run: ExcelRun = deps.run ?? excelRun;
  // The grid each plan was computed from: applyPlan re-reads its inputs and writes merged areas from it.
  const readGrids = new Map<string, Grid>();
  const mergesSupported = deps.mergesSupported ?? defaultMergesSupported;
  const log = deps.log ?? console.error;

  async function guarded<T>(batch: () => Promise<T>): Promise<T> {
    try {
      return await batch();
    } catch (e) {
      throw toUserFacingError(e, log);
    }
  }

  /** The top rows of several sheets, in one sync. Merges are not read: labels sit in their areas' top-left cells. */
  async function heads(context: ExcelContext, sheets: readonly string[], limitRows: number): Promise<Grid[]> {
    const wideRows = Math.min(limitRows, WIDE_HEAD_ROWS);
    const ranges = sheets.map((name) => {
      const ws = context.workbook.worksheets.getItem(name);
      const wide = ws.getRangeByIndexes(0, 0, wideRows, WIDE_HEAD_COLUMNS);
      wide.load('values');
      const narrow = limitRows > wideRows ? ws.getRangeByIndexes(wideRows, 0, limitRows - wideRows, HEAD_COLUMNS) : null;
      narrow?.load('values');
      return { wide, narrow };
    });
    await context.sync();
    return ranges.map(({ wide, narrow }) => {
      const top = (wide.values as unknown[][] | null) ?? [];
      const rest = (narrow?.values as unknown[][] | null | undefined) ?? [];
      return toGrid([...top, ...rest]);
    });
  }

  return {
    sheets(): Promise<readonly SheetInfo[]> {
      return guarded(() => run(async (context) => {
        const active = context.workbook.worksheets.getActiveWorksheet();
        active.load('name');
        const infos = await readSheetInfos(context);
        // readSheetInfos synced the batch that loaded `active`.
        // eslint-disable-next-line office-addins/call-sync-before-read
        return infos.map((info) => (info.name === active.name ? { ...info, active: true } : info));
      }));
    },

    readHeads(sheets, limitRows): Promise<readonly Grid[]> {
      return guarded(() => run((context) => heads(context, sheets, limitRows)));
    },

    readGrid(sheet, options = {}): Promise<Grid> {
      return guarded(() => run(async (context) => {
        if (options.limitRows !== undefined) return (await heads(context, [sheet], options.limitRows))[0];
        const read = await readSheet(context, sheet, { merges: mergesSupported(), onProgress: options.onProgress });
        readGrids.set(sheet, read.grid);
        return read.grid;
      }));
    },

    apply(plan, onProgress): Promise<ApplyResult> {
      // One recompute = one undo step where Excel can group it; the backup sheet otherwise.
      return guarded(() => applyPlanAsOneUndoStep(run, plan, { onProgress, grid: readGrids.get(plan.sheet) }));
    },

    selectCell(sheet, a1): Promise<void> {
      return guarded(() => run(async (context) => {
        const ws = context.workbook.worksheets.getItem(sheet);
        ws.activate();
        ws.getRange(a1).select();
        await context.sync();
      }));
    },

    undo(): Promise<string> {
      return guarded(() => run(async (context) => {
        const r = await undoLastRecompute(context);
        return `Se deshizo el último recálculo: ${r.cellsRestored} ${r.cellsRestored === 1 ? 'celda volvió' : 'celdas volvieron'} a su valor anterior en la hoja «${r.sheet}».`;
      }));
    },
  };
}
