/**
 * Renders a whole worksheet part from a Table: used for new workbooks and for the sheets
 * a patched copy adds (Observaciones, Resumen).
 */
import type { CellRange } from '../../engine/grid/cell';
import { rangeFromA1, rangeToA1, toA1 } from '../../engine/grid/a1';
import type { Table, TableCell } from '../../engine/report/tables';
import { cellXml } from './cell-xml';
import { sheetReference } from './sheet-name';
import { escapeXml } from './xml';

export const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
export const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

export interface WorksheetContent {
  readonly table: Table;
  /** Merged areas, as ranges or in A1 form ('A5:A6'). */
  readonly merges?: readonly (string | CellRange)[];
  readonly columnWidths?: readonly number[];
  readonly freezeRows?: number;
}

export interface WorksheetContext {
  /** The spreadsheet namespace of the host workbook (transitional or strict). */
  readonly mainNs?: string;
  readonly tabSelected?: boolean;
  /** Style index for a cell's bold/format, or undefined for the default style. */
  readonly styleOf?: (cell: TableCell) => number | undefined;
  readonly sharedString?: (text: string) => number;
  /** The relationship id of the sheet's drawing (a chart), written as `<drawing>`. */
  readonly drawingRId?: string;
}

export function renderWorksheet(content: WorksheetContent, ctx: WorksheetContext = {}): string {
  const { table } = content;
  const links: string[] = [];
  const rows: string[] = [];
  let extent: CellRange | undefined;
  table.forEach((row, r) => {
    const cells: string[] = [];
    (row ?? []).forEach((cell: TableCell | null | undefined, c) => {
      if (!cell || cell.value === null || cell.value === undefined) return;
      const ref = toA1({ row: r, col: c });
      const style = ctx.styleOf?.(cell);
      cells.push(cellXml(ref, cell.value, { style: style ? String(style) : undefined, sharedString: ctx.sharedString }));
      if (cell.link) links.push(hyperlinkXml(ref, cell.link.sheet, cell.link.cell));
      extent = grow(extent, r, c);
    });
    if (cells.length > 0) rows.push(`<row r="${r + 1}">${cells.join('')}</row>`);
  });
  return [
    XML_DECLARATION,
    `<worksheet xmlns="${ctx.mainNs ?? MAIN_NS}" xmlns:r="${REL_NS}">`,
    `<dimension ref="${extent ? rangeToA1(extent) : 'A1'}"/>`,
    sheetViewsXml(content.freezeRows ?? 0, ctx.tabSelected ?? false),
    '<sheetFormatPr defaultRowHeight="15"/>',
    colsXml(content.columnWidths),
    rows.length ? `<sheetData>${rows.join('')}</sheetData>` : '<sheetData/>',
    mergesXml(content.merges),
    links.length ? `<hyperlinks>${links.join('')}</hyperlinks>` : '',
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>',
    // CT_Worksheet: <drawing> follows pageMargins (and the print settings we never write).
    ctx.drawingRId ? `<drawing r:id="${escapeXml(ctx.drawingRId)}"/>` : '',
    '</worksheet>',
  ].join('');
}

function grow(r: CellRange | undefined, row: number, col: number): CellRange {
  if (!r) return { top: row, left: col, bottom: row, right: col };
  return {
    top: Math.min(r.top, row),
    left: Math.min(r.left, col),
    bottom: Math.max(r.bottom, row),
    right: Math.max(r.right, col),
  };
}

/** An internal link: a location, no relationship (an external one would leave the file). */
function hyperlinkXml(ref: string, sheet: string, cell: string): string {
  return `<hyperlink ref="${ref}" location="${escapeXml(sheetReference(sheet, cell))}" display="${escapeXml(cell)}"/>`;
}

function sheetViewsXml(freezeRows: number, tabSelected: boolean): string {
  const sel = tabSelected ? ' tabSelected="1"' : '';
  if (!(freezeRows > 0)) return `<sheetViews><sheetView${sel} workbookViewId="0"/></sheetViews>`;
  const first = `A${freezeRows + 1}`;
  return (
    `<sheetViews><sheetView${sel} workbookViewId="0">` +
    `<pane ySplit="${freezeRows}" topLeftCell="${first}" activePane="bottomLeft" state="frozen"/>` +
    `<selection pane="bottomLeft" activeCell="${first}" sqref="${first}"/>` +
    '</sheetView></sheetViews>'
  );
}

function colsXml(widths: readonly number[] | undefined): string {
  const cols: string[] = [];
  (widths ?? []).forEach((w, i) => {
    if (typeof w === 'number' && Number.isFinite(w) && w > 0) {
      cols.push(`<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`);
    }
  });
  return cols.length ? `<cols>${cols.join('')}</cols>` : '';
}

function validRange(r: CellRange): CellRange {
  const ok = [r.top, r.left, r.bottom, r.right].every((n) => Number.isInteger(n) && n >= 0) && r.bottom <= 1_048_575 && r.right <= 16_383;
  if (!ok || r.bottom < r.top || r.right < r.left) throw new RangeError(`Área combinada inválida: ${JSON.stringify(r)}`);
  return r;
}

function mergesXml(merges: readonly (string | CellRange)[] | undefined): string {
  if (!merges || merges.length === 0) return '';
  // Normalised through the engine's parser so a malformed ref fails here, not in Excel.
  const refs = merges
    .map((m) => (typeof m === 'string' ? rangeFromA1(m) : validRange(m)))
    .filter((r) => r.bottom > r.top || r.right > r.left) // a one-cell merge is not a merge
    .map(rangeToA1);
  if (refs.length === 0) return '';
  return `<mergeCells count="${refs.length}">${refs.map((r) => `<mergeCell ref="${r}"/>`).join('')}</mergeCells>`;
}
