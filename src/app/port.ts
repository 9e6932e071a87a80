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
  /** Set when the tool made this sheet (its own mark, not its name). */
  readonly toolRole?: ToolSheetRole;
}

export interface ApplyResult {
  readonly cellsWritten: number;
  /** The names the tool's sheets were written under, in plan order. */
  readonly sheetsWritten: readonly string[];
  /** One Spanish sentence per sheet that could not take its preferred name. */
  readonly notices: readonly string[];
}

export interface WorkbookPort {
  sheets(): Promise<readonly SheetInfo[]>;
  /** The sheet's cells; `limitRows` reads only the top rows (to recognise a layout). */
  readGrid(sheet: string, options?: { readonly limitRows?: number; readonly onProgress?: (fraction: number) => void }): Promise<Grid>;
  apply(plan: RecomputePlan, onProgress?: (fraction: number) => void): Promise<ApplyResult>;
}
