/**
 * A native clustered bar chart for a tool sheet (the one the add-in draws with
 * `charts.add('BarClustered')`): the chart part (DrawingML c:chartSpace) and the drawing
 * part that anchors it to cells. The series refers to the sheet's own cells, with their
 * values cached so the chart shows before Excel recalculates.
 */
import type { CellRange } from '../../engine/grid/cell';
import { toA1 } from '../../engine/grid/a1';
import type { Table } from '../../engine/report/tables';
import { sheetReference } from './sheet-name';
import { XML_DECLARATION, REL_NS } from './sheet-writer';
import { escapeXml } from './xml';

/** A chart over cells of the sheet it sits on (0-based ranges, one column each). */
export interface SheetChart {
  readonly title: string;
  /** The series name (one cell, the values' header). */
  readonly nameCell: CellRange;
  /** The category labels (the AEI codes). */
  readonly categories: CellRange;
  readonly values: CellRange;
  /** The cells the chart covers: its top-left cell to its bottom-right cell. */
  readonly anchor: CellRange;
}

export const CHART_NS = 'http://schemas.openxmlformats.org/drawingml/2006/chart';
const DRAWING_NS = 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing';
const A_NS = 'http://schemas.openxmlformats.org/drawingml/2006/main';
export const DRAWING_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing';
export const CHART_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart';
export const DRAWING_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.drawing+xml';
export const CHART_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml';

function absoluteRange(r: CellRange): string {
  const abs = (a1: string): string => a1.replace(/^([A-Z]+)(\d+)$/, '$$$1$$$2');
  const from = abs(toA1({ row: r.top, col: r.left }));
  return r.bottom === r.top && r.right === r.left ? from : `${from}:${abs(toA1({ row: r.bottom, col: r.right }))}`;
}

function columnCells(table: Table, r: CellRange): unknown[] {
  const out: unknown[] = [];
  for (let row = r.top; row <= r.bottom; row++) out.push(table[row]?.[r.left]?.value ?? null);
  return out;
}

function strRef(sheet: string, table: Table, r: CellRange): string {
  const cells = columnCells(table, r);
  const pts = cells.map((v, i) => (v === null ? '' : `<c:pt idx="${i}"><c:v>${escapeXml(String(v))}</c:v></c:pt>`)).join('');
  return `<c:strRef><c:f>${escapeXml(sheetReference(sheet, absoluteRange(r)))}</c:f><c:strCache><c:ptCount val="${cells.length}"/>${pts}</c:strCache></c:strRef>`;
}

function numRef(sheet: string, table: Table, r: CellRange): string {
  const cells = columnCells(table, r);
  const pts = cells.map((v, i) => (typeof v === 'number' ? `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>` : '')).join('');
  return (
    `<c:numRef><c:f>${escapeXml(sheetReference(sheet, absoluteRange(r)))}</c:f>` +
    `<c:numCache><c:formatCode>0.0</c:formatCode><c:ptCount val="${cells.length}"/>${pts}</c:numCache></c:numRef>`
  );
}

/** The chart part: one series, horizontal bars, no legend (as the add-in sets it). */
export function renderChart(chart: SheetChart, sheet: string, table: Table): string {
  const title =
    `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:r><a:t>${escapeXml(chart.title)}</a:t></a:r></a:p></c:rich></c:tx>` +
    '<c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/>';
  const series =
    '<c:ser><c:idx val="0"/><c:order val="0"/>' +
    `<c:tx>${strRef(sheet, table, chart.nameCell)}</c:tx>` +
    '<c:invertIfNegative val="0"/>' +
    `<c:cat>${strRef(sheet, table, chart.categories)}</c:cat>` +
    `<c:val>${numRef(sheet, table, chart.values)}</c:val>` +
    '</c:ser>';
  const axes =
    '<c:catAx><c:axId val="500000001"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/>' +
    '<c:numFmt formatCode="General" sourceLinked="1"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>' +
    '<c:crossAx val="500000002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>' +
    '<c:valAx><c:axId val="500000002"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:majorGridlines/>' +
    '<c:numFmt formatCode="0.0" sourceLinked="1"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>' +
    '<c:crossAx val="500000001"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>';
  return [
    XML_DECLARATION,
    `<c:chartSpace xmlns:c="${CHART_NS}" xmlns:a="${A_NS}" xmlns:r="${REL_NS}">`,
    '<c:roundedCorners val="0"/><c:chart>',
    title,
    '<c:plotArea><c:layout/><c:barChart><c:barDir val="bar"/><c:grouping val="clustered"/><c:varyColors val="0"/>',
    series,
    '<c:gapWidth val="150"/><c:axId val="500000001"/><c:axId val="500000002"/></c:barChart>',
    axes,
    '</c:plotArea><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>',
  ].join('');
}

/** The drawing part: one graphic frame over `anchor`, pointing at the chart by `chartRId`. */
export function renderDrawing(anchor: CellRange, chartRId: string, title: string): string {
  const marker = (tag: string, row: number, col: number): string =>
    `<xdr:${tag}><xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
  return [
    XML_DECLARATION,
    `<xdr:wsDr xmlns:xdr="${DRAWING_NS}" xmlns:a="${A_NS}">`,
    '<xdr:twoCellAnchor>',
    marker('from', anchor.top, anchor.left),
    marker('to', anchor.bottom, anchor.right),
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="${escapeXml(title || 'Gráfico 1')}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>`,
    '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>',
    `<a:graphic><a:graphicData uri="${CHART_NS}"><c:chart xmlns:c="${CHART_NS}" xmlns:r="${REL_NS}" r:id="${chartRId}"/></a:graphicData></a:graphic>`,
    '</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>',
  ].join('');
}
