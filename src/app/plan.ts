/**
 * The recompute plan: what one click does to a workbook, as plain data. Built once from
 * an analysis (src/app/build-plan.ts) and carried out the same way by every host through
 * the WorkbookPort; the hosts decide nothing but how to write.
 */
import type { CellRange } from '../engine/grid/cell';
import type { ComputedCell, PatchCell } from '../engine/patch/types';
import type { Table } from '../engine/report/tables';

/** Why the tool writes a sheet of its own; hosts find a sheet they made by this role. */
export type ToolSheetRole = 'observaciones' | 'resumen' | 'reporte';

/** A bar chart placed beside a table (Resumen: physical execution per AEI). */
export interface ChartSpec {
  readonly title: string;
  readonly categoryHeader: string;
  readonly valueHeader: string;
  readonly points: readonly { readonly category: string; readonly value: number }[];
}

/**
 * A sheet the tool writes. The host replaces a sheet only when the tool made it (a mark of
 * its own, not the name); when `name` is taken by a planner's sheet it picks another name
 * and reports the one used.
 */
export interface ToolSheet {
  readonly role: ToolSheetRole;
  /** The name the tool prefers (Observaciones, Resumen, Reporte de seguimiento). */
  readonly name: string;
  readonly table: Table;
  /** A bold line above the table (the run's status), followed by a blank row. */
  readonly preface?: string;
  readonly columnWidths?: readonly number[];
  readonly freezeRows?: number;
  readonly merges?: readonly CellRange[];
  readonly chart?: ChartSpec;
}

/** The cells to write into the analysed sheet. */
export interface CellWrites {
  readonly sheet: string;
  /** Only the computed cells whose value differs, sorted by row then column. */
  readonly cells: readonly PatchCell[];
  /** Every computed cell, for formats and traffic-light colours. */
  readonly computed: readonly ComputedCell[];
  /** The merged areas of the analysed sheet (a value goes into its area's top-left cell). */
  readonly merges: readonly CellRange[];
}

export interface RecomputePlan {
  readonly sheet: string;
  readonly fechaCorte: string;
  /** Null when nothing may be written into the analysed sheet (no layout recognised). */
  readonly cells: CellWrites | null;
  /** The tool's own sheets, in the order they are added. */
  readonly sheets: readonly ToolSheet[];
  /** The status line that heads Observaciones. */
  readonly status: string;
  /** What the user is told when the plan has been carried out (Spanish). */
  readonly message: string;
}
