import type { CellValue } from '../../engine/grid/cell';
import type { Table, TableCell } from '../../engine/report/tables';
import type { ChartSpec, ToolSheet } from '../../app/plan';
import type { WorksheetApi } from './excel-api';
import { jsonBytes, OP_OVERHEAD_BYTES } from './payload';

/** Text cells get the Text format before their value, so `=SUM(…)`, `+1`, `-x`, `@x` stay text. */
export const TEXT_FORMAT = '@';

export type { ChartSpec };

/** One thing queued on a sheet, with its estimated request bytes. */
export interface SheetAction {
  readonly bytes: number;
  run(sheet: WorksheetApi): void;
}

/** `'Reporte POI'!N14`: the sheet name always quoted, quotes doubled. */
export function documentReference(sheet: string, cell: string): string {
  return `'${sheet.replace(/'/g, "''")}'!${cell}`;
}

/** A link to a cell of the workbook that a whole column block can carry (one write, not one per cell). */
export function hyperlinkFormula(sheet: string, cell: string, text: string): string {
  const q = (s: string): string => s.replace(/"/g, '""');
  return `=HYPERLINK("#${q(documentReference(sheet, cell))}","${q(text)}")`;
}

/** A number format that shows a date (d, m, y codes; no digit placeholders). */
export function isDateFormat(format: string | undefined): boolean {
  return !!format && /[dy]/i.test(format.replace(/"[^"]*"/g, '')) && !/[#0]/.test(format);
}

/** `2023-08-15` → Excel's serial day (1900 system), or null. */
export function excelSerial(iso: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return Math.round(t / 86_400_000) + 25_569;
}

function excelValue(cell: TableCell | undefined): string | number | boolean {
  const v: CellValue = cell?.value ?? null;
  if (v === null) return '';
  if (typeof v === 'string' && isDateFormat(cell?.format)) return excelSerial(v) ?? v;
  return v;
}

function cellFormat(cell: TableCell | undefined): string {
  if (!cell || cell.value === null) return 'General';
  if (cell.link) return 'General';
  if (typeof cell.value === 'string') return isDateFormat(cell.format) && excelSerial(cell.value) !== null ? cell.format! : TEXT_FORMAT;
  return cell.format ?? 'General';
}

/**
 * The actions that write a table from row `top`: per block of rows, number formats first
 * (Text on string cells), then values, bold runs, and one `formulas` write per column of
 * links (HYPERLINK formulas with `null` between them), never one call per cell.
 */
export function tableActions(table: Table, top: number, width: number, blockBudget: number): SheetAction[] {
  const actions: SheetAction[] = [];
  let r0 = 0;
  while (r0 < table.length) {
    let bytes = OP_OVERHEAD_BYTES * 2;
    let r1 = r0;
    while (r1 < table.length) {
      const row = table[r1];
      let rb = 0;
      for (let c = 0; c < width; c++) rb += jsonBytes(row[c]?.value ?? '') * (row[c]?.link ? 3 : 1) + jsonBytes(cellFormat(row[c])) + 2;
      if (r1 > r0 && bytes + rb > blockBudget) break;
      bytes += rb;
      r1++;
    }
    const rows = table.slice(r0, r1);
    const start = top + r0;
    const formats = rows.map((row) => Array.from({ length: width }, (_, c) => cellFormat(row[c])));
    const values = rows.map((row) => Array.from({ length: width }, (_, c) => (row[c]?.link ? null : excelValue(row[c]))));
    const links = new Map<number, (string | null)[][]>();
    rows.forEach((row, i) =>
      row.forEach((cell, c) => {
        if (!cell.link) return;
        const column = links.get(c) ?? rows.map(() => [null]);
        column[i][0] = hyperlinkFormula(cell.link.sheet, cell.link.cell, cell.value === null ? cell.link.cell : String(cell.value));
        links.set(c, column);
      }),
    );
    const bold: [number, number, number][] = [];
    rows.forEach((row, i) => {
      let c = 0;
      while (c < width) {
        if (!row[c]?.bold) {
          c++;
          continue;
        }
        const c0 = c;
        while (c < width && row[c]?.bold) c++;
        bold.push([start + i, c0, c - c0]);
      }
    });
    actions.push({
      bytes: bytes + bold.length * OP_OVERHEAD_BYTES + links.size * OP_OVERHEAD_BYTES,
      run: (sheet) => {
        const range = sheet.getRangeByIndexes(start, 0, rows.length, width);
        range.numberFormat = formats;
        range.values = values;
        for (const [c, column] of links) sheet.getRangeByIndexes(start, c, rows.length, 1).formulas = column;
        for (const [r, c, n] of bold) sheet.getRangeByIndexes(r, c, 1, n).format.font.bold = true;
      },
    });
    r0 = r1;
  }
  return actions;
}

export function chartActions(spec: ChartSpec, top: number, left: number): SheetAction[] {
  const data: (string | number)[][] = [[spec.categoryHeader, spec.valueHeader], ...spec.points.map((p) => [p.category, p.value])];
  const formats = data.map((_, i) => [TEXT_FORMAT, i === 0 ? TEXT_FORMAT : '0.0']);
  const a1 = (r: number, c: number): string => {
    let s = '';
    for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    return `${s}${r + 1}`;
  };
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
        chart.setPosition(a1(top, left + 3), a1(top + Math.max(15, Math.min(60, spec.points.length + 4)), left + 11));
      },
    },
  ];
}

/** Everything written into a tool sheet once it exists: preface, table, merges, chart, widths. */
export function toolSheetActions(spec: ToolSheet, blockBudget: number): SheetAction[] {
  const table = spec.table;
  const width = Math.max(1, ...table.map((r) => r.length));
  const top = spec.preface !== undefined ? 2 : 0;
  const actions: SheetAction[] = [];
  if (spec.preface !== undefined) {
    const preface = spec.preface;
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
  actions.push(...tableActions(table, top, width, blockBudget));
  if (spec.chart) actions.push(...chartActions(spec.chart, top, width + 1));
  const merges = spec.merges ?? [];
  const widths = spec.columnWidths;
  actions.push({
    bytes: OP_OVERHEAD_BYTES * (2 + merges.length + (widths?.length ?? 0)),
    run: (sheet) => {
      for (const m of merges) sheet.getRangeByIndexes(m.top + top, m.left, m.bottom - m.top + 1, m.right - m.left + 1).merge(false);
      if (widths) widths.forEach((w, c) => (sheet.getRangeByIndexes(0, c, 1, 1).format.columnWidth = w));
      else sheet.getRangeByIndexes(top, 0, Math.max(1, table.length), width).format.autofitColumns();
      if (spec.freezeRows) sheet.freezePanes.freezeRows(spec.freezeRows + top);
    },
  });
  return actions;
}
