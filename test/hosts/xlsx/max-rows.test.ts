/**
 * readSheet(name, { maxRows }): the top of a sheet, as the full read has it, without reading
 * the rest (so choosing the report sheet never reads a huge foreign sheet whole).
 */
import { buildWorkbook, openXlsx } from '../../../src/hosts/xlsx';
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

  it('the scanner stops at the limit: a damaged row after it is not even looked at', () => {
    const rows = '<row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2"><v>2</v></c></row><row r="3"><c r="A3" t="zz"><v>3</v></c></row>';
    const text = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`;
    expect(readWorksheetFast(text, 'p', { sharedStrings: [], maxRows: 2 })?.rows).toEqual([[1], [2]]);
    expect(readWorksheetFast(text, 'p', { sharedStrings: [] })).toBeUndefined();
  });

  it('the general reader (prefixed dialect) honours it too', () => {
    const d = prefixedDialect();
    const all = gridOf(openXlsx(d.bytes).readSheet(d.sheet));
    const top = gridOf(openXlsx(d.bytes).readSheet(d.sheet, { maxRows: 1 }));
    expect(top.rows).toEqual(all.rows.slice(0, 1));
    expect(top.merges).toEqual(all.merges.filter((m) => m.top < 1));
  });
});
