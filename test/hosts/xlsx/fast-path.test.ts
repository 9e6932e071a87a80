/**
 * The strict scanners (sheet cells, merges, shared strings) against saxes, the general
 * reader: identical results wherever the scanner reads, a decline (and saxes deciding)
 * everywhere else, and damaged XML refused with an XlsxError, never read.
 */
import { strFromU8 } from 'fflate';
import { buildWorkbook, XlsxError } from '../../../src/hosts/xlsx';
import { parseSharedStrings, parseSharedStringsFast, parseSharedStringsSaxes } from '../../../src/hosts/xlsx/shared-strings';
import { oneBytePerCharacter, plainDecimal, readWorksheet, readWorksheetFast, readWorksheetSaxes, type SheetContext, type SheetMemo } from '../../../src/hosts/xlsx/sheet-reader';
import { excelDialect, openpyxlDialect, prefixedDialect } from '../../fixtures/xlsx/dialects';
import { POI_SHEET, poiLikeSheet } from '../../fixtures/xlsx/poi-like';
import { richPackage } from '../../fixtures/xlsx/rich-package';
import { NS, unzipParts } from '../../fixtures/xlsx/zip-parts';
import { decodeXml } from '../../../src/hosts/xlsx/xml';

interface Package {
  readonly sheets: { name: string; text: string }[];
  readonly strings: { name: string; text: string } | undefined;
}

/** The worksheet and shared-string parts of a package, by their root element. */
function partsOf(bytes: Uint8Array): Package {
  const sheets: { name: string; text: string }[] = [];
  let strings: { name: string; text: string } | undefined;
  for (const [name, data] of Object.entries(unzipParts(bytes))) {
    if (!name.endsWith('.xml')) continue;
    const text = strFromU8(data);
    if (/<(\w+:)?worksheet[\s>]/.test(text)) sheets.push({ name, text });
    else if (/<(\w+:)?sst[\s>]/.test(text)) strings = { name, text };
  }
  return { sheets, strings };
}

function saxesOrError(text: string, ctx: SheetContext | readonly string[]): ReturnType<typeof readWorksheetSaxes> | Error {
  try {
    return readWorksheetSaxes(text, 'xl/worksheets/sheet1.xml', Array.isArray(ctx) ? { sharedStrings: ctx } : (ctx as SheetContext));
  } catch (e) {
    return e as Error;
  }
}

describe.each([
  ['Excel', () => excelDialect().bytes, true],
  ['openpyxl-like', () => openpyxlDialect().bytes, true],
  ['rich package', richPackage, true],
  ['prefixed namespaces', () => prefixedDialect().bytes, false],
])('the %s dialect', (_, bytes, scanned) => {
  const pkg = partsOf(bytes());
  const sst = pkg.strings ? parseSharedStringsSaxes(pkg.strings.text, pkg.strings.name) : [];

  it(`is ${scanned ? 'read by the scanner with the grid saxes reads' : 'left to saxes'}`, () => {
    expect(pkg.sheets.length).toBeGreaterThan(0);
    for (const sheet of pkg.sheets) {
      const general = readWorksheetSaxes(sheet.text, sheet.name, { sharedStrings: sst });
      const fast = readWorksheetFast(sheet.text, sheet.name, { sharedStrings: sst });
      if (scanned) expect(fast).toStrictEqual(general);
      else expect(fast).toBeUndefined();
      expect(readWorksheet(sheet.text, sheet.name, { sharedStrings: sst })).toStrictEqual(general);
    }
  });

  it(`has its shared strings ${scanned ? 'scanned' : 'left to saxes'} with the same result`, () => {
    if (!pkg.strings) return;
    const fast = parseSharedStringsFast(pkg.strings.text, pkg.strings.name);
    if (scanned) expect(fast).toStrictEqual(sst);
    else expect(fast).toBeUndefined();
    expect(parseSharedStrings(pkg.strings.text, pkg.strings.name)).toStrictEqual(sst);
  });
});

