/** The splice-level sheet patcher, on small hand-written sheets. */
import { patchSheetXml, type CellEdit } from '../../../src/hosts/xlsx/sheet-patch';
import { readWorksheet } from '../../../src/hosts/xlsx/sheet-reader';
import { normalizeRows } from './helpers';

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const sheet = (data: string, before = '<dimension ref="A1:C2"/>'): string => `<worksheet xmlns="${NS}">${before}<sheetData>${data}</sheetData></worksheet>`;
const patch = (xml: string, edits: CellEdit[]): string => patchSheetXml(xml, edits).xml;
const read = (xml: string): unknown => normalizeRows(readWorksheet(xml, 'sheet.xml', { sharedStrings: [] }).rows);

describe('patchSheetXml', () => {
  it('replaces a cell keeping its style and dropping its type, formula and metadata', () => {
    const xml = sheet('<row r="1"><c r="A1" s="7" t="str" cm="1" vm="2"><f>"a"&amp;"b"</f><v>ab</v></c><c r="B1"><v>2</v></c></row>');
    const out = patchSheetXml(xml, [{ row: 0, col: 0, value: 3.5 }]);
    expect(out.xml).toBe(xml.replace('<c r="A1" s="7" t="str" cm="1" vm="2"><f>"a"&amp;"b"</f><v>ab</v></c>', '<c r="A1" s="7"><v>3.5</v></c>'));
    expect(out.droppedFormulas).toEqual([{ row: 0, col: 0 }]);
  });

  it('writes strings inline and escaped, never as formulas, whatever they start with', () => {
    const xml = sheet('<row r="1"><c r="A1"><v>1</v></c></row>');
    const texts = ['=SUM(A1)', '+1', '-2', '@x', '<a & "b">', 'tab\tline\nfin', 'ctl\u0001', 'lit_x0041_'];
    const out = patch(xml, texts.map((value, col) => ({ row: 0, col, value })));
    expect(out).not.toContain('<f>');
    expect(out).toContain('<c r="A1" t="inlineStr"><is><t xml:space="preserve">=SUM(A1)</t></is></c>');
    expect(out).toContain('<t xml:space="preserve">&lt;a &amp; &quot;b&quot;&gt;</t>');
    expect(read(out)).toEqual([texts]);
  });

  it('writes booleans, and null as an empty cell that keeps its style', () => {
    const xml = sheet('<row r="1"><c r="A1" s="3"><v>1</v></c><c r="B1"><v>1</v></c></row>');
    const out = patch(xml, [
      { row: 0, col: 0, value: null },
      { row: 0, col: 1, value: false },
    ]);
    expect(out).toContain('<row r="1"><c r="A1" s="3"/><c r="B1" t="b"><v>0</v></c></row>');
  });

  it('does nothing for null on a cell that does not exist', () => {
    const xml = sheet('<row r="1"><c r="A1"><v>1</v></c></row>');
    expect(patch(xml, [{ row: 0, col: 5, value: null }, { row: 9, col: 0, value: null }])).toBe(xml);
  });

  it('inserts a missing cell in column order and widens the row spans', () => {
    const xml = sheet('<row r="2" spans="1:3"><c r="A2"><v>1</v></c><c r="C2"><v>3</v></c></row>');
    const out = patch(xml, [
      { row: 1, col: 1, value: 2 },
      { row: 1, col: 4, value: 5 },
    ]);
    expect(out).toContain('<row r="2" spans="1:5"><c r="A2"><v>1</v></c><c r="B2"><v>2</v></c><c r="C2"><v>3</v></c><c r="E2"><v>5</v></c></row>');
  });

  it('keeps a row extension last when appending cells', () => {
    const ext = '<extLst><ext uri="{X}"/></extLst>';
    expect(patch(sheet(`<row r="1"><c r="A1"><v>1</v></c>${ext}</row>`), [{ row: 0, col: 1, value: 2 }])).toContain(
      `<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c>${ext}</row>`,
    );
    expect(patch(sheet(`<row r="1">${ext}</row>`), [{ row: 0, col: 1, value: 2 }])).toContain(`<row r="1"><c r="B1"><v>2</v></c>${ext}</row>`);
  });

  it('inserts a missing row in row order, and at the end', () => {
    const xml = sheet('<row r="1"><c r="A1"><v>1</v></c></row><row r="5"><c r="A5"><v>5</v></c></row>');
    const out = patch(xml, [
      { row: 2, col: 1, value: 'b' },
      { row: 2, col: 0, value: 'a' },
      { row: 9, col: 0, value: 10 },
    ]);
    expect(read(out)).toEqual([[1], [], ['a', 'b'], [], [5], [], [], [], [], [10]]);
    expect(out.indexOf('<row r="3">')).toBeGreaterThan(out.indexOf('<row r="1">'));
    expect(out.indexOf('<row r="3">')).toBeLessThan(out.indexOf('<row r="5">'));
  });

  it('edits and inserts next to rows and cells without r without moving them', () => {
    const xml = sheet('<row><c><v>1</v></c><c><v>2</v></c></row><row><c><v>3</v></c></row>', '');
    expect(read(xml)).toEqual([[1, 2], [3]]);
    const out = patch(xml, [
      { row: 0, col: 1, value: 20 }, // replace the second cell (no r)
      { row: 0, col: 0, value: 10 },
    ]);
    expect(read(out)).toEqual([[10, 20], [3]]);
    // A cell inserted before cells without r, and a row inserted before a row without r.
    const xml2 = sheet('<row r="1"><c r="A1"><v>1</v></c><c r="C1"><v>3</v></c><c><v>4</v></c></row><row r="4"><c><v>7</v></c></row><row><c><v>8</v></c></row>', '');
    const out2 = patch(xml2, [
      { row: 0, col: 1, value: 2 },
      { row: 3, col: 5, value: 'f' },
    ]);
    expect(read(xml2)).toEqual([[1, null, 3, 4], [], [], [7], [8]]);
    expect(read(out2)).toEqual([[1, 2, 3, 4], [], [], [7, null, null, null, null, 'f'], [8]]);
  });

  it('opens self-closing rows and an empty sheetData', () => {
    expect(read(patch(sheet('<row r="2" spans="1:1"/>'), [{ row: 1, col: 2, value: 1 }]))).toEqual([[], [null, null, 1]]);
    const empty = `<worksheet xmlns="${NS}"><sheetData/></worksheet>`;
    expect(patch(empty, [{ row: 0, col: 0, value: 1 }])).toBe(`<worksheet xmlns="${NS}"><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>`);
  });

  it('widens the dimension to cover new values, never narrows it', () => {
    const xml = sheet('<row r="1"><c r="A1"><v>1</v></c></row>');
    expect(patch(xml, [{ row: 0, col: 0, value: 2 }])).toContain('<dimension ref="A1:C2"/>');
    expect(patch(xml, [{ row: 19, col: 3, value: 2 }])).toContain('<dimension ref="A1:D20"/>');
  });

  it('writes in the prefix of a prefixed sheet', () => {
    const xml = `<x:worksheet xmlns:x="${NS}"><x:sheetData><x:row r="1"><x:c r="A1" s="2"><x:v>1</x:v></x:c></x:row></x:sheetData></x:worksheet>`;
    const out = patch(xml, [
      { row: 0, col: 0, value: 'uno' },
      { row: 2, col: 1, value: 3 },
    ]);
    expect(out).toBe(
      `<x:worksheet xmlns:x="${NS}"><x:sheetData><x:row r="1"><x:c r="A1" s="2" t="inlineStr"><x:is><x:t xml:space="preserve">uno</x:t></x:is></x:c></x:row>` +
        '<x:row r="3"><x:c r="B3"><x:v>3</x:v></x:c></x:row></x:sheetData></x:worksheet>',
    );
    expect(read(out)).toEqual([['uno'], [], [null, 3]]);
  });

  it('hands the master role of a shared formula to its next member, moved to its position', () => {
    const xml = sheet(
      '<row r="1"><c r="A1"><f t="shared" ref="A1:A3" si="0">B1*2+$C$1</f><v>2</v></c><c r="B1"><v>1</v></c></row>' +
        '<row r="2"><c r="A2"><f t="shared" si="0"/><v>4</v></c><c r="B2"><v>2</v></c></row>' +
        '<row r="3"><c r="A3"><f t="shared" si="0"/><v>6</v></c><c r="B3"><v>3</v></c></row>',
    );
    const out = patchSheetXml(xml, [{ row: 0, col: 0, value: 99 }]);
    expect(out.xml).toContain('<c r="A1"><v>99</v></c>');
    expect(out.xml).toContain('<c r="A2"><f t="shared" si="0" ref="A2:A3">B2*2+$C$1</f><v>4</v></c>');
    expect(out.xml).toContain('<c r="A3"><f t="shared" si="0"/><v>6</v></c>');
    expect(out.droppedFormulas).toEqual([{ row: 0, col: 0 }]);
  });

  it('rejects edits outside the sheet', () => {
    const xml = sheet('');
    expect(() => patch(xml, [{ row: -1, col: 0, value: 1 }])).toThrow(RangeError);
    expect(() => patch(xml, [{ row: 0, col: 16384, value: 1 }])).toThrow(RangeError);
    expect(() => patch(xml, [{ row: 1.5, col: 0, value: 1 }])).toThrow(RangeError);
  });

  it('lets the last edit of a cell win', () => {
    const xml = sheet('<row r="1"><c r="A1"><v>1</v></c></row>');
    expect(read(patch(xml, [{ row: 0, col: 0, value: 2 }, { row: 0, col: 0, value: 3 }]))).toEqual([[3]]);
  });
});
