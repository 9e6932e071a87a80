/**
 * The WorkbookPort over Office.js: each method is one `Excel.run` whose failures come out as
 * a UserFacingError in Spanish.
 */
import type { Grid } from '../../engine/grid/cell';
import type { ApplyResult, SheetInfo, WorkbookPort } from '../../app/port';
import { applyPlan } from './apply-plan';
import { toUserFacingError } from './errors';
import { readSheet, toCellValue } from './read-sheet';

export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

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
}

export function createOfficePort(deps: OfficePortDeps = {}): OfficeWorkbookPort {
  const run: ExcelRun = deps.run ?? ((batch) => Excel.run(batch));
  const mergesSupported = deps.mergesSupported ?? defaultMergesSupported;
  const log = deps.log ?? console.error;

  async function guarded<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    try {
      return await run(batch);
    } catch (e) {
      throw toUserFacingError(e, log);
    }
  }

  /** The top rows of several sheets, in one sync. Merges are not read: labels sit in their areas' top-left cells. */
  async function heads(context: Excel.RequestContext, sheets: readonly string[], limitRows: number): Promise<Grid[]> {
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
      return guarded(async (context) => {
        const sheets = context.workbook.worksheets;
        sheets.load('items/name');
        const active = sheets.getActiveWorksheet();
        active.load('name');
        await context.sync();
        // Every sheet counts as visible: the sheet list the planner sees in the pane is Excel's own.
        return sheets.items.map((ws) => ({ name: ws.name, visible: true, ...(ws.name === active.name ? { active: true } : {}) }));
      });
    },

    readHeads(sheets, limitRows): Promise<readonly Grid[]> {
      return guarded((context) => heads(context, sheets, limitRows));
    },

    readGrid(sheet, options = {}): Promise<Grid> {
      return guarded(async (context) => {
        if (options.limitRows !== undefined) return (await heads(context, [sheet], options.limitRows))[0];
        const read = await readSheet(context, sheet, { merges: mergesSupported(), onProgress: options.onProgress });
        return read.grid;
      });
    },

    apply(plan, onProgress): Promise<ApplyResult> {
      return guarded((context) => applyPlan(context, plan, { onProgress }));
    },

    selectCell(sheet, a1): Promise<void> {
      return guarded(async (context) => {
        const ws = context.workbook.worksheets.getItem(sheet);
        ws.activate();
        ws.getRange(a1).select();
        await context.sync();
      });
    },
  };
}
