import type { CellValue } from '../../engine/grid/cell';
import type { Table, TableCell } from '../../engine/report/tables';
import { jsonBytes, OP_OVERHEAD_BYTES, packBySize, PLAN_BUDGET_BYTES, syncBatches } from './payload';

/** Text cells get the Text format before their value, so `=SUM(…)`, `+1`, `-x`, `@x` stay text. */
export const TEXT_FORMAT = '@';

/** A bar chart placed beside a table (Resumen: physical execution per AEI). */
export interface ChartSpec {
  readonly title: string;
  readonly categoryHeader: string;
  readonly valueHeader: string;
  readonly points: readonly { readonly category: string; readonly value: number }[];
}

export interface TableSheetOptions {
  /** A bold line above the table (the run's status), followed by a blank row. */
  readonly preface?: string;
  readonly chart?: ChartSpec;
  readonly budgetBytes?: number;
  /** Make the sheet the active one when done. */
  readonly activate?: boolean;
}

export interface TableSheetStats {
  readonly syncs: number;
  readonly rows: number;
  readonly batchBytes: readonly number[];
}

/** `'Reporte POI'!N14`: the sheet name always quoted, quotes doubled. */
export function documentReference(sheet: string, cell: string): string {
  return `'${sheet.replace(/'/g, "''")}'!${cell}`;
}

function excelValue(v: CellValue): string | number | boolean {
  return v === null ? '' : v;
}

function cellFormat(cell: TableCell | undefined): string {
  if (!cell || cell.value === null) return 'General';
  if (typeof cell.value === 'string') return TEXT_FORMAT;
  return cell.format ?? 'General';
}

type Action = { bytes: number; run: (sheet: Excel.Worksheet) => void };

/**
 * The actions that write a table from row `top`: per block of rows, number formats first
 * (Text on string cells), then values, bold runs and hyperlinks.
 */
function tableActions(table: Table, top: number, width: number, budget: number, reportLinks: boolean): Action[] {
  const actions: Action[] = [];
  let r0 = 0;
  while (r0 < table.length) {
    // Grow the block while its values + formats stay well inside one batch.
    let bytes = OP_OVERHEAD_BYTES * 2;
    let r1 = r0;
    while (r1 < table.length) {
      const row = table[r1];
      let rb = 0;
      for (let c = 0; c < width; c++) rb += jsonBytes(row[c]?.value ?? '') + jsonBytes(cellFormat(row[c])) + 2;
      if (r1 > r0 && bytes + rb > budget / 4) break;
      bytes += rb;
      r1++;
    }
    const rows = table.slice(r0, r1);
    const start = top + r0;
    const formats = rows.map((row) => Array.from({ length: width }, (_, c) => cellFormat(row[c])));
    const values = rows.map((row) => Array.from({ length: width }, (_, c) => excelValue(row[c]?.value ?? null)));
    actions.push({
      bytes,
      run: (sheet) => {
        const range = sheet.getRangeByIndexes(start, 0, rows.length, width);
        range.numberFormat = formats;
        range.values = values;
      },
    });
    rows.forEach((row, i) => {
      let c = 0;
      while (c < width) {
        if (!row[c]?.bold) {
          c++;
          continue;
        }
        const c0 = c;
        while (c < width && row[c]?.bold) c++;
        const n = c - c0;
        actions.push({
          bytes: OP_OVERHEAD_BYTES,
          run: (sheet) => {
            sheet.getRangeByIndexes(start + i, c0, 1, n).format.font.bold = true;
          },
        });
      }
      if (!reportLinks) return;
      row.forEach((cell, col) => {
        if (!cell.link) return;
        const hyperlink: Excel.RangeHyperlink = {
          documentReference: documentReference(cell.link.sheet, cell.link.cell),
          textToDisplay: cell.value === null ? cell.link.cell : String(cell.value),
        };
        actions.push({
          bytes: OP_OVERHEAD_BYTES + jsonBytes(hyperlink),
          run: (sheet) => {
            sheet.getRangeByIndexes(start + i, col, 1, 1).hyperlink = hyperlink;
          },
        });
      });
    });
    r0 = r1;
  }
  return actions;
}

