/**
 * Issue 17, the chart: the .xlsx copy carries the Resumen's chart as a native bar chart
 * (chart part, drawing, relationships, content types) over the data cells beside the table,
 * under part names free in the workbook; a rerun replaces it and leaves no orphan parts.
 */
import * as XLSX from '@e965/xlsx';
import type { RecomputePlan, ToolSheet } from '../../../src/app/plan';
import { openXlsx, writePlannedCopy } from '../../../src/hosts/xlsx';
import { parseRelationships, resolveTarget } from '../../../src/hosts/xlsx/opc';
import { createXlsxPort, plannedSheetOf } from '../../../src/hosts/xlsx/workbook-port';
import { rangeFromA1 } from '../../../src/engine/grid/a1';
import { REPORT, richPackage } from '../../fixtures/xlsx/rich-package';
import { partText, unzipParts, strictPackage } from '../../fixtures/xlsx/zip-parts';
import { normalizeRows, readWithSheetJS } from './helpers';

const POINTS = [
  { category: 'AEI.01.01', value: 87.5 },
  { category: 'AEI.01.02', value: 42 },
  { category: 'AEI.02.01', value: 100 },
];

const resumen = (points = POINTS): ToolSheet => ({
  role: 'resumen',
  name: 'Resumen',
  preface: 'Recalculado: 3 AO',
  table: [
    [{ value: 'Indicador', bold: true }, { value: 'Valor', bold: true }, { value: 'Nota', bold: true }],
    [{ value: 'AO' }, { value: 3 }, { value: '' }],
  ],
  chart: { title: 'Ejecución por AEI (%)', categoryHeader: 'AEI', valueHeader: 'Ejecución (%)', points },
});

const copyOf = (data: Uint8Array, sheet: ToolSheet): Uint8Array => writePlannedCopy(data, REPORT, [], [plannedSheetOf(sheet)]).bytes;

/** The part of a sheet, its rels and the target of each internal relationship of a given kind. */
function sheetPart(bytes: Uint8Array, sheet: string): string {
  const wb = partText(bytes, 'xl/workbook.xml');
  const rId = new RegExp(`<sheet name="${sheet}"[^>]*r:id="(rId\\d+)"`).exec(wb)?.[1];
  const rel = parseRelationships(partText(bytes, 'xl/_rels/workbook.xml.rels'), 'rels').find((r) => r.id === rId);
  if (!rel) throw new Error(`no sheet ${sheet}`);
  return resolveTarget('xl/workbook.xml', rel.target);
}

function targets(bytes: Uint8Array, part: string, kind: string): string[] {
  const relsPart = part.replace(/([^/]+)$/, '_rels/$1.rels');
  if (!unzipParts(bytes)[relsPart]) return [];
  return parseRelationships(partText(bytes, relsPart), relsPart)
    .filter((r) => r.type.endsWith('/' + kind))
    .map((r) => resolveTarget(part, r.target));
}

/** The chart parts reachable from a sheet: sheet → drawing → chart. */
function chartsOf(bytes: Uint8Array, sheet: string): string[] {
  return targets(bytes, sheetPart(bytes, sheet), 'drawing').flatMap((d) => targets(bytes, d, 'chart'));
}

const partsUnder = (bytes: Uint8Array, dir: string): string[] =>
  Object.keys(unzipParts(bytes))
    .filter((n) => n.startsWith(dir) && !n.includes('_rels'))
    .sort();

/** The cells a chart formula ('Resumen'!$E$4:$E$6) points at, as the reader reads them. */
function cellsAt(bytes: Uint8Array, formula: string): unknown[] {
  const m = /^'((?:[^']|'')+)'!(.+)$/.exec(formula);
  if (!m) throw new Error(`formula ${formula}`);
  const r = rangeFromA1(m[2].replace(/\$/g, ''));
  const rows = openXlsx(bytes).readSheet(m[1].replace(/''/g, "'")).rows;
  const out: unknown[] = [];
  for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) out.push(rows[row]?.[col] ?? null);
  return out;
}

const formula = (chart: string, inside: string): string => {
  const f = new RegExp(`<c:${inside}>.*?<c:f>([^<]+)</c:f>`).exec(chart)?.[1];
  if (!f) throw new Error(`no c:${inside} formula`);
  return f.replace(/&apos;/g, "'").replace(/&amp;/g, '&');
};

