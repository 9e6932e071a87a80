/**
 * The copy loses nothing: on a workbook with a chart, a picture, a comment, validation,
 * conditional formats, a hidden sheet, defined names, print titles, frozen panes, rich
 * text and formulas, a patched copy changes only what it must, and says so byte by byte.
 */
import * as XLSX from '@e965/xlsx';
import { strFromU8 } from 'fflate';
import { openXlsx, writePatchedCopy, type CellEdit, type NewSheet } from '../../../src/hosts/xlsx';
import { readZip } from '../../../src/hosts/xlsx/zip';
import { CALC_CHAIN, REPORT, REPORT_ROWS, SHEET1, SHEET_PART, STYLES, WORKBOOK, richPackage, richPackageParts } from '../../fixtures/xlsx/rich-package';
import { unzipParts } from '../../fixtures/xlsx/zip-parts';
import { normalizeRows, readWithSheetJS, withEdits } from './helpers';

const EDITS: CellEdit[] = [
  { row: 2, col: 0, value: 'AO001 (rev)' }, // A3: top-left of the merged A3:A4
  { row: 2, col: 3, value: 0.75 }, // D3: a formula, top-left of the merged D3:D4
  { row: 3, col: 4, value: 60 }, // E4: a formula
  { row: 3, col: 5, value: '=no es fórmula' }, // F4: absent from its row
  { row: 7, col: 0, value: 'nuevo' }, // A8 and C8: a new row
  { row: 7, col: 2, value: 12.5 },
  { row: 4, col: 1, value: null }, // B5: absent and null: nothing to write
];
const EDITED_REFS = ['A3', 'D3', 'E4', 'F4', 'A8', 'C8'];

const OBSERVATIONS: NewSheet = {
  name: 'Observaciones',
  table: [
    [{ value: 'Celda', bold: true }, { value: 'Observación', bold: true }],
    [{ value: 'D3', link: { sheet: REPORT, cell: 'D3' } }, { value: '+1 revisar el avance' }],
    [{ value: '@usuario' }, { value: '-5' }],
  ],
  columnWidths: [10, 60],
  freezeRows: 1,
};

