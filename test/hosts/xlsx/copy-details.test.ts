/** writePatchedCopy on other producers' packages and on the edge cases of the package parts. */
import * as XLSX from '@e965/xlsx';
import { strFromU8, strToU8, Zip, ZipDeflate } from 'fflate';
import { openXlsx, writePatchedCopy, XlsxError } from '../../../src/hosts/xlsx';
import { readZip } from '../../../src/hosts/xlsx/zip';
import { excelDialect, openpyxlDialect, prefixedDialect } from '../../fixtures/xlsx/dialects';
import { REPORT, richPackageParts } from '../../fixtures/xlsx/rich-package';
import { CT, contentTypes, rels, unzipParts, zipParts, type Parts, strictPackage, STRICT_NS, STRICT_REL } from '../../fixtures/xlsx/zip-parts';
import { normalizeRows, readWithSheetJS, withEdits } from './helpers';

const OBS = { name: 'Observaciones', table: [[{ value: 'ver', link: { sheet: 'Reporte', cell: 'A1' } }]] };

describe('writePatchedCopy on other dialects', () => {
  it('patches an openpyxl-like package (inline strings, absolute targets, xmlns:r on each sheet)', () => {
    const d = openpyxlDialect();
    const edits = [
      { row: 0, col: 2, value: 1 },
      { row: 1, col: 1, value: 'x' },
      { row: 5, col: 0, value: 6 },
    ];
    const copy = writePatchedCopy(d.bytes, d.sheet, edits, [OBS]);
    const pkg = openXlsx(copy);
    expect(pkg.sheets.map((s) => s.name)).toEqual(['Portada', 'Reporte', 'Observaciones']);
    expect(normalizeRows(pkg.readSheet(d.sheet).rows)).toEqual(withEdits(normalizeRows(d.rows), edits));
    const parts = unzipParts(copy);
    expect(strFromU8(parts['xl/workbook.xml'])).toContain('<sheet name="Observaciones" sheetId="3" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId5"/>');
    expect(strFromU8(parts['xl/_rels/workbook.xml.rels'])).toContain('Target="worksheets/sheet1.xml"');
    expect(readWithSheetJS(copy, 'Observaciones').rows).toEqual([['ver']]);
    expect(readWithSheetJS(copy, d.sheet).rows).toEqual(normalizeRows(pkg.readSheet(d.sheet).rows));
  });

  it('patches a prefixed package, cells without r included, and adds a sheet in its own folder', () => {
    const d = prefixedDialect();
    const edits = [
      { row: 0, col: 1, value: 'dos' }, // a cell without r
      { row: 2, col: 0, value: 4 }, // absent, before cells of which one has no r
      { row: 1, col: 0, value: 'nueva fila' }, // before a row without r? (row 3 has r="3")
      { row: 4, col: 0, value: 'fin' }, // after the last row, which has no r
    ];
    const copy = writePatchedCopy(d.bytes, d.sheet, edits, [OBS]);
    const pkg = openXlsx(copy);
    expect(normalizeRows(pkg.readSheet(d.sheet).rows)).toEqual(withEdits(normalizeRows(d.rows), edits));
    const parts = unzipParts(copy);
    expect(Object.keys(parts)).toContain('content/sheets/sheet1.xml');
    expect(strFromU8(parts['content/book.xml'])).toContain('<x:sheet name="Observaciones" sheetId="8" rel:id="rId1"/></x:sheets><x:calcPr fullCalcOnLoad="1"/></x:workbook>');
    expect(readWithSheetJS(copy, d.sheet).rows).toEqual(normalizeRows(pkg.readSheet(d.sheet).rows));
  });

  it('declares the relationship prefix on the new entry when the producer declared it per sheet', () => {
    const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
    const bytes = zipParts({
      '[Content_Types].xml': contentTypes([
        ['/xl/workbook.xml', CT.workbook],
        ['/xl/worksheets/sheet1.xml', CT.worksheet],
      ]),
      '_rels/.rels': rels([['rId1', `${rel}/officeDocument`, 'xl/workbook.xml']]),
      'xl/workbook.xml': `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:xr="urn:x"><sheets><sheet xr:id="no" xmlns:ns2="${rel}" name="R" sheetId="1" ns2:id="rId1"/></sheets></workbook>`,
      'xl/_rels/workbook.xml.rels': rels([['rId1', `${rel}/worksheet`, 'worksheets/sheet1.xml']]),
      'xl/worksheets/sheet1.xml': '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>',
    });
    expect(openXlsx(bytes).sheets).toEqual([{ name: 'R', state: 'visible' }]);
    const copy = writePatchedCopy(bytes, 'R', [{ row: 0, col: 0, value: 1 }], [{ name: 'Obs', table: [[{ value: 'x' }]] }]);
    expect(strFromU8(unzipParts(copy)['xl/workbook.xml'])).toContain(`<sheet name="Obs" sheetId="2" xmlns:ns2="${rel}" ns2:id="rId2"/>`);
    expect(normalizeRows(openXlsx(copy).readSheet('Obs').rows)).toEqual([['x']]);
    expect(normalizeRows(openXlsx(copy).readSheet('R').rows)).toEqual([[1]]);
  });

  it('patches a strict-OOXML package using its own namespaces', () => {
    const bytes = strictPackage();
    const copy = writePatchedCopy(bytes, 'R', [{ row: 0, col: 0, value: 2 }], [{ name: 'Obs', table: [[{ value: 'x' }]] }]);
    const parts = unzipParts(copy);
    expect(strFromU8(parts['xl/worksheets/sheet2.xml'])).toContain(`<worksheet xmlns="${STRICT_NS}"`);
    expect(strFromU8(parts['xl/_rels/workbook.xml.rels'])).toContain(`Type="${STRICT_REL}/worksheet" Target="worksheets/sheet2.xml"`);
    expect(normalizeRows(openXlsx(copy).readSheet('R').rows)).toEqual([[2]]);
    expect(normalizeRows(openXlsx(copy).readSheet('Obs').rows)).toEqual([['x']]);
  });
});

