/**
 * The byte writer of generated parts: its text escapes are exactly escapeXml(encodeOoxmlString()),
 * in UTF-8 as TextEncoder writes it, and a generated sheet reads back with every text intact.
 */
import { writePlannedCopy, openXlsx } from '../../../src/hosts/xlsx';
import { needsPreserve } from '../../../src/hosts/xlsx/sheet-writer';
import { encodeOoxmlString, escapeXml } from '../../../src/hosts/xlsx/xml';
import { putPlainNumber, XmlBytes } from '../../../src/hosts/xlsx/xml-bytes';
import { unzipParts } from '../../fixtures/xlsx/zip-parts';
import { REPORT, richPackage } from '../../fixtures/xlsx/rich-package';

const TRICKY = [
  '',
  'AO001 - Meta física',
  'a & b < c > d "e" \'f\'',
  '_x0041_ literal, __x0042_ y _x004_ corto, _X0041_ mayúscula, _x00zz_',
  '_x005F_x0041_',
  'fin con guion bajo _',
  'control \u0001\u0008\u000B\u000C\u001F y \t\n\r que quedan',
  '\uFFFE\uFFFF',
  'ñandú €100 漢字 😀 emoji',
  'sustituto suelto \uD800 y \uDC00 al revés \uDC00\uD800',
  '  espacios  dobles ',
];

function written(s: string, chunk?: (out: XmlBytes) => void): Uint8Array {
  const out = new XmlBytes();
  chunk?.(out);
  out.text(s);
  return out.result();
}

describe('XmlBytes.text', () => {
  it.each(TRICKY)('writes %j as escapeXml(encodeOoxmlString()) in UTF-8', (s) => {
    const expected = new TextEncoder().encode(escapeXml(encodeOoxmlString(s)));
    expect(Buffer.from(written(s)).equals(Buffer.from(expected))).toBe(true);
  });

  it('carries on into a new chunk when the current one is full', () => {
    const big = 'ñ'.repeat(300_000) + ' & ';
    const out = new XmlBytes();
    out.ascii('x'.repeat((1 << 20) - 5));
    out.text(big);
    out.ascii('<');
    const bytes = out.result();
    expect(new TextDecoder().decode(bytes)).toBe('x'.repeat((1 << 20) - 5) + big.replace('&', '&amp;') + '<');
  });

  it('writes numbers as decimal digits', () => {
    const out = new XmlBytes();
    for (const n of [0, 7, 10, 99, 100, 1_048_576, 2_147_483_647]) {
      out.uint(n);
      out.ascii(',');
    }
    expect(new TextDecoder().decode(out.result())).toBe('0,7,10,99,100,1048576,2147483647,');
  });
});

describe('putPlainNumber', () => {
  const plain = (n: number): string | null => {
    const b = new Uint8Array(32);
    const end = putPlainNumber(b, 0, n);
    return end < 0 ? null : new TextDecoder().decode(b.subarray(0, end));
  };

  it('writes whole numbers and two-decimal amounts exactly as String does', () => {
    let seed = 7;
    const random = (): number => ((seed = (seed * 48271) % 2147483647) / 2147483647);
    const values = [0, 1, 9, 10, -1, -10, 2 ** 31 - 1, -(2 ** 31) + 1, 0.5, 0.05, 0.1, 0.25, 1000.5, 1017.5, -0.07, -1234.56, 21_474_835.99, 99.9, 100.01, 0.01];
    for (let i = 0; i < 20_000; i++) {
      const k = Math.floor(random() * 2_000_000_000);
      values.push(k / 100, -k / 100, k / 10, Math.floor(k / 1000));
    }
    for (const v of values) {
      const text = plain(v);
      if (text !== null) expect(text).toBe(String(v));
    }
    // Only amounts beyond 2^31 / 100 are left to String.
    expect(values.filter((v) => plain(v) === null && Math.abs(v) < 21_474_836)).toEqual([]);
    expect(plain(-0)).toBe('0');
  });

  it('leaves every other number to String (returns -1)', () => {
    for (const v of [0.1 + 0.2, 1 / 3, 1e21, 1e-7, 2 ** 31 * 100, -(2 ** 31), 21_474_836.5, 1234.5678, 5e-324, 0.005, NaN, Infinity, -Infinity]) {
      expect(plain(v)).toBeNull();
    }
  });
});

describe('needsPreserve', () => {
  it('asks for xml:space="preserve" only where white space could be lost', () => {
    expect(['AO001 - Meta', 'x', 'a b c'].map(needsPreserve)).toEqual([false, false, false]);
    expect([' a', 'a ', 'a  b', 'a\tb', 'a\nb', 'a\rb', '', ' '].map(needsPreserve)).toEqual([true, true, true, true, true, true, true, true]);
  });
});

describe('a generated sheet', () => {
  it('reads back every tricky text, number and boolean as written', () => {
    const table = [
      TRICKY.map((value) => ({ value, bold: true })),
      [{ value: 0 }, { value: -0 }, { value: 12 }, { value: -3 }, { value: 0.1 + 0.2 }, { value: 1e21 }, { value: 2 ** 31 }, { value: true }, { value: false }],
    ];
    const copy = writePlannedCopy(richPackage(), REPORT, [], [{ role: 'observaciones', name: 'Observaciones', table }]).bytes;
    const rows = openXlsx(copy).readSheet('Observaciones').rows;
    // The reader gives back characters XML cannot hold (decoded from _xHHHH_) and lone surrogates as U+FFFD.
    expect(rows[0]).toEqual(TRICKY.map((s) => s.replace(/[\uD800-\uDFFF]/g, (c, i: number, all: string) => (isPair(all, i) ? c : '\uFFFD'))));
    expect(rows[1]).toEqual([0, 0, 12, -3, 0.1 + 0.2, 1e21, 2 ** 31, true, false]);
    const xml = Object.values(unzipParts(copy)).map((b) => new TextDecoder().decode(b)).find((t) => t.includes('Meta física'))!;
    expect(xml).toContain('<t>AO001 - Meta física</t>');
    expect(xml).toContain('<t xml:space="preserve">  espacios  dobles </t>');
  });
});

function isPair(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  if (c <= 0xdbff) return i + 1 < s.length && s.charCodeAt(i + 1) >= 0xdc00 && s.charCodeAt(i + 1) <= 0xdfff;
  return i > 0 && s.charCodeAt(i - 1) >= 0xd800 && s.charCodeAt(i - 1) <= 0xdbff;
}
