/**
 * The narrow port a host implements so the application layer can read a workbook and
 * carry out a recompute plan. The .xlsx host implements it over a file's bytes, the
 * Office host over Excel.run.
 */
import type { Grid } from '../engine/grid/cell';
import type { RecomputePlan, ToolSheetRole } from './plan';

export interface SheetInfo {
  readonly name: string;
  readonly visible: boolean;
  /** The sheet the user is looking at, when the host knows it. */
  readonly active?: boolean;
  /** Set when the tool made this sheet (its own mark, not its name). */
  readonly toolRole?: ToolSheetRole;
}

export interface ApplyResult {
  readonly cellsWritten: number;
  /** The names the tool's sheets were written under, in plan order. */
  readonly sheetsWritten: readonly string[];
  /** One Spanish sentence per sheet that could not take its preferred name. */
  readonly notices: readonly string[];
  /** True when `undo` can put this write back (the add-in keeps a backup of what it replaced). */
  readonly undoAvailable?: boolean;
}

export interface WorkbookPort {
  sheets(): Promise<readonly SheetInfo[]>;
  /** The sheet's cells; `limitRows` reads only the top rows (to recognise a layout). */
  readGrid(sheet: string, options?: { readonly limitRows?: number; readonly onProgress?: (fraction: number) => void }): Promise<Grid>;
  apply(plan: RecomputePlan, onProgress?: (fraction: number) => void): Promise<ApplyResult>;
  /** The top rows of several sheets at once, in the order asked (the add-in does it in one sync). */
  readHeads?(sheets: readonly string[], limitRows: number): Promise<readonly Grid[]>;
  /** Shows a cell of a sheet (the add-in selects it; a file has nothing to show). */
  selectCell?(sheet: string, a1: string): Promise<void>;
  /** Puts back what the last `apply` replaced; a Spanish sentence saying what was restored. */
  undo?(): Promise<string>;
}