const CHANGED = new Set([SHEET_PART, 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', '[Content_Types].xml', 'xl/calcChain.xml', 'xl/styles.xml']);

describe('writePatchedCopy on a workbook with charts, pictures, comments and more', () => {
  const original = richPackage();
  const copy = writePatchedCopy(original, REPORT, EDITS, [OBSERVATIONS]);
  const before = unzipParts(original);
  const after = unzipParts(copy);
  const text = (parts: Record<string, Uint8Array>, name: string): string => strFromU8(parts[name]);

  it('keeps every entry in its order and appends the new sheet part', () => {
    expect(Object.keys(after)).toEqual([...Object.keys(before), 'xl/worksheets/sheet3.xml']);
  });

  it('copies every untouched part byte for byte, compressed bytes included', () => {
    const src = readZip(original);
    const out = readZip(copy);
    const untouched = Object.keys(before).filter((name) => !CHANGED.has(name));
    expect(untouched).toEqual(
      expect.arrayContaining(['xl/charts/chart1.xml', 'xl/drawings/drawing1.xml', 'xl/media/image1.png', 'xl/comments1.xml', 'xl/drawings/vmlDrawing1.vml', 'xl/worksheets/sheet2.xml']),
    );
    for (const name of untouched) {
      expect(after[name]).toEqual(before[name]);
      const a = src.find(name)!;
      const b = out.find(name)!;
      expect(copy.subarray(b.localOffset, b.recordEnd)).toEqual(original.subarray(a.localOffset, a.recordEnd));
    }
  });

  it('changes the report sheet only in the edited cells (and the dimension that now covers row 8)', () => {
    const patched = text(after, SHEET_PART);
    const strip = (xml: string): string =>
      withoutCells(xml, EDITED_REFS)
        .replace('<row r="8"></row>', '')
        .replace(/<dimension ref="[^"]*"\/>/, '<dimension/>');
    expect(strip(patched)).toBe(strip(SHEET1));
    expect(patched).toContain('<dimension ref="A1:F8"/>');
  });

  it('writes each edited cell with its old style and without its formula', () => {
    const patched = text(after, SHEET_PART);
    expect(patched).toContain('<c r="A3" s="2" t="inlineStr"><is><t xml:space="preserve">AO001 (rev)</t></is></c>');
    expect(patched).toContain('<c r="D3" s="4"><v>0.75</v></c>');
    expect(patched).toContain('<c r="E4" s="3"><v>60</v></c><c r="F4" t="inlineStr"><is><t xml:space="preserve">=no es fórmula</t></is></c></row>');
    expect(patched).toContain('</row><row r="8"><c r="A8" t="inlineStr"><is><t xml:space="preserve">nuevo</t></is></c><c r="C8"><v>12.5</v></c></row></sheetData>');
    expect(patched).toContain('<c r="E5" s="3"><f>C5*2</f><v>20</v></c>'); // untouched formula
  });

  it('changes workbook.xml only by the new sheet entry and fullCalcOnLoad', () => {
    const wb = text(after, 'xl/workbook.xml');
    expect(wb).toContain('<sheet name="Observaciones" sheetId="3" r:id="rId3"/></sheets>');
    expect(wb).toContain('<calcPr calcId="191029" fullCalcOnLoad="1"/>');
    expect(wb.replace('<sheet name="Observaciones" sheetId="3" r:id="rId3"/>', '').replace(' fullCalcOnLoad="1"', '')).toBe(WORKBOOK);
  });

  it('adds only the relationship and the content type of the new sheet', () => {
    const rel = '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet3.xml"/>';
    expect(text(after, 'xl/_rels/workbook.xml.rels').replace(rel, '')).toBe(text(before, 'xl/_rels/workbook.xml.rels'));
    const override = '<Override PartName="/xl/worksheets/sheet3.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>';
    expect(text(after, '[Content_Types].xml').replace(override, '')).toBe(text(before, '[Content_Types].xml'));
  });

  it('removes from the calc chain the formulas it overwrote, keeping the sheet of the rest', () => {
    expect(CALC_CHAIN).toContain('<c r="D3" i="1"/><c r="E4"/><c r="E5"/>');
    expect(text(after, 'xl/calcChain.xml')).toBe(CALC_CHAIN.replace('<c r="D3" i="1"/><c r="E4"/><c r="E5"/>', '<c r="E5" i="1"/>'));
  });

  it('changes styles.xml only by appending a bold font and its cell format', () => {
    const boldFont = '<font><b/><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font>';
    const boldXf = '<xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1"/>';
    const expected = STYLES.replace('<fonts count="2"', '<fonts count="3"')
      .replace('</fonts>', `${boldFont}</fonts>`)
      .replace('<cellXfs count="5"', '<cellXfs count="6"')
      .replace('</cellXfs>', `${boldXf}</cellXfs>`);
    expect(text(after, 'xl/styles.xml')).toBe(expected);
    expect(text(after, 'xl/worksheets/sheet3.xml')).toContain('<c r="A1" s="5" t="inlineStr">');
  });

  it('reads back the edits, the old values elsewhere, and the new sheet', () => {
    const pkg = openXlsx(copy);
    expect(pkg.sheets).toEqual([
      { name: REPORT, state: 'visible' },
      { name: 'Listas', state: 'hidden' },
      { name: 'Observaciones', state: 'visible' },
    ]);
    expect(normalizeRows(pkg.readSheet(REPORT).rows)).toEqual(withEdits(normalizeRows(REPORT_ROWS), EDITS));
    expect(pkg.readSheet(REPORT).merges).toEqual(openXlsx(original).readSheet(REPORT).merges);
    expect(normalizeRows(pkg.readSheet('Observaciones').rows)).toEqual([
      ['Celda', 'Observación'],
      ['D3', '+1 revisar el avance'],
      ['@usuario', '-5'],
    ]);
  });

  it('writes the new sheet with an internal link, text never as a formula, widths and a frozen header', () => {
    const xml = text(after, 'xl/worksheets/sheet3.xml');
    expect(xml).toContain(`<hyperlink ref="A2" location="'${REPORT}'!D3" display="D3"/>`);
    expect(xml).not.toContain('<f>');
    expect(xml).toContain('<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>');
    expect(xml).toContain('<col min="2" max="2" width="60" customWidth="1"/>');
    expect(Object.keys(after)).not.toContain('xl/worksheets/_rels/sheet3.xml.rels');
  });

  it('opens in SheetJS with the same values, text still text, and the link', () => {
    const theirs = readWithSheetJS(copy, REPORT);
    expect(theirs.sheetNames).toEqual([REPORT, 'Listas', 'Observaciones']);
    expect(theirs.rows).toEqual(normalizeRows(openXlsx(copy).readSheet(REPORT).rows));
    const wb = XLSX.read(copy, { type: 'array', cellFormula: true });
    const f4 = wb.Sheets[REPORT]['F4'];
    expect(f4.t).toBe('s');
    expect(f4.f).toBeUndefined();
    expect(wb.Sheets[REPORT]['E5'].f).toBe('C5*2');
    expect(wb.Sheets['Observaciones']['A2'].l?.Target).toBe(`#'${REPORT}'!D3`);
  });
});

describe('writePatchedCopy, run again on its own output', () => {
  const first = writePatchedCopy(richPackage(), REPORT, EDITS, [OBSERVATIONS]);
  const second = writePatchedCopy(first, REPORT, [{ row: 2, col: 3, value: 0.8 }], [
    { name: 'Observaciones', table: [[{ value: 'Celda', bold: true }], [{ value: 'sin observaciones' }]] },
  ]);
  const a = unzipParts(first);
  const b = unzipParts(second);

  it('rewrites the sheet it added before in place: same part, same entry, no new style', () => {
    expect(Object.keys(b)).toEqual(Object.keys(a));
    for (const name of ['xl/workbook.xml', 'xl/_rels/workbook.xml.rels', '[Content_Types].xml', 'xl/styles.xml', 'xl/calcChain.xml']) {
      expect(strFromU8(b[name])).toBe(strFromU8(a[name]));
    }
    expect(normalizeRows(openXlsx(second).readSheet('Observaciones').rows)).toEqual([['Celda'], ['sin observaciones']]);
    expect(openXlsx(second).readSheet(REPORT).rows[2]?.[3]).toBe(0.8);
  });

  it('leaves styles.xml byte-identical when no added cell is bold or formatted', () => {
    const plain = writePatchedCopy(richPackage(), REPORT, [], [{ name: 'Observaciones', table: [[{ value: 'x' }]] }]);
    expect(strFromU8(unzipParts(plain)['xl/styles.xml'])).toBe(STYLES);
  });

  it('with no edits and no sheets changes nothing but fullCalcOnLoad', () => {
    const same = unzipParts(writePatchedCopy(richPackage(), REPORT, []));
    const parts = richPackageParts();
    for (const [name, content] of Object.entries(same)) {
      const expected = parts[name];
      const want = typeof expected === 'string' ? expected : strFromU8(expected, true);
      const got = typeof expected === 'string' ? strFromU8(content) : strFromU8(content, true);
      expect(got).toBe(name === 'xl/workbook.xml' ? want.replace('<calcPr calcId="191029"/>', '<calcPr calcId="191029" fullCalcOnLoad="1"/>') : want);
    }
  });
});

/** The sheet XML without the `<c>` elements of these cells. */
function withoutCells(xml: string, refs: readonly string[]): string {
  let out = xml;
  for (const ref of refs) out = out.replace(new RegExp(`<c r="${ref}"[^>]*?(?:/>|>[\\s\\S]*?</c>)`), '');
  return out;
}