describe('package parts', () => {
  it('drops calcChain.xml with its relationship and content type when no formula is left in it', () => {
    const copy = writePatchedCopy(zipParts(richPackageParts()), REPORT, [
      { row: 2, col: 3, value: 1 },
      { row: 3, col: 4, value: 2 },
      { row: 4, col: 4, value: 3 },
    ]);
    const parts = unzipParts(copy);
    expect(parts['xl/calcChain.xml']).toBeUndefined();
    expect(strFromU8(parts['xl/_rels/workbook.xml.rels'])).not.toContain('calcChain');
    expect(strFromU8(parts['[Content_Types].xml'])).not.toContain('calcChain');
    expect(readWithSheetJS(copy, REPORT).rows[4]).toEqual(['AO002', null, 10, null, 3]);
  });

  it('copies entries written with data descriptors verbatim', () => {
    const bytes = streamingZip(richPackageParts());
    expect(readZip(bytes).entries.every((e) => e.flags & 0x8)).toBe(true);
    const copy = writePatchedCopy(bytes, REPORT, [{ row: 0, col: 0, value: 'Cod.' }]);
    const src = readZip(bytes);
    const out = readZip(copy);
    const image = (z: ReturnType<typeof readZip>, b: Uint8Array): Uint8Array => {
      const e = z.find('xl/media/image1.png')!;
      return b.subarray(e.localOffset, e.recordEnd);
    };
    expect(image(out, copy)).toEqual(image(src, bytes));
    expect(readWithSheetJS(copy, REPORT).rows[0][0]).toBe('Cod.');
    expect(XLSX.read(copy, { type: 'array' }).SheetNames).toEqual([REPORT, 'Listas']);
  });

  it('reads and patches a sheet stored in UTF-16, keeping its encoding', () => {
    const xml = `<?xml version="1.0" encoding="UTF-16"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>ñandú</t></is></c></row></sheetData></worksheet>`;
    const utf16 = new Uint8Array(2 + xml.length * 2);
    utf16.set([0xff, 0xfe]);
    for (let i = 0; i < xml.length; i++) utf16[2 + 2 * i] = xml.charCodeAt(i);
    const parts: Parts = { ...richPackageParts(), 'xl/worksheets/sheet2.xml': utf16 };
    const bytes = zipParts(parts);
    expect(normalizeRows(openXlsx(bytes).readSheet('Listas').rows)).toEqual([['ñandú']]);
    const copy = writePatchedCopy(bytes, 'Listas', [{ row: 0, col: 1, value: 'ü' }]);
    const part = unzipParts(copy)['xl/worksheets/sheet2.xml'];
    expect([part[0], part[1]]).toEqual([0xff, 0xfe]);
    expect(normalizeRows(openXlsx(copy).readSheet('Listas').rows)).toEqual([['ñandú', 'ü']]);
  });
});

describe('misuse', () => {
  const bytes = excelDialect().bytes;

  it('an unknown sheet → XlsxError sheet-not-found', () => {
    expect(() => writePatchedCopy(bytes, 'Nope', [])).toThrow(XlsxError);
  });

  it('a new sheet with an invalid or clashing name → RangeError', () => {
    const table = [[{ value: 1 }]];
    expect(() => writePatchedCopy(bytes, 'Reporte POI', [], [{ name: 'a/b', table }])).toThrow(RangeError);
    expect(() => writePatchedCopy(bytes, 'Reporte POI', [], [{ name: 'reporte poi', table }])).toThrow(RangeError);
    expect(() => writePatchedCopy(bytes, 'Reporte POI', [], [{ name: 'X', table }, { name: 'x', table }])).toThrow(RangeError);
  });

  it('a number that is not finite → RangeError', () => {
    expect(() => writePatchedCopy(bytes, 'Reporte POI', [{ row: 0, col: 0, value: NaN }])).toThrow(RangeError);
    expect(() => writePatchedCopy(bytes, 'Reporte POI', [], [{ name: 'O', table: [[{ value: Infinity }]] }])).toThrow(RangeError);
  });

  it('does not modify its input', () => {
    const copyOfInput = bytes.slice();
    writePatchedCopy(bytes, 'Reporte POI', [{ row: 0, col: 0, value: 1 }], [{ name: 'O', table: [[{ value: 1, bold: true }]] }]);
    expect(bytes).toEqual(copyOfInput);
  });
});

/** Zips with fflate's streaming writer, which puts data descriptors after each entry. */
function streamingZip(parts: Parts): Uint8Array {
  const chunks: Uint8Array[] = [];
  const zip = new Zip((err, data) => {
    if (err) throw err;
    chunks.push(data);
  });
  for (const [name, content] of Object.entries(parts)) {
    const file = new ZipDeflate(name, { level: 6 });
    zip.add(file);
    file.push(typeof content === 'string' ? strToU8(content) : content, true);
  }
  zip.end();
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let p = 0;
  for (const c of chunks) {
    out.set(c, p);
    p += c.length;
  }
  return out;
}
