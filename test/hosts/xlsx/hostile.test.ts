/**
 * Hostile and careless inputs (issue 18, the .xlsx host's rows), each built here: a damaged
 * file is one Spanish line (XlsxError), refused before any large allocation; a defect of
 * ours is an XlsxInternalError, never reported as a damaged part.
 */
import { deflateSync } from 'fflate';
import { openXlsx, writePatchedCopy, writePlannedCopy, XlsxError, XlsxInternalError } from '../../../src/hosts/xlsx';
import { crc32, fflateCodec, setZipCodec } from '../../../src/hosts/xlsx/codec';
import { MalformedXml, guarded } from '../../../src/hosts/xlsx/errors';
import { parseXml } from '../../../src/hosts/xlsx/xml';
import { writeZip, type ZipItem } from '../../../src/hosts/xlsx/zip';
import { zipWithManyEntries } from '../../fixtures/xlsx/many-entries';
import { REPORT, SHEET_PART, richPackage, richPackageParts } from '../../fixtures/xlsx/rich-package';
import { DECL, NS, zipParts } from '../../fixtures/xlsx/zip-parts';

function sheetWith(rows: string, tail = ''): string {
  return `${DECL}<worksheet xmlns="${NS.main}"><sheetData>${rows}</sheetData>${tail}</worksheet>`;
}

/** The same sheet in the prefixed dialect: read by saxes, not by the fast scanner. */
function prefixedSheetWith(rows: string): string {
  return `${DECL}<x:worksheet xmlns:x="${NS.main}"><x:sheetData>${rows.replace(/<(\/?)(row|c|v)\b/g, '<$1x:$2')}</x:sheetData></x:worksheet>`;
}

function withSheet(xml: string): Uint8Array {
  return zipParts({ ...richPackageParts(), [SHEET_PART]: xml });
}

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('did not throw');
}

function expectDamaged(fn: () => unknown, code: string, message: RegExp): void {
  const e = thrown(fn);
  expect(e).toBeInstanceOf(XlsxError);
  expect(e).toMatchObject({ code, message: expect.stringMatching(message) });
  expect((e as Error).message).not.toMatch(/\n|interno/);
}

describe('row 3: rows and columns beyond Excel limits are a damaged file', () => {
  it.each([
    ['row r="2000000000"', '<row r="2000000000"><c r="A2000000000"><v>1</v></c></row>', /fila 2,000,000,000/],
    ['row r="1048577"', '<row r="1048577"><c r="A1048577"><v>1</v></c></row>', /fila 1,048,577/],
    ['a cell in column XFE', '<row r="1"><c r="XFE1"><v>1</v></c></row>', /XFE1/],
    ['a cell ZZZZ700 (row 9)', '<row r="700"><c r="ZZZZ700"><v>1</v></c></row>', /ZZZZ700/],
  ])('%s → out-of-bounds, in both readers', (_, rows, what) => {
    for (const xml of [sheetWith(rows), prefixedSheetWith(rows)]) {
      const pkg = openXlsx(withSheet(xml));
      expectDamaged(() => pkg.readSheet(REPORT), 'out-of-bounds', what);
      expectDamaged(() => pkg.readSheet(REPORT), 'out-of-bounds', /1,048,576 filas y 16,384 columnas/);
    }
  });

  it('a merged area beyond the last row is damaged too', () => {
    const xml = sheetWith('<row r="1"><c r="A1"><v>1</v></c></row>', '<mergeCells count="1"><mergeCell ref="A1:A1048577"/></mergeCells>');
    expectDamaged(() => openXlsx(withSheet(xml)).readSheet(REPORT), 'out-of-bounds', /A1:A1048577/);
  });

  it('a malformed merged area is a damaged part, not an internal error', () => {
    const xml = sheetWith('<row r="1"><c r="A1"><v>1</v></c></row>', '<mergeCells count="1"><mergeCell ref="1A:B2"/></mergeCells>');
    expectDamaged(() => openXlsx(withSheet(xml)).readSheet(REPORT), 'bad-xml', new RegExp(SHEET_PART));
  });

  it('the last row and column Excel has are read', () => {
    const rows = '<row r="1048576"><c r="XFD1048576"><v>7</v></c></row>';
    for (const xml of [sheetWith(rows), prefixedSheetWith(rows)]) {
      const grid = openXlsx(withSheet(xml)).readSheet(REPORT);
      expect(grid.rows.length).toBe(1_048_576);
      expect(grid.rows[1_048_575]?.[16_383]).toBe(7);
      // A long gap stays a hole, not 16,383 nulls.
      expect(Object.keys(grid.rows[1_048_575]!)).toEqual(['16383']);
    }
  });
});

