/**
 * The WorkbookPort over a file's bytes (the CLI, the web page's worker). The workbook is
 * opened once; carrying out a plan makes a patched copy, which becomes the workbook's bytes.
 */
import type { Grid } from '../../engine/grid/cell';
import type { ChartSpec, RecomputePlan, ToolSheet } from '../../app/plan';
import type { ApplyResult, SheetInfo, WorkbookPort } from '../../app/port';
import type { TableCell } from '../../engine/report/tables';
import { gridAfter } from '../../app/grid-after';
import { openXlsx, type XlsxLimits, type XlsxPackage } from './open';
import { writePlannedCopy, type CellEdit, type NewSheet, type PlannedSheet, type SheetChart } from './patched-copy';

export interface XlsxWorkbookPort extends WorkbookPort {
  /** The workbook as it now is (the last copy written, or the bytes opened). */
  bytes(): Uint8Array;
  /** True once a plan has been carried out. */
  readonly modified: boolean;
  /** The same operations, synchronously (the CLI's main is synchronous; the bytes are in memory). */
  readonly now: {
    sheets(): SheetInfo[];
    /** The top rows (a SyncSheetSource for chooseSheetSync). */
    head(sheet: string, limitRows: number): Grid;
    readGrid(sheet: string): Grid;
    apply(plan: RecomputePlan): ApplyResult;
  };
}

/**
 * A tool sheet as the copy carries it, cell for cell as the add-in writes it: the preface
 * (status line) and a blank row above the table, and a chart's data beside the table with
 * a native bar chart over it, where the add-in puts its own.
 */
export function newSheetOf(sheet: ToolSheet): NewSheet {
  // Rows are copied only where the chart's data goes (a generated report has 45,000 rows,
  // too many to spread into Math.max, too).
  const body: (readonly TableCell[])[] = [...sheet.table];
  const width = sheet.table.reduce((w, r) => Math.max(w, r.length), 1);
  if (sheet.chart) {
    const data: TableCell[][] = [
      [
        { value: sheet.chart.categoryHeader, bold: true },
        { value: sheet.chart.valueHeader, bold: true },
      ],
      ...sheet.chart.points.map((p): TableCell[] => [{ value: p.category }, { value: p.value, format: '0.0' }]),
    ];
    data.forEach((cells, i) => {
      const row = [...(body[i] ?? [])];
      while (row.length < width + 1) row.push({ value: null });
      row.push(...cells);
      body[i] = row;
    });
  }
  // The preface and its blank row push the table down: its merges and frozen rows move with it.
  const preface = sheet.preface;
  const shift = preface !== undefined ? 2 : 0;
  const table: (readonly TableCell[])[] = preface !== undefined ? [[{ value: preface, bold: true }], [], ...body] : body;
  const merges = shift ? (sheet.merges ?? []).map((m) => ({ top: m.top + shift, bottom: m.bottom + shift, left: m.left, right: m.right })) : (sheet.merges ?? []);
  const chart = sheet.chart && sheet.chart.points.length > 0 ? chartOver(sheet.chart, shift, width + 1) : undefined;
  return {
    name: sheet.name,
    table,
    ...(sheet.columnWidths ? { columnWidths: sheet.columnWidths } : {}),
    ...(sheet.freezeRows !== undefined ? { freezeRows: sheet.freezeRows + shift } : {}),
    ...(merges.length > 0 ? { merges } : {}),
    ...(chart ? { chart } : {}),
  };
}

/** The chart over its data (header row at `top`, codes in column `left`), placed as the add-in places it. */
function chartOver(spec: ChartSpec, top: number, left: number): SheetChart {
  const last = top + spec.points.length;
  return {
    title: spec.title,
    nameCell: { top, bottom: top, left: left + 1, right: left + 1 },
    categories: { top: top + 1, bottom: last, left, right: left },
    values: { top: top + 1, bottom: last, left: left + 1, right: left + 1 },
    anchor: { top, left: left + 3, bottom: top + Math.max(15, Math.min(60, spec.points.length + 4)), right: left + 11 },
  };
}

/** The sheet as the copy writes it, with the role its mark carries. */
export function plannedSheetOf(sheet: ToolSheet): PlannedSheet {
  return { ...newSheetOf(sheet), role: sheet.role };
}

/** Throws XlsxError when the bytes are not a readable workbook. */
export function createXlsxPort(data: Uint8Array, limits?: XlsxLimits): XlsxWorkbookPort {
  let bytes = data;
  let pkg: XlsxPackage | null = openXlsx(bytes, limits);
  let modified = false;
  const grids = new Map<string, Grid>();

  const current = (): XlsxPackage => (pkg ??= openXlsx(bytes, limits));
  const grid = (sheet: string): Grid => {
    let g = grids.get(sheet);
    if (!g) {
      g = current().readSheet(sheet);
      grids.set(sheet, g);
    }
    return g;
  };

  const now = {
    sheets: (): SheetInfo[] =>
      current().sheets.map((s) => ({ name: s.name, visible: s.state === 'visible', ...(s.toolRole ? { toolRole: s.toolRole } : {}) })),
    readGrid: (sheet: string): Grid => grid(sheet),
    head(sheet: string, limitRows: number): Grid {
      // A sheet already read whole answers from its grid; otherwise only its top rows are
      // parsed, so a huge foreign sheet is not read to learn it is not the report.
      const g = grids.get(sheet);
      if (g) return g.rows.length <= limitRows ? g : { ...g, rows: g.rows.slice(0, limitRows), merges: g.merges.filter((m) => m.top < limitRows) };
      return current().readSheet(sheet, { maxRows: limitRows });
    },
    apply(plan: RecomputePlan): ApplyResult {
      if (!plan.cells && plan.sheets.length === 0) return { cellsWritten: 0, sheetsWritten: [], notices: [] };
      const target = plan.cells?.sheet ?? plan.sheet;
      const edits: CellEdit[] = (plan.cells?.cells ?? []).map((c) => ({ row: c.at.row, col: c.at.col, value: c.value }));
      const copy = writePlannedCopy(bytes, target, edits, plan.sheets.map(plannedSheetOf));
      bytes = copy.bytes;
      modified = true;
      pkg = null;
      // The report sheet now holds the edits: apply them to its kept grid rather than parse
      // the sheet again. The tool's sheets are read anew when asked for.
      const report = grids.get(target);
      grids.clear();
      if (report) grids.set(target, gridAfter(report, plan.cells?.cells ?? []));
      return { cellsWritten: edits.length, sheetsWritten: copy.sheetNames, notices: copy.notices };
    },
  };

  // The async port over the same operations (a throw becomes a rejection).
  return {
    get modified() {
      return modified;
    },
    now,
    bytes: () => bytes,
    sheets: async () => now.sheets(),
    readGrid: async (sheet, options = {}) => (options.limitRows === undefined ? now.readGrid(sheet) : now.head(sheet, options.limitRows)),
    apply: async (plan) => now.apply(plan),
  };
}