describe('the Resumen copy with a native chart, on a workbook that already has a chart', () => {
  const original = richPackage();
  const first = copyOf(original, resumen());
  const parts = unzipParts(first);
  const before = unzipParts(original);

  it('adds a chart and a drawing under free numbers, with their relationships and content types', () => {
    expect(partsUnder(first, 'xl/charts/')).toEqual(['xl/charts/chart1.xml', 'xl/charts/chart2.xml']);
    expect(partsUnder(first, 'xl/drawings/drawing')).toEqual(['xl/drawings/drawing1.xml', 'xl/drawings/drawing2.xml']);
    expect(chartsOf(first, 'Resumen')).toEqual(['xl/charts/chart2.xml']);
    const types = partText(first, '[Content_Types].xml');
    expect(types).toContain('<Override PartName="/xl/drawings/drawing2.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>');
    expect(types).toContain('<Override PartName="/xl/charts/chart2.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>');
    // The workbook's own chart is untouched, byte for byte.
    for (const name of ['xl/charts/chart1.xml', 'xl/drawings/drawing1.xml', 'xl/drawings/_rels/drawing1.xml.rels']) expect(parts[name]).toEqual(before[name]);
  });

  it("writes <drawing> after pageMargins with the id of the sheet's drawing relationship", () => {
    const part = sheetPart(first, 'Resumen');
    const xml = partText(first, part);
    const rId = /<pageMargins [^>]*\/><drawing r:id="(rId\d+)"\/><\/worksheet>$/.exec(xml)?.[1];
    const rels = parseRelationships(partText(first, part.replace(/([^/]+)$/, '_rels/$1.rels')), 'rels');
    expect(rels.find((r) => r.id === rId)?.target).toBe('../drawings/drawing2.xml');
  });

  it('is a clustered bar chart whose categories and values are the cells holding the AEI codes and values', () => {
    const chart = partText(first, 'xl/charts/chart2.xml');
    expect(chart).toContain('<c:barDir val="bar"/><c:grouping val="clustered"/>');
    expect(chart).toContain('<a:t>Ejecución por AEI (%)</a:t>');
    expect(cellsAt(first, formula(chart, 'cat'))).toEqual(POINTS.map((p) => p.category));
    expect(cellsAt(first, formula(chart, 'val'))).toEqual(POINTS.map((p) => p.value));
    expect(cellsAt(first, formula(chart, 'tx'))).toEqual(['Ejecución (%)']);
    // Cached, so the chart shows before Excel recalculates.
    expect(chart).toContain('<c:pt idx="1"><c:v>AEI.01.02</c:v></c:pt>');
    expect(chart).toContain('<c:pt idx="0"><c:v>87.5</c:v></c:pt>');
    expect(chart).toMatch(/<c:numCache><c:formatCode>0\.0<\/c:formatCode><c:ptCount val="3"\/>/);
  });

  it('anchors the drawing beside the data, as the add-in places its chart', () => {
    const drawing = partText(first, 'xl/drawings/drawing2.xml');
    // Table 3 columns wide: data in E:F from row 3 (below the preface), chart from column H.
    expect(formula(partText(first, 'xl/charts/chart2.xml'), 'cat')).toBe("'Resumen'!$E$4:$E$6");
    expect(drawing).toContain('<xdr:from><xdr:col>7</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>2</xdr:row>');
    expect(drawing).toContain('<xdr:to><xdr:col>15</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>17</xdr:row>');
    expect(parseRelationships(partText(first, 'xl/drawings/_rels/drawing2.xml.rels'), 'rels').map((r) => r.target)).toEqual(['../charts/chart2.xml']);
  });

  it('still opens in SheetJS and in our reader', () => {
    const sheetJs = readWithSheetJS(first, 'Resumen').rows;
    expect(sheetJs[3]).toEqual(['AO', 3, '', null, 'AEI.01.01', 87.5]);
    expect(normalizeRows(openXlsx(first).readSheet('Resumen').rows)).toEqual(sheetJs);
    const wb = XLSX.read(first, { type: 'array' });
    expect(wb.SheetNames).toContain('Resumen');
  });

  describe('a rerun on the copy', () => {
    const second = copyOf(first, resumen([{ category: 'AEI.09.09', value: 5 }]));

    it('replaces the chart: one chart for Resumen, the old chart and drawing gone, no dangling override', () => {
      const charts = chartsOf(second, 'Resumen');
      expect(charts).toHaveLength(1);
      expect(partsUnder(second, 'xl/charts/')).toEqual(['xl/charts/chart1.xml', ...charts].sort());
      expect(partsUnder(second, 'xl/drawings/drawing')).toHaveLength(2);
      const names = new Set(Object.keys(unzipParts(second)));
      for (const m of partText(second, '[Content_Types].xml').matchAll(/PartName="\/([^"]+)"/g)) expect(names).toContain(m[1]);
      expect(cellsAt(second, formula(partText(second, charts[0]), 'cat'))).toEqual(['AEI.09.09']);
      const sheetJs = readWithSheetJS(second, 'Resumen').rows;
      expect(sheetJs[3]).toEqual(['AO', 3, '', null, 'AEI.09.09', 5]);
      expect(normalizeRows(openXlsx(second).readSheet('Resumen').rows)).toEqual(sheetJs);
      // The planner's sheet keeps its own chart.
      expect(chartsOf(second, REPORT)).toEqual(['xl/charts/chart1.xml']);
    });

    it('without points: no chart, no <drawing>, and the earlier one is removed', () => {
      const third = copyOf(second, resumen([]));
      expect(chartsOf(third, 'Resumen')).toEqual([]);
      expect(partText(third, sheetPart(third, 'Resumen'))).not.toContain('<drawing');
      expect(partsUnder(third, 'xl/charts/')).toEqual(['xl/charts/chart1.xml']);
      expect(partsUnder(third, 'xl/drawings/drawing')).toEqual(['xl/drawings/drawing1.xml']);
      expect(normalizeRows(openXlsx(third).readSheet('Resumen').rows)).toEqual(readWithSheetJS(third, 'Resumen').rows);
    });
  });
});

