/** Every file the reader cannot use gets its own code and one Spanish line saying what to do. */
import { strToU8 } from 'fflate';
import { openXlsx, writePatchedCopy, XlsxError, type XlsxErrorCode } from '../../../src/hosts/xlsx';
import { excelDialect } from '../../fixtures/xlsx/dialects';
import { richPackageParts } from '../../fixtures/xlsx/rich-package';
import { CT, NS, REL, contentTypes, rels, zipParts } from '../../fixtures/xlsx/zip-parts';

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function oleFile(streamName?: string): Uint8Array {
  const b = new Uint8Array(4096);
  b.set(OLE);
  if (streamName) {
    // Directory entries hold names in UTF-16LE, as Excel writes them.
    for (let i = 0; i < streamName.length; i++) b[1024 + 2 * i] = streamName.charCodeAt(i);
  }
  return b;
}

function withBrokenPart(name: string, content: string): Uint8Array {
  return zipParts({ ...richPackageParts(), [name]: content });
}

/** A zip whose central directory declares a 2 GB part (the data itself is tiny). */
function zipBomb(): Uint8Array {
  const bytes = zipParts({ ...richPackageParts() });
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let p = bytes.length - 22; p >= 0; p--) {
    if (view.getUint32(p, true) === 0x06054b50) {
      const cd = view.getUint32(p + 16, true);
      view.setUint32(cd + 24, 2_000_000_000, true); // first entry's uncompressed size
      return bytes;
    }
  }
  throw new Error('no EOCD');
}

const CASES: [string, () => Uint8Array, XlsxErrorCode, RegExp][] = [
  ['an empty file', () => new Uint8Array(0), 'empty', /vacío/],
  ['a CSV file', () => strToU8('AO;Meta;Avance\nAO001;100;"1,900.00"\n'), 'not-zip', /texto \(CSV/],
  ['a PDF', () => strToU8('%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj\n'), 'not-zip', /PDF/],
  ['random bytes', () => new Uint8Array([0, 1, 2, 3, 0xff, 0xfe, 0, 0]), 'not-zip', /no es un libro de Excel/],
  ['a legacy .xls (OLE without EncryptedPackage)', () => oleFile('Workbook'), 'legacy-xls', /97-2003/],
  ['a password-protected .xlsx (OLE with EncryptedPackage)', () => oleFile('EncryptedPackage'), 'encrypted', /contraseña/],
  [
    'an OpenDocument spreadsheet',
    () => zipParts({ mimetype: 'application/vnd.oasis.opendocument.spreadsheet', 'content.xml': '<office:document-content/>' }),
    'ods',
    /\.ods/,
  ],
  ['a truncated zip', () => excelDialect().bytes.subarray(0, Math.floor(excelDialect().bytes.length * 0.6)), 'truncated', /incompleto/],
  ['a zip of something else', () => zipParts({ 'hello.txt': 'hola' }), 'no-workbook', /no contiene un libro/],
  [
    'a Word document',
    () =>
      zipParts({
        '[Content_Types].xml': contentTypes([]),
        '_rels/.rels': rels([['rId1', REL.officeDocument, 'word/document.xml']]),
        'word/document.xml': `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>`,
      }),
    'no-workbook',
    /no contiene un libro/,
  ],
  [
    'a binary workbook (.xlsb)',
    () =>
      zipParts({
        '[Content_Types].xml': contentTypes([]),
        '_rels/.rels': rels([['rId1', REL.officeDocument, 'xl/workbook.bin']]),
        'xl/workbook.bin': new Uint8Array([0x83, 0x01, 0x00, 0x80]),
      }),
    'no-workbook',
    /\.xlsb/,
  ],
  ['a workbook part that is not XML', () => withBrokenPart('xl/workbook.xml', '<workbook><sheets><sheet name="a"'), 'bad-xml', /xl\/workbook\.xml/],
  ['a zip declaring 2 GB uncompressed', zipBomb, 'too-large', /MB/],
];

describe.each(CASES)('openXlsx on %s', (_, make, code, message) => {
  it(`throws XlsxError('${code}') with a Spanish message`, () => {
    let error: unknown;
    try {
      openXlsx(make());
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(XlsxError);
    expect((error as XlsxError).code).toBe(code);
    expect((error as XlsxError).message).toMatch(message);
    expect((error as XlsxError).message).not.toMatch(/\n/);
  });

  it(`writePatchedCopy refuses it the same way`, () => {
    expect(() => writePatchedCopy(make(), 'Reporte POI', [])).toThrow(expect.objectContaining({ code }));
  });
});

describe('damage found when a sheet is read', () => {
  it('a sheet part that is not well-formed XML → bad-xml naming the part', () => {
    const bytes = withBrokenPart('xl/worksheets/sheet1.xml', `<worksheet xmlns="${NS.main}"><sheetData><row r="1"><c r="A1"><v>1</v></row></sheetData></worksheet>`);
    const pkg = openXlsx(bytes);
    expect(() => pkg.readSheet('Reporte POI')).toThrow(expect.objectContaining({ code: 'bad-xml', message: expect.stringMatching(/xl\/worksheets\/sheet1\.xml/) }));
  });

  it('a part whose data does not match its CRC → truncated', () => {
    const parts = richPackageParts();
    const bytes = zipParts({ 'xl/worksheets/sheet1.xml': parts['xl/worksheets/sheet1.xml'], ...parts });
    // Flip a byte inside the first entry's compressed data.
    bytes[30 + 'xl/worksheets/sheet1.xml'.length + 10] ^= 0xff;
    expect(() => openXlsx(bytes).readSheet('Reporte POI')).toThrow(expect.objectContaining({ code: 'truncated' }));
  });

  it('respects a lower limit given by the caller', () => {
    expect(() => openXlsx(excelDialect().bytes, { maxUncompressedBytes: 1000 })).toThrow(expect.objectContaining({ code: 'too-large' }));
  });

  it('a workbook without the package relationship is still found through its content type', () => {
    const parts = { ...richPackageParts() };
    delete parts['_rels/.rels'];
    expect(openXlsx(zipParts(parts)).sheets.map((s) => s.name)).toEqual(['Reporte POI', 'Listas']);
    expect(CT.workbook).toContain('sheet.main');
  });
});