describe('a POI-scale sheet (3,000 AO: 6,004 rows, 18,000 merges)', () => {
  const pkg = partsOf(buildWorkbook([poiLikeSheet(3000)]));
  const sheet = pkg.sheets[0];
  const sst = parseSharedStringsSaxes(pkg.strings!.text, pkg.strings!.name);

  it('reads the same grid through the scanner as through saxes', () => {
    const fast = readWorksheetFast(sheet.text, sheet.name, { sharedStrings: sst });
    expect(fast).toBeDefined();
    expect(fast!.merges).toHaveLength(18000);
    expect(fast).toStrictEqual(readWorksheetSaxes(sheet.text, sheet.name, { sharedStrings: sst }));
  });

  it('reads the same shared strings through the scanner as through saxes', () => {
    expect(parseSharedStringsFast(pkg.strings!.text, pkg.strings!.name)).toStrictEqual(sst);
    expect(POI_SHEET).toBe('Reporte POI');
  });
});

const HEAD = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${NS.main}" xmlns:r="${NS.rel}"><dimension ref="A1:E3"/>`;
const TAIL = '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>';
const sheetOf = (rows: string, merges = '<mergeCells count="1"><mergeCell ref="A1:A2"/></mergeCells>'): string =>
  `${HEAD}<sheetData>${rows}</sheetData>${merges}${TAIL}`;
const SST = ['cero', 'uno', 'dos'];
const GOOD_ROWS =
  '<row r="1" spans="1:5"><c r="A1" t="s"><v>0</v></c><c r="B1" s="2"><v>1500.25</v></c><c r="C1" t="str"><f>"a"&amp;"b"</f><v>a&amp;b &lt;&#x41;&#66;&gt;</v></c>' +
  '<c r="D1" t="b"><v>1</v></c><c r="E1" t="e"><v>#N/A</v></c></row>' +
  '<row r="2"><c r="A2" t="inlineStr"><is><r><rPr><b/><sz val="11"/></rPr><t xml:space="preserve"> ri</t></r><r><t>co_x000D_</t></r><rPh sb="0" eb="1"><t>x</t></rPh></is></c>' +
  '<c r="C2"><v>-0</v></c><c r="D2"><v>1e3</v></c><c r="E2"><v> 7 </v></c></row>' +
  '<row><c><v>1</v></c><c t="s"><v>2</v></c><c r="E3"/><c r="D3" t="inlineStr"><is><t/></is></c></row>';

describe('the sheet scanner on hand-written cells', () => {
  it('reads every kind of cell it accepts as saxes does', () => {
    const text = sheetOf(GOOD_ROWS);
    const fast = readWorksheetFast(text, 'p', { sharedStrings: SST });
    expect(fast).toBeDefined();
    expect(fast).toStrictEqual(readWorksheetSaxes(text, 'p', { sharedStrings: SST }));
    expect(fast!.rows[0]).toStrictEqual(['cero', 1500.25, 'a&b <AB>', true, '#N/A']);
    expect(fast!.rows[1]).toStrictEqual([' rico\r', null, -0, 1000, 7]);
    expect(fast!.rows[2]).toStrictEqual([1, 'dos', null, '']);
  });

  it.each([
    ['a comment in sheetData', GOOD_ROWS.replace('<row r="2">', '<!-- x --><row r="2">')],
    ['CDATA in a value', GOOD_ROWS.replace('<v>1500.25</v>', '<v><![CDATA[1500.25]]></v>')],
    ['a $ in a reference', GOOD_ROWS.replace('r="B1"', 'r="$B$1"')],
    ['a lower-case reference', GOOD_ROWS.replace('r="B1"', 'r="b1"')],
    ['an unknown attribute', GOOD_ROWS.replace('r="B1"', 'r="B1" foo="1"')],
    ['an attribute with an entity', GOOD_ROWS.replace('s="2"', 's="&#50;"')],
    ['an unknown cell type', GOOD_ROWS.replace('t="e"', 't="x"')],
    ['an element the scanner does not know', GOOD_ROWS.replace('<v>#N/A</v></c></row>', '<v>#N/A</v><extLst/></c></row>')],
    ['a carriage return in text', GOOD_ROWS.replace('#N/A', '#N\r/A')],
    ['a character beyond the BMP', GOOD_ROWS.replace('co_x000D_', 'co 😀')],
  ])('declines on %s, and saxes reads it', (_, rows) => {
    const text = sheetOf(rows);
    expect(rows).not.toBe(GOOD_ROWS);
    expect(readWorksheetFast(text, 'p', { sharedStrings: SST })).toBeUndefined();
    expect(readWorksheet(text, 'p', { sharedStrings: SST })).toStrictEqual(readWorksheetSaxes(text, 'p', { sharedStrings: SST }));
  });

  it('declines when the part is XML 1.1, prefixed, or hides <sheetData> in a comment', () => {
    const v11 = sheetOf(GOOD_ROWS).replace('version="1.0"', 'version="1.1"');
    expect(readWorksheetFast(v11, 'p', { sharedStrings: SST })).toBeUndefined();
    const hidden = `${HEAD}<!-- <sheetData></sheetData> --><sheetData>${GOOD_ROWS}</sheetData>${TAIL}`;
    expect(readWorksheetFast(hidden, 'p', { sharedStrings: SST })).toBeUndefined();
    expect(readWorksheet(hidden, 'p', { sharedStrings: SST })).toStrictEqual(readWorksheetSaxes(hidden, 'p', { sharedStrings: SST }));
    const stray = `${HEAD}<sheetData>${GOOD_ROWS}</sheetData><mergeCells><mergeCell ref="A1:A2"/></mergeCells><x:mergeCell xmlns:x="${NS.main}" ref="B1:B2"/>${TAIL}`;
    expect(readWorksheetFast(stray, 'p', { sharedStrings: SST })).toBeUndefined();
    expect(readWorksheet(stray, 'p', { sharedStrings: SST }).merges).toHaveLength(2);
  });
});