describe('a strict-OOXML workbook', () => {
  it('gets the chart data but no chart (our chart parts are transitional)', () => {
    const bytes = strictPackage();
    const copy = writePlannedCopy(bytes, 'R', [], [plannedSheetOf(resumen())]).bytes;
    expect(Object.keys(unzipParts(copy)).filter((n) => /chart|drawing|worksheets\/_rels/.test(n))).toEqual([]);
    expect(partText(copy, 'xl/worksheets/sheet2.xml')).not.toContain('<drawing');
    expect(normalizeRows(openXlsx(copy).readSheet('Resumen').rows)[3]).toEqual(['AO', 3, '', null, 'AEI.01.01', 87.5]);
  });
});

describe('a chart with a range outside the sheet', () => {
  it('is refused as a misuse before anything is written', () => {
    const sheet = plannedSheetOf(resumen());
    const bad = { ...sheet, chart: { ...sheet.chart!, values: { top: 3, bottom: 1, left: 5, right: 5 } } };
    expect(() => writePlannedCopy(richPackage(), REPORT, [], [bad])).toThrow(RangeError);
  });
});

describe('the xlsx port carrying out two plans in a row', () => {
  it('leaves one chart on Resumen, over the second plan\'s data', () => {
    const plan = (sheet: ToolSheet): RecomputePlan => ({ sheet: REPORT, fechaCorte: '2025-06-30', cells: null, sheets: [sheet], status: '', message: '' });
    const port = createXlsxPort(richPackage());
    port.now.apply(plan(resumen()));
    port.now.apply(plan(resumen(POINTS.slice(1))));
    const bytes = port.bytes();
    const charts = chartsOf(bytes, 'Resumen');
    expect(charts).toHaveLength(1);
    expect(partsUnder(bytes, 'xl/charts/')).toHaveLength(2);
    expect(cellsAt(bytes, formula(partText(bytes, charts[0]), 'val'))).toEqual([42, 100]);
    expect(port.now.readGrid('Resumen').rows[3]?.slice(4)).toEqual(['AEI.01.02', 42]);
  });
});
