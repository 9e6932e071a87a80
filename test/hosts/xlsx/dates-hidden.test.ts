/**
 * Numbers shown as dates arrive as ISO text, and hidden rows are listed (issue 18 row 14's
 * host part): by both readers, from the styles the workbook really has.
 */
import { openXlsx } from '../../../src/hosts/xlsx';
import { isDateFormatCode, serialToIso } from '../../../src/hosts/xlsx/date-styles';
import { REPORT, SHEET_PART, richPackageParts } from '../../fixtures/xlsx/rich-package';
import { DECL, NS, zipParts } from '../../fixtures/xlsx/zip-parts';

/** cellXfs: 0 General, 1 built-in 14 (date), 2 custom dd/mm/yyyy, 3 custom h:mm, 4 "[Red]0.00", 5 '"d" 0', 6 built-in 4, 7 built-in 22. */
const STYLES =
  `${DECL}<styleSheet xmlns="${NS.main}"><numFmts count="4">` +
  '<numFmt numFmtId="164" formatCode="dd/mm/yyyy"/><numFmt numFmtId="165" formatCode="h:mm"/>' +
  '<numFmt numFmtId="166" formatCode="[Red]0.00"/><numFmt numFmtId="167" formatCode="&quot;d&quot; 0"/></numFmts>' +
  '<fonts count="1"><font><sz val="11"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills>' +
  '<borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>' +
  '<cellXfs count="8"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="166"/><xf numFmtId="167"/><xf numFmtId="4"/><xf numFmtId="22"/></cellXfs>' +
  '</styleSheet>';

const ROWS =
  '<row r="1"><c r="A1" s="1"><v>45138</v></c><c r="B1" s="2"><v>45139.75</v></c><c r="C1" s="3"><v>0.5</v></c><c r="D1" s="4"><v>45138</v></c></row>' +
  '<row r="2" hidden="1"><c r="A2" s="5"><v>12</v></c><c r="B2" s="6"><v>45138</v></c><c r="C2" s="7"><v>45138.5</v></c><c r="D2" s="1" t="s"><v>0</v></c></row>' +
  '<row r="3" hidden="0"><c r="A3" s="1"><v>0</v></c><c r="B3" s="1"><v>59</v></c><c r="C3" s="1"><v>61</v></c></row>' +
  '<row r="5" hidden="true"/><row r="7" hidden="1" customHeight="1" ht="0"><c r="A7"><v>1</v></c></row>';

const EXPECTED = [
  ['2023-07-31', '2023-08-01', 0.5, 45138],
  [12, 45138, '2023-07-31', 'Código'],
  [0, '1900-02-28', '1900-03-01'],
];

function workbook(sheet: string, date1904 = false): Uint8Array {
  const parts = richPackageParts();
  const wb = date1904 ? String(parts['xl/workbook.xml']).replace('<workbookPr ', '<workbookPr date1904="1" ') : parts['xl/workbook.xml'];
  return zipParts({ ...parts, 'xl/styles.xml': STYLES, 'xl/workbook.xml': wb, [SHEET_PART]: sheet });
}

const plain = `${DECL}<worksheet xmlns="${NS.main}"><sheetData>${ROWS}</sheetData></worksheet>`;
const prefixed = `${DECL}<x:worksheet xmlns:x="${NS.main}"><x:sheetData>${ROWS.replace(/<(\/?)(row|c|v)\b/g, '<$1x:$2')}</x:sheetData></x:worksheet>`;

describe.each([
  ['the scanner', plain],
  ['saxes (prefixed dialect)', prefixed],
])('read by %s', (_, sheet) => {
  const grid = openXlsx(workbook(sheet)).readSheet(REPORT);

  it('gives date-formatted numbers as YYYY-MM-DD, and leaves other numbers alone', () => {
    expect(grid.rows.slice(0, 3).map((r) => Array.from(r ?? []))).toEqual(EXPECTED);
  });

  it('lists hidden rows, 0-based and ascending', () => {
    expect(grid.hiddenRows).toEqual([1, 4, 6]);
  });

  it('counts from 1904 in a workbook that says so', () => {
    expect(openXlsx(workbook(sheet, true)).readSheet(REPORT).rows[0]?.[0]).toBe('2027-08-01');
  });
});

describe('date format codes', () => {
  it.each([
    ['dd/mm/yyyy', true],
    ['[$-280A]d" de "mmmm" de "yyyy', true],
    ['mmm-yy', true],
    ['m/d', true],
    ['yyyy-mm-dd h:mm', true],
    ['h:mm', false],
    ['[h]:mm:ss', false],
    ['mm:ss', false],
    ['0.00', false],
    ['#,##0.00;[Red]\\-#,##0.00', false],
    ['"day" 0', false],
    ['\\d0', false],
    ['General', false],
    ['[Red][<=100]0;[Blue]0', false],
  ])('%s → %s', (code, date) => {
    expect(isDateFormatCode(code)).toBe(date);
  });

  it('serials: Excel 1900 leap-year quirk, bounds', () => {
    expect(serialToIso(1, false)).toBe('1900-01-01');
    expect(serialToIso(60, false)).toBe('1900-02-29');
    expect(serialToIso(2_958_465, false)).toBe('9999-12-31');
    expect(serialToIso(2_958_466, false)).toBeUndefined();
    expect(serialToIso(0.25, false)).toBeUndefined();
    expect(serialToIso(1, true)).toBe('1904-01-02');
  });
});