describe('rows gathered before their array is made', () => {
  const cases: [string, string][] = [
    ['a long gap in a row (a hole, not 100 nulls)', '<row r="1"><c r="A1"><v>1</v></c><c r="CZ1"><v>2</v></c><c r="DA1" t="s"><v>0</v></c></row>'],
    ['a gap of exactly 64 and of 65', '<row r="1"><c r="B1"><v>1</v></c><c r="BN1"><v>2</v></c><c r="DB1"><v>3</v></c></row>'],
    ['a row met twice', '<row r="2"><c r="A2"><v>1</v></c><c r="C2"><v>3</v></c></row><row r="2"><c r="B2"><v>2</v></c><c r="E2"><v>5</v></c></row>'],
    ['cells out of order, one written twice', '<row r="1"><c r="D1"><v>4</v></c><c r="B1"><v>2</v></c><c r="D1"><v>9</v></c><c r="F1"><v>6</v></c></row>'],
    ['rows without r taking their cells\' rows', '<row><c r="A3"><v>1</v></c><c r="B4"><v>2</v></c></row><row><c><v>3</v></c></row>'],
    ['rows out of order, empty and valueless rows', '<row r="5"><c r="B5"><v>5</v></c></row><row r="2"/><row r="3"><c r="A3"/><c r="B3" t="s"><v>99</v></c></row><row r="1"><c r="A1"><v>1</v></c></row>'],
    ['cells of every dialect in one row', `<row r="1">${'<c r="A1" s="7" t="n"><v>-12.5</v></c><c r="B1" t="s"><v>007</v></c><c r="C1"><v>1234567890123456</v></c><c r="D1"><v>.5</v></c><c r="E1"><v>5.</v></c><c r="F1"><v>-</v></c><c r="G1" t="s"><v>-1</v></c><c r="H1" t="s"><v>1.0</v></c><c r="I1" t="b"><v>1</v></c><c r="J1" s="x"><v>2</v></c><c r="K1" t="n" s="1"><v>3</v></c>'}</row>`],
    [
      'repeated and distinct amounts, signs and zeros (boxed numbers are shared)',
      `<row r="1">${['1.5', '-1.5', '1.50', '0.0', '-0.0', '-0', '2.25', '1.5', '1234567890', '-1234567890', '1234567890', '0.1', '-0.1', '999999999999.5']
        .map((v, i) => `<c r="${String.fromCharCode(65 + i)}1"><v>${v}</v></c>`)
        .join('')}</row>`,
    ],
  ];

  it.each(cases)('%s: the grid saxes reads', (_, rows) => {
    const text = sheetOf(rows);
    const fast = readWorksheetFast(text, 'p', { sharedStrings: SST });
    expect(fast).toBeDefined();
    expect(fast).toStrictEqual(readWorksheetSaxes(text, 'p', { sharedStrings: SST }));
  });

  it('dates read through the quick cells as through saxes', () => {
    const rows = '<row r="1"><c r="A1" s="1"><v>45000</v></c><c r="B1" s="0"><v>45000</v></c><c r="C1" s="1" t="n"><v>45000.5</v></c><c r="D1" s="1" t="s"><v>0</v></c></row>';
    const ctx = { sharedStrings: SST, dateStyles: Uint8Array.of(0, 1) };
    const fast = readWorksheetFast(sheetOf(rows), 'p', ctx);
    expect(fast!.rows[0]![0]).toMatch(/^2023-/);
    expect(fast).toStrictEqual(readWorksheetSaxes(sheetOf(rows), 'p', ctx));
  });
});

