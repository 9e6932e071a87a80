import * as XLSX from '@e965/xlsx';
import { strFromU8 } from 'fflate';
import { buildWorkbook, openXlsx, type SheetSpec } from '../../../src/hosts/xlsx';
import { unzipParts } from '../../fixtures/xlsx/zip-parts';
import { gridOf, readWithSheetJS } from './helpers';

const SPECS: SheetSpec[] = [
  { name: 'Portada', table: [[{ value: 'oculta' }]], state: 'hidden' },
  {
    name: 'Reporte POI',
    table: [
      [{ value: 'Código', bold: true }, { value: 'Meta', bold: true }, { value: 'Avance', bold: true, format: '0.00%' }],
      [{ value: 'AO001' }, { value: 1234.5, format: '#,##0.00' }, { value: 0.5, format: '0.00%' }],
      [null as never, { value: '4,418.97' }, { value: 3, format: '0.000' }],
      [{ value: true }, { value: 'enlace', link: { sheet: "Hoja d'Ana", cell: 'B2' } }],
    ],
    merges: ['A2:A3', 'C5'],
    columnWidths: [12, 30],
    freezeRows: 1,
  },
  { name: "Hoja d'Ana", table: [] },
];

describe('buildWorkbook', () => {
  const bytes = buildWorkbook(SPECS);
  const parts = unzipParts(bytes);

  it('writes a minimal package whose parts are all reachable through relationships', () => {
    expect(Object.keys(parts)).toEqual([
      '[Content_Types].xml',
      '_rels/.rels',
      'xl/workbook.xml',
      'xl/_rels/workbook.xml.rels',
      'xl/worksheets/sheet1.xml',
      'xl/worksheets/sheet2.xml',
      'xl/worksheets/sheet3.xml',
      'xl/styles.xml',
      'xl/sharedStrings.xml',
    ]);
  });

  it('is read back identically by our reader and by SheetJS', () => {
    const ours = gridOf(openXlsx(bytes).readSheet('Reporte POI'));
    const expected = [
      ['Código', 'Meta', 'Avance'],
      ['AO001', 1234.5, 0.5],
      [null, '4,418.97', 3],
      [true, 'enlace'],
    ];
    expect(ours.rows).toEqual(expected);
    expect(ours.merges).toEqual([{ top: 1, left: 0, bottom: 2, right: 0 }]); // a one-cell "merge" is dropped
    const theirs = readWithSheetJS(bytes, 'Reporte POI');
    expect(theirs.rows).toEqual(expected);
    expect(theirs.merges).toEqual(ours.merges);
  });

  it('keeps sheet order and visibility, and makes the first visible sheet the active one', () => {
    expect(openXlsx(bytes).sheets).toEqual([
      { name: 'Portada', state: 'hidden' },
      { name: 'Reporte POI', state: 'visible' },
      { name: "Hoja d'Ana", state: 'visible' },
    ]);
    const wb = XLSX.read(bytes, { type: 'array' });
    expect(wb.Workbook?.Sheets?.map((s) => s.Hidden)).toEqual([1, 0, 0]);
    expect(strFromU8(parts['xl/workbook.xml'])).toContain('<workbookView activeTab="1" firstSheet="1"/>');
    expect(strFromU8(parts['xl/worksheets/sheet2.xml'])).toContain('tabSelected="1"');
  });

  it('applies bold and number formats through styles SheetJS understands', () => {
    const wb = XLSX.read(bytes, { type: 'array', cellNF: true, cellStyles: true });
    const ws = wb.Sheets['Reporte POI'];
    expect(ws['B2'].z).toBe('#,##0.00');
    expect(ws['C2'].z).toBe('0.00%');
    expect(ws['C3'].z).toBe('0.000');
    const styles = strFromU8(parts['xl/styles.xml']);
    expect(styles).toContain('<numFmt numFmtId="164" formatCode="0.000"/>');
    expect(styles).toContain('<font><b/>');
  });

  it('writes column widths, a frozen header and internal links', () => {
    const xml = strFromU8(parts['xl/worksheets/sheet2.xml']);
    expect(xml).toContain('<cols><col min="1" max="1" width="12" customWidth="1"/><col min="2" max="2" width="30" customWidth="1"/></cols>');
    expect(xml).toContain('<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>');
    expect(xml).toContain(`<hyperlink ref="B4" location="'Hoja d''Ana'!B2" display="B2"/>`);
    const ws = XLSX.read(bytes, { type: 'array', cellStyles: true }).Sheets['Reporte POI'];
    expect(ws['!cols']?.[1]?.width).toBe(30);
    expect(ws['B4'].l?.Target).toBe("#'Hoja d''Ana'!B2");
  });

  it('stores repeated text once in the shared strings', () => {
    const many = buildWorkbook([{ name: 'S', table: Array.from({ length: 50 }, () => [{ value: 'igual' }]) }]);
    expect(strFromU8(unzipParts(many)['xl/sharedStrings.xml'])).toContain('count="50" uniqueCount="1"');
  });

  it('refuses names Excel refuses', () => {
    const table = [[{ value: 1 }]];
    for (const name of ['', 'a'.repeat(32), 'a/b', 'a[b]', 'x:y', 'a*', 'a?', 'a\\b', "'q", 'History']) {
      expect(() => buildWorkbook([{ name, table }])).toThrow(RangeError);
    }
    expect(() => buildWorkbook([{ name: 'Uno', table }, { name: 'UNO', table }])).toThrow(RangeError);
    expect(() => buildWorkbook([{ name: 'Uno', table, state: 'hidden' }])).toThrow(RangeError);
    expect(() => buildWorkbook([])).toThrow(RangeError);
  });
});