describe('row 8: two ZIP entries with the same name', () => {
  function duplicated(second: string): Uint8Array {
    const parts = richPackageParts();
    const enc = (c: string | Uint8Array): Uint8Array => (typeof c === 'string' ? new TextEncoder().encode(c) : c);
    const items: ZipItem[] = Object.entries(parts).map(([name, c]) => ({ kind: 'new', name, content: enc(c) }));
    const other = sheetWith('<row r="1"><c r="A1"><v>999</v></c></row>');
    items.push({ kind: 'new', name: second, content: enc(other) });
    return writeZip(items);
  }

  it.each([SHEET_PART, SHEET_PART.toUpperCase(), '/' + SHEET_PART])('refuses %s twice: ambiguous, never one of them silently', (second) => {
    const bytes = duplicated(second);
    expectDamaged(() => openXlsx(bytes), 'duplicate-part', /dos veces.*no se puede saber cuál vale/);
    expectDamaged(() => writePatchedCopy(bytes, REPORT, [{ row: 0, col: 0, value: 1 }]), 'duplicate-part', /dañado/);
  });
});

describe('row 9: a 100,000-entry zip', () => {
  it('is refused at once with a clear message, also when writing a copy', () => {
    const bytes = zipWithManyEntries(richPackageParts(), 100_000);
    expectDamaged(() => openXlsx(bytes), 'too-large', /100,0\d\d partes internas, más que el máximo de 65,000/);
    expectDamaged(() => writePlannedCopy(bytes, REPORT, [], []), 'too-large', /partes internas/);
  });

  it('a workbook with many (but fewer) entries is read and copied', () => {
    const bytes = zipWithManyEntries(richPackageParts(), 2_000);
    expect(openXlsx(bytes).readSheet(REPORT).rows.length).toBeGreaterThan(0);
    const copy = writePlannedCopy(bytes, REPORT, [{ row: 0, col: 0, value: 'x' }], []);
    expect(openXlsx(copy.bytes).readSheet(REPORT).rows[0]?.[0]).toBe('x');
  });
});