describe('a memo kept across reads of the same text', () => {
  const pkg = partsOf(buildWorkbook([poiLikeSheet(300)]));
  const sheet = pkg.sheets[0];
  const sst = parseSharedStringsSaxes(pkg.strings!.text, pkg.strings!.name);
  const full = readWorksheetSaxes(sheet.text, sheet.name, { sharedStrings: sst });

  it('scans the merges once: the top, then the whole sheet, as without it', () => {
    const memo: SheetMemo = {};
    const top = readWorksheetFast(sheet.text, sheet.name, { sharedStrings: sst, maxRows: 20, memo });
    expect(memo.merges?.list).toHaveLength(full.merges.length);
    expect(top).toStrictEqual(readWorksheetSaxes(sheet.text, sheet.name, { sharedStrings: sst, maxRows: 20 }));
    const list = memo.merges!.list;
    const whole = readWorksheetFast(sheet.text, sheet.name, { sharedStrings: sst, memo });
    expect(whole).toStrictEqual(full);
    expect(whole!.merges).toBe(list);
    expect(top!.merges).not.toBe(list);
    expect(memo.skeleton).toMatch(/^\d+(,\d+)+$/);
  });
});

describe('a malformed sheetData', () => {
  it.each([
    ['an unclosed cell', GOOD_ROWS.replace('<v>#N/A</v></c></row>', '<v>#N/A</v></row>')],
    ['a mismatched close tag', GOOD_ROWS.replace('</v></c><c r="B1"', '</x></c><c r="B1"')],
    ['an undefined entity', GOOD_ROWS.replace('a&amp;b', 'a&nbsp;b')],
    ['a bare ampersand', GOOD_ROWS.replace('a&amp;b', 'a & b')],
    ['a character reference to U+0000', GOOD_ROWS.replace('&#66;', '&#0;')],
    ['a < in an attribute value', GOOD_ROWS.replace('s="2"', 's="<"')],
    ['a repeated attribute', GOOD_ROWS.replace('r="B1" s="2"', 'r="B1" s="2" s="2"')],
    ['attributes without a space between them', GOOD_ROWS.replace('r="B1" s="2"', 'r="B1"s="2"')],
    ['an unquoted attribute', GOOD_ROWS.replace('s="2"', 's=2')],
    ['a control character', GOOD_ROWS.replace('#N/A', '#N\u0001A')],
    ['"]]>" in text', GOOD_ROWS.replace('#N/A', '#N]]>A')],
    ['no </sheetData>', GOOD_ROWS + '<row r="9">'],
  ])('with %s is refused with an XlsxError, not read', (_, rows) => {
    expect(rows).not.toBe(GOOD_ROWS);
    const text = sheetOf(rows);
    expect(readWorksheetFast(text, 'xl/worksheets/sheet1.xml', { sharedStrings: SST })).toBeUndefined();
    expect(() => readWorksheet(text, 'xl/worksheets/sheet1.xml', { sharedStrings: SST })).toThrow(XlsxError);
    expect(() => readWorksheet(text, 'xl/worksheets/sheet1.xml', { sharedStrings: SST })).toThrow(expect.objectContaining({ code: 'bad-xml' }));
  });

  it('cut anywhere, is never read by the scanner unless saxes reads it the same', () => {
    const text = sheetOf(GOOD_ROWS);
    for (let cut = text.indexOf('<sheetData>'); cut < text.length; cut += 7) {
      const part = text.slice(0, cut);
      const fast = readWorksheetFast(part, 'p', { sharedStrings: SST });
      if (fast) expect(fast).toStrictEqual(saxesOrError(part, SST));
    }
  });

  // The plain dialect the one-pass readers take (cells, rows, merges), with a long gap, dates and a repeated amount.
  const PLAIN_ROWS =
    '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" s="1"><v>45000</v></c><c r="C1" s="2" t="n"><v>-12.5</v></c><c r="CZ1"><v>12.5</v></c></row>' +
    '<row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2"/><c r="C2"><v>12.5</v></c><c r="D2"><v>0.0</v></c></row><row r="3"/><row r="4"><c r="B4" t="s"><v>1</v></c></row>';
  const PLAIN_MERGES = '<mergeCells count="3"><mergeCell ref="A1:A2"/><mergeCell ref="C2:B4"/><mergeCell ref="D1:E1"/></mergeCells>';

  it.each([
    ['every kind of cell', () => sheetOf(GOOD_ROWS), 200],
    ['the plain dialect', () => sheetOf(PLAIN_ROWS, PLAIN_MERGES), 100],
  ])('mutated at random (2,000 variants of %s), is read by the scanner only where saxes reads the same grid', (_, make, teeth) => {
    const base = make();
    const ctx = { sharedStrings: SST, dateStyles: Uint8Array.of(0, 1, 0) };
    const alphabet = ['<', '>', '&', '"', "'", '/', '=', ' ', '\r', '\n', '\u0001', ']', ';', '#', 'x', 'a', '1', ':', 'c', 'v', 'ó', 'A', '9', '0', '.', '-', 's', 't', 'r'];
    let seed = 12345;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    let read = 0;
    let refused = 0;
    for (let k = 0; k < 2000; k++) {
      let text = base;
      for (let m = 1 + random(2); m > 0; m--) {
        const at = text.indexOf('<sheetData>') + random(text.indexOf('</mergeCells>') - text.indexOf('<sheetData>'));
        const op = random(3);
        const ch = alphabet[random(alphabet.length)];
        text = op === 0 ? text.slice(0, at) + text.slice(at + 1) : op === 1 ? text.slice(0, at) + ch + text.slice(at) : text.slice(0, at) + ch + text.slice(at + 1);
      }
      const general = saxesOrError(text, ctx);
      const fast = readWorksheetFast(text, 'p', ctx);
      if (general instanceof Error) refused++;
      if (!fast) continue;
      read++;
      expect(general).not.toBeInstanceOf(Error);
      expect(fast).toStrictEqual(general);
    }
    // The test has teeth: many variants are read by the scanner, many are damaged.
    expect(read).toBeGreaterThan(teeth);
    expect(refused).toBeGreaterThan(200);
  });
});