function chartActions(spec: ChartSpec, top: number, left: number): Action[] {
  const data: (string | number)[][] = [[spec.categoryHeader, spec.valueHeader], ...spec.points.map((p) => [p.category, p.value])];
  const formats = data.map((row, i) => [TEXT_FORMAT, i === 0 ? TEXT_FORMAT : '0.0']);
  return [
    {
      bytes: OP_OVERHEAD_BYTES * 6 + jsonBytes(data) + jsonBytes(formats) + jsonBytes(spec.title),
      run: (sheet) => {
        const range = sheet.getRangeByIndexes(top, left, data.length, 2);
        range.numberFormat = formats;
        range.values = data;
        sheet.getRangeByIndexes(top, left, 1, 2).format.font.bold = true;
        if (spec.points.length === 0) return;
        // 'BarClustered' is Excel.ChartType.barClustered (the string keeps this file free of the runtime enum).
        const chart = sheet.charts.add('BarClustered', range, 'Columns');
        chart.title.text = spec.title;
        chart.legend.visible = false;
        const anchor = sheet.getRangeByIndexes(top, left + 3, 1, 1);
        const end = sheet.getRangeByIndexes(top + Math.max(15, Math.min(60, spec.points.length + 4)), left + 11, 1, 1);
        chart.setPosition(anchor, end);
      },
    },
  ];
}

/**
 * (Re)write a sheet the tool owns (Observaciones, Resumen): delete it if present, add it
 * again, write the table block by block, then autofit. Two syncs for a normal table
 * (existence check + write); a long table adds one per ~3 MB.
 */
export async function writeTableSheet(
  context: Excel.RequestContext,
  sheetName: string,
  table: Table,
  options: TableSheetOptions = {},
): Promise<TableSheetStats> {
  const budget = options.budgetBytes ?? PLAN_BUDGET_BYTES;
  const width = Math.max(1, ...table.map((r) => r.length));
  const top = options.preface !== undefined ? 2 : 0;

  const existing = context.workbook.worksheets.getItemOrNullObject(sheetName);
  existing.load('isNullObject');
  await context.sync();

  const actions: Action[] = [];
  if (options.preface !== undefined) {
    const preface = options.preface;
    actions.push({
      bytes: OP_OVERHEAD_BYTES * 2 + jsonBytes(preface),
      run: (sheet) => {
        const cell = sheet.getRangeByIndexes(0, 0, 1, 1);
        cell.numberFormat = [[TEXT_FORMAT]];
        cell.values = [[preface]];
        cell.format.font.bold = true;
      },
    });
  }
  actions.push(...tableActions(table, top, width, budget, true));
  if (options.chart) actions.push(...chartActions(options.chart, top, width + 1));
  actions.push({
    bytes: OP_OVERHEAD_BYTES,
    run: (sheet) => {
      sheet.getRangeByIndexes(top, 0, Math.max(1, table.length), width).format.autofitColumns();
      if (options.activate) sheet.activate();
    },
  });

  // A refused request applied nothing, so even the first batch (which re-creates the sheet)
  // can be split: its first half still deletes and re-adds.
  const stats = await syncBatches(context, packBySize(actions, budget), (batch, first) => {
    let sheet: Excel.Worksheet;
    if (first) {
      if (!existing.isNullObject) existing.delete();
      sheet = context.workbook.worksheets.add(sheetName);
    } else {
      sheet = context.workbook.worksheets.getItem(sheetName);
    }
    for (const a of batch) a.run(sheet);
  });
  // One more sync: the existence check above.
  return { syncs: 1 + stats.syncs, rows: table.length + top, batchBytes: stats.batchBytes };
}