describe('row 11: a part too large to read is refused before it is inflated', () => {
  /**
   * The sheet part declares 1.4 GB (its data is 1.6 MB of incompressible bytes, so the
   * declared ratio is plausible): inflating it would need 1.4 GB and a string V8 cannot make.
   */
  function declaring(bytes: number): Uint8Array {
    const noise = new Uint8Array(1_600_000);
    let x = 12345;
    for (let i = 0; i < noise.length; i++) {
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      noise[i] = x & 0xff;
    }
    const parts = richPackageParts();
    delete parts[SHEET_PART];
    const zip = zipParts({ [SHEET_PART]: noise, ...parts });
    const v = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    v.setUint32(22, bytes, true); // the local header's uncompressed size
    for (let p = zip.length - 22; p >= 0; p--) {
      if (v.getUint32(p, true) === 0x06054b50) {
        v.setUint32(v.getUint32(p + 16, true) + 24, bytes, true); // the first central record's
        return zip;
      }
    }
    throw new Error('no EOCD');
  }

  it('a 1.4 GB sheet under the 1.5 GB package limit: "too-large", naming both sizes', () => {
    const pkg = openXlsx(declaring(1_400_000_000));
    expectDamaged(() => pkg.readSheet(REPORT), 'too-large', /1,400 MB.*máximo de 256 MB/);
  });

  it('a 500 MB sheet when writing a copy: the same refusal, before anything is allocated', () => {
    expectDamaged(() => writePlannedCopy(declaring(500_000_000), REPORT, [], []), 'too-large', /500 MB.*256 MB/);
  });

  it('the limit can be set by the caller', () => {
    expectDamaged(() => openXlsx(richPackage(), { maxPartBytes: 500 }).readSheet(REPORT), 'too-large', /máximo de 0 MB/);
  });

  it('a part declaring more than DEFLATE can produce from its data is damaged', () => {
    const parts = richPackageParts();
    const zip = zipParts({ [SHEET_PART]: 'x'.repeat(2_000_000), ...parts });
    expect(deflateSync(new Uint8Array(2_000_000)).length).toBeLessThan(2_000_000 / 1000);
    const v = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    for (let p = zip.length - 22; p >= 0; p--) {
      if (v.getUint32(p, true) === 0x06054b50) v.setUint32(v.getUint32(p + 16, true) + 24, 200_000_000, true);
    }
    expectDamaged(() => openXlsx(zip), 'truncated', /incompleto o dañado/);
  });
});

describe('a defect of ours is not a damaged file (issue 14, item 4)', () => {
  afterEach(() => setZipCodec(fflateCodec));

  it('a TypeError inside the host leaves as XlsxInternalError with its stack, never "dañada"', () => {
    setZipCodec({
      ...fflateCodec,
      crc32: () => {
        throw new TypeError("Cannot read properties of undefined (reading 'x')");
      },
    });
    const e = thrown(() => openXlsx(richPackage()));
    expect(e).toBeInstanceOf(XlsxInternalError);
    expect(e).not.toBeInstanceOf(XlsxError);
    expect((e as XlsxInternalError).message).not.toMatch(/dañad/);
    expect((e as XlsxInternalError).detail).toMatch(/TypeError: Cannot read properties/);
    expect((e as XlsxInternalError).detail).toMatch(/at /);
  });

  it('in the XML layer: what saxes refuses is damaged, a handler bug is ours', () => {
    const bug = (): void =>
      guarded(() => parseXml('<a><b/></a>', 'xl/x.xml', { open: () => (null as unknown as { x: number }).x }), 'leer');
    expect(thrown(bug)).toBeInstanceOf(XlsxInternalError);
    expectDamaged(() => guarded(() => parseXml('<a><b></a>', 'xl/x.xml', {}), 'leer'), 'bad-xml', /xl\/x\.xml/);
    const refuse = (): void =>
      guarded(() => parseXml('<a/>', 'xl/y.xml', { open: () => { throw new MalformedXml('valor raro'); } }), 'leer');
    expectDamaged(refuse, 'bad-xml', /xl\/y\.xml/);
  });

  it('the codec reporting bad data is a damaged file', () => {
    setZipCodec({
      ...fflateCodec,
      inflateRaw: () => {
        throw new Error('invalid distance');
      },
    });
    expectDamaged(() => openXlsx(richPackage()), 'truncated', /incompleto o dañado/);
  });

  it('malformed markup found by the writers names its part', () => {
    const bad = richPackageParts();
    bad['xl/styles.xml'] = `${DECL}<styleSheet xmlns="${NS.main}"><fonts count="1"><font><b/></font>`;
    const bytes = zipParts(bad);
    expectDamaged(
      () => writePlannedCopy(bytes, REPORT, [], [{ role: 'observaciones', name: 'Observaciones', table: [[{ value: 'x', bold: true }]] }]),
      'bad-xml',
      /xl\/styles\.xml/,
    );
    expect(crc32(new Uint8Array([1, 2, 3]))).toBe(0x55bc801d);
  });
});