describe('the merged-area scanner at the edges of what it takes', () => {
  // Back-to-back areas go through one tight loop; each edge must read as saxes reads it, or be left to it.
  it.each([
    ['A1:XFD1048576', 'taken'],
    ['XFD1048576:A1', 'taken'],
    ['B3:B3', 'taken'],
    ['A1:XFE1', 'left'],
    ['A1:A1048577', 'left'],
    ['A01:B2', 'left'],
    ['A1:AAAA2', 'left'],
    ['a1:b2', 'left'],
    ['A1', 'left'],
    ['A:A', 'left'],
  ])('%s after two plain areas', (ref, expected) => {
    const text = sheetOf(GOOD_ROWS, `<mergeCells count="3"><mergeCell ref="A1:A2"/><mergeCell ref="C2:B4"/><mergeCell ref="${ref}"/></mergeCells>`);
    const general = saxesOrError(text, SST);
    const fast = readWorksheetFast(text, 'p', { sharedStrings: SST });
    if (fast) expect(fast).toStrictEqual(general);
    else expect(expected).toBe('left');
    if (expected === 'taken') {
      expect(fast?.merges).toHaveLength(3);
      expect(fast?.merges[1]).toEqual({ top: 1, left: 1, bottom: 3, right: 2 });
    }
  });
});

