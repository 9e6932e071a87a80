/**
 * readSheet(name, { maxRows }): the top of a sheet, as the full read has it, without reading
 * the rest (so choosing the report sheet never reads a huge foreign sheet whole).
 */
import { buildWorkbook, openXlsx } from '../../../src/hosts/xlsx';
import { fflateCodec, setZipCodec } from '../../../src/hosts/xlsx/codec';
import { readWorksheetFast } from '../../../src/hosts/xlsx/sheet-reader';
import { prefixedDialect } from '../../fixtures/xlsx/dialects';
import { POI_SHEET, poiLikeSheet } from '../../fixtures/xlsx/poi-like';
import { gridOf } from './helpers';

describe('readSheet with maxRows', () => {
  const bytes = buildWorkbook([poiLikeSheet(200)]);
  const full = openXlsx(bytes).readSheet(POI_SHEET);

  it.each([0, 1, 5, 40, 401, 100_000])('maxRows %d gives the first rows and the merges that start in them', (maxRows) => {
    const top = openXlsx(bytes).readSheet(POI_SHEET, { maxRows });
    expect(top.rows).toEqual(full.rows.slice(0, maxRows));
    expect(top.merges).toEqual(full.merges.filter((m) => m.top < maxRows));
  });

  it('then the whole sheet, read from the same package, is the full grid', () => {
    const pkg = openXlsx(bytes);
    pkg.readSheet(POI_SHEET, { maxRows: 10 });
    expect(pkg.readSheet(POI_SHEET)).toStrictEqual(full);
  });

  it('the tops of several sheets, then the first whole: its part is inflated once, its grid the same', () => {
    const twoSheets = buildWorkbook([poiLikeSheet(200), { name: 'Notas', table: [[{ value: 'nota' }], [{ value: 1 }]], merges: ['A1:B1'] }]);
    const inflated: number[] = [];
    setZipCodec({ ...fflateCodec, inflateRaw: (data, size) => (inflated.push(size), fflateCodec.inflateRaw(data, size)) });
    try {
      const pkg = openXlsx(twoSheets);
      const before = inflated.length;
      const topA = pkg.readSheet(POI_SHEET, { maxRows: 10 });
      const topB = pkg.readSheet('Notas', { maxRows: 10 });
      const afterTops = inflated.length;
      const whole = pkg.readSheet(POI_SHEET);
      expect(inflated.length).toBe(afterTops);
      // The two sheets and, with the first, the shared strings and styles.
      expect(afterTops - before).toBe(4);
      expect(whole).toStrictEqual(full);
      expect(topA.rows).toEqual(full.rows.slice(0, 10));
      expect(topB).toStrictEqual({ rows: [['nota'], [1]], merges: [{ top: 0, left: 0, bottom: 0, right: 1 }] });
      // The whole read let the tops go: the second sheet is inflated anew.
      expect(pkg.readSheet('Notas')).toStrictEqual(topB);
      expect(inflated.length).toBe(afterTops + 1);
    } finally {
      setZipCodec(fflateCodec);
    }
  });

  it('the scanner stops at the limit: a damaged row after it is not even looked at', () => {
    const rows = '<row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2"><v>2</v></c></row><row r="3"><c r="A3" t="zz"><v>3</v></c></row>';
    const text = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`;
    expect(readWorksheetFast(text, 'p', { sharedStrings: [], maxRows: 2 })?.rows).toEqual([[1], [2]]);
    expect(readWorksheetFast(text, 'p', { sharedStrings: [] })).toBeUndefined();
  });

  it('past the limit, the close of <sheetData> is found among texts that end like it', () => {
    // Inline texts holding `heetData` (the tail the search looks for) after the last row read.
    const cell = (r: number, t: string) => `<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>${t}</t></is></c></row>`;
    const rows = `${cell(1, 'a')}${cell(2, 'sheetData')}${cell(3, '/sheetData')}${cell(4, 'heetData heetData')}`;
    const text = `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData><mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells></worksheet>`;
    expect(readWorksheetFast(text, 'p', { sharedStrings: [], maxRows: 1 })).toStrictEqual({ rows: [['a']], merges: [{ top: 0, left: 0, bottom: 0, right: 1 }] });
    expect(readWorksheetFast(text, 'p', { sharedStrings: [], maxRows: 3 })?.rows).toEqual([['a'], ['sheetData'], ['/sheetData']]);
  });

  it('the general reader (prefixed dialect) honours it too', () => {
    const d = prefixedDialect();
    const all = gridOf(openXlsx(d.bytes).readSheet(d.sheet));
    const top = gridOf(openXlsx(d.bytes).readSheet(d.sheet, { maxRows: 1 }));
    expect(top.rows).toEqual(all.rows.slice(0, 1));
    expect(top.merges).toEqual(all.merges.filter((m) => m.top < 1));
  });
});