describe('the shared-strings scanner', () => {
  const sst = (items: string): string => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="${NS.main}" count="3" uniqueCount="3">${items}</sst>`;
  const ITEMS = '<si><t>a &amp; b</t></si><si><r><rPr><b/></rPr><t xml:space="preserve">x </t></r><r><t>y_x0041_</t></r></si><si><t>漢字</t><rPh sb="0" eb="2"><t>カンジ</t></rPh><phoneticPr fontId="1"/></si>';

  it('reads plain, rich and phonetic items as saxes does', () => {
    expect(parseSharedStringsFast(sst(ITEMS), 'p')).toStrictEqual(['a & b', 'x yA', '漢字']);
    expect(parseSharedStringsSaxes(sst(ITEMS), 'p')).toStrictEqual(['a & b', 'x yA', '漢字']);
  });

  it.each([
    ['plain items', '<si><t>uno</t></si><si><t xml:space="preserve"> dos </t></si><si><t>Acción ñ</t></si>'],
    ['underscores that are not escapes', '<si><t>RE_P</t></si><si><t>_x_</t></si><si><t>a_x004_</t></si><si><t>_</t></si><si><t>a__x0041_b</t></si><si><t>_x_x0041_</t></si>'],
    ['items the quick path leaves to the scanner', '<si><t>a_x0041_</t></si><si><t>a &gt; b</t></si><si><t>x > y</t></si><si><t/></si><si> <t>sp</t> </si><si><t>l\nt\tz</t></si><si><t xml:space="default">d</t></si><si><t>u_v</t></si>'],
    ['items separated by white space', '<si><t>a</t></si>\n  <si><t>b</t></si>'],
  ])('reads %s as saxes does', (_, items) => {
    const fast = parseSharedStringsFast(sst(items), 'p');
    expect(fast).toBeDefined();
    expect(fast).toStrictEqual(parseSharedStringsSaxes(sst(items), 'p'));
  });

  it.each([
    ['a control character', '<si><t>a\u0001b</t></si>'],
    ['a carriage return', '<si><t>a\rb</t></si>'],
    ['an unclosed item', '<si><t>a</t></si><si><t>b</t>'],
    ['a mismatched close tag', '<si><t>a</x></si>'],
  ])('declines an item with %s', (_, items) => {
    expect(parseSharedStringsFast(sst(items), 'p')).toBeUndefined();
  });

  it('mutated at random (2,000 variants), gives the strings saxes gives or declines', () => {
    const base = sst('<si><t>uno</t></si><si><t xml:space="preserve"> d_s </t></si>' + ITEMS + '<si><t>Acción 5</t></si>\n<si><t>x</t></si>');
    const alphabet = ['<', '>', '&', '"', '/', '=', ' ', '\r', '\n', '\u0001', ']', ';', '#', '_', 'x', '0', 'a', 't', 's', 'i', 'ó'];
    let seed = 99;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    let read = 0;
    const from = base.indexOf('<si>');
    for (let k = 0; k < 2000; k++) {
      let text = base;
      for (let m = 1 + random(2); m > 0; m--) {
        const at = from + random(base.indexOf('</sst>') - from);
        const op = random(3);
        const ch = alphabet[random(alphabet.length)];
        text = op === 0 ? text.slice(0, at) + text.slice(at + 1) : op === 1 ? text.slice(0, at) + ch + text.slice(at) : text.slice(0, at) + ch + text.slice(at + 1);
      }
      const fast = parseSharedStringsFast(text, 'p');
      if (!fast) continue;
      read++;
      expect(fast).toStrictEqual(parseSharedStringsSaxes(text, 'p'));
    }
    expect(read).toBeGreaterThan(200);
  });

  it('declines on what it does not know, and refuses damage through saxes', () => {
    const comment = sst(ITEMS.replace('<si><t>a', '<!-- c --><si><t>a'));
    expect(parseSharedStringsFast(comment, 'p')).toBeUndefined();
    expect(parseSharedStrings(comment, 'p')).toStrictEqual(['a & b', 'x yA', '漢字']);
    const damaged = sst(ITEMS.replace('</t></si>', '</si>'));
    expect(parseSharedStringsFast(damaged, 'p')).toBeUndefined();
    expect(() => parseSharedStrings(damaged, 'p')).toThrow(expect.objectContaining({ code: 'bad-xml' }));
    const afterRun = sst(ITEMS + '<x:si xmlns:x="urn:x"><x:t>d</x:t></x:si>');
    expect(parseSharedStringsFast(afterRun, 'p')).toBeUndefined();
    expect(parseSharedStrings(afterRun, 'p')).toHaveLength(4);
  });
});

describe('plainDecimal', () => {
  it('equals Number() on the decimals it accepts, and declines the rest', () => {
    let seed = 7;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    const samples = ['0', '-0', '1500.25', '0.1', '.5', '5.', '-.5', '999999999999999', '0.000000000000001', '4418.97', '1e3', '', '-', '.', '1.2.3', '+1', ' 1'];
    for (let k = 0; k < 20000; k++) {
      const digits = 1 + random(17);
      let s = random(4) === 0 ? '-' : '';
      const dot = random(digits + 1);
      for (let d = 0; d < digits; d++) s += (d === dot ? '.' : '') + String(random(10));
      samples.push(s);
    }
    for (const s of samples) {
      const v = plainDecimal(s, 0, s.length);
      if (Number.isNaN(v)) continue;
      expect(Object.is(v, Number(s))).toBe(true);
    }
    expect(plainDecimal('1e3', 0, 3)).toBeNaN();
    expect(plainDecimal('1234567890123456', 0, 16)).toBeNaN();
  });
});

describe('plain cells and merges read from bytes at the text’s indexes', () => {
  const plain = (r: number) => `<row r="${r}"><c r="A${r}" t="s"><v>1</v></c><c r="B${r}" s="3"><v>-12.5</v></c><c r="C${r}"><v>${r}</v></c></row>`;
  const accented = (r: number, t: string) => `<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>${t}</t></is></c></row>`;
  const sheet = (rows: string, merges: string) =>
    `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${NS}"><sheetData>${rows}</sheetData><mergeCells count="2">${merges}</mergeCells></worksheet>`;
  const merges = '<mergeCell ref="A1:B1"/><mergeCell ref="C7:C9"/>';

  it.each([
    ['ASCII only', sheet(plain(1) + plain(2), merges)],
    ['accents and 3-byte characters before the plain cells and merges', sheet(plain(1) + accented(2, 'Año € Ω') + plain(3) + accented(4, 'Más') + plain(5), merges)],
    ['over 4,096 runs of other characters', sheet(Array.from({ length: 4200 }, (_, i) => (i % 2 ? plain(i + 1) : accented(i + 1, `é${i}ñ`))).join(''), merges)],
  ])('%s: the grid saxes reads, with the UTF-8 bytes given or not', (_, text) => {
    const general = readWorksheetSaxes(text, 'p', { sharedStrings: SST });
    const fast = readWorksheetFast(text, 'p', { sharedStrings: SST });
    expect(fast).toStrictEqual(general);
    expect(readWorksheetFast(text, 'p', { sharedStrings: SST, bytes: new TextEncoder().encode(text) })).toStrictEqual(general);
    expect(general.rows.filter((row) => row?.[1] === -12.5).length).toBeGreaterThan(1);
    expect(general.merges).toHaveLength(2);
  });
});

describe('oneBytePerCharacter: the part\'s bytes serve the plain loops only at the same indexes as its text', () => {
  const decoded = (bytes: Uint8Array): string => decodeXml(bytes).text;
  it.each([
    ['ASCII', new TextEncoder().encode('<c r="A1"><v>1</v></c>'), true],
    ['a stray byte, read as U+FFFD', Uint8Array.from([60, 0xff, 62]), true],
    ['an accented letter (two bytes)', new TextEncoder().encode('<t>Ejecución</t>'), false],
    ['a character outside the BMP (four bytes, two UTF-16 units)', new TextEncoder().encode('<t>\u{1F600}</t>'), false],
    ['a BOM (three bytes, no character)', Uint8Array.from([0xef, 0xbb, 0xbf, 60, 62]), false],
    ['UTF-16 with a BOM', Uint8Array.from([0xff, 0xfe, 60, 0, 62, 0]), false],
  ])('%s', (_name, bytes, aligned) => {
    const text = decoded(bytes);
    expect(oneBytePerCharacter(text, bytes)).toBe(aligned);
    // Aligned means every character sits at its byte's index.
    if (aligned) for (let i = 0; i < text.length; i++) expect(text.charCodeAt(i) < 0x80 ? text.charCodeAt(i) : 0xff).toBe(bytes[i] < 0x80 ? bytes[i] : 0xff);
  });
});
