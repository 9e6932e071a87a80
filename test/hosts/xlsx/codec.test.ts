/**
 * The codec seam (issue 19): Node's zlib reads and writes exactly what fflate does, refuses
 * the same damaged data, and stays out of everything a browser bundle holds.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import { deflateSync, inflateSync, unzipSync } from 'fflate';
import { openXlsx, writePlannedCopy } from '../../../src/hosts/xlsx';
import { crc32, fflateCodec, setZipCodec, zipCodec } from '../../../src/hosts/xlsx/codec';
import { nodeCodec, useNodeCodec } from '../../../src/hosts/xlsx/node-codec';
import { readZip } from '../../../src/hosts/xlsx/zip';
import { POI_SHEET, poiLikeSheet } from '../../fixtures/xlsx/poi-like';
import { REPORT, richPackage } from '../../fixtures/xlsx/rich-package';
import { buildWorkbook } from '../../../src/hosts/xlsx';

afterEach(() => setZipCodec(fflateCodec));

const EDITS = [
  { row: 2, col: 3, value: 0.75 },
  { row: 9, col: 0, value: 'nueva fila' },
];
const SHEETS = [{ role: 'observaciones' as const, name: 'Observaciones', table: [[{ value: 'Celda', bold: true }], [{ value: 'D3', link: { sheet: REPORT, cell: 'D3' } }]] }];

function run(): { grid: unknown; copy: Uint8Array; big: unknown } {
  const pkg = openXlsx(richPackage());
  const big = openXlsx(buildWorkbook([poiLikeSheet(300)])).readSheet(POI_SHEET);
  return { grid: pkg.readSheet(REPORT), copy: writePlannedCopy(richPackage(), REPORT, EDITS, SHEETS).bytes, big };
}

describe('useNodeCodec', () => {
  it('selects node:zlib', () => {
    useNodeCodec();
    expect(zipCodec().name).toBe('node:zlib');
  });

  it('reads the same grids and writes a copy every reader opens, with the same content', () => {
    const viaFflate = run();
    useNodeCodec();
    const viaNode = run();
    expect(viaNode.grid).toStrictEqual(viaFflate.grid);
    expect(viaNode.big).toStrictEqual(viaFflate.big);
    const a = unzipSync(viaFflate.copy);
    const b = unzipSync(viaNode.copy);
    expect(Object.keys(b)).toEqual(Object.keys(a));
    for (const name of Object.keys(a)) expect(Buffer.from(b[name]).equals(a[name])).toBe(true);
    expect(XLSX.read(viaNode.copy, { type: 'array' }).SheetNames).toEqual([REPORT, 'Listas', 'Observaciones']);
    setZipCodec(fflateCodec);
    expect(openXlsx(viaNode.copy).readSheet('Observaciones').rows).toEqual([['Celda'], ['D3']]);
  });

  it('copies untouched entries byte for byte, whichever codec', () => {
    useNodeCodec();
    const original = richPackage();
    const copy = writePlannedCopy(original, REPORT, EDITS, SHEETS).bytes;
    const src = readZip(original);
    const out = readZip(copy);
    const image = 'xl/media/image1.png';
    const x = src.find(image)!;
    const y = out.find(image)!;
    expect(Buffer.from(copy.subarray(y.localOffset, y.recordEnd)).equals(original.subarray(x.localOffset, x.recordEnd))).toBe(true);
  });

  it('computes the same CRC-32 as ours', () => {
    const data = new Uint8Array(100_003).map((_, i) => (i * 7919) & 0xff);
    expect(nodeCodec.crc32(data)).toBe(crc32(data));
    expect(nodeCodec.crc32(new Uint8Array(0))).toBe(0);
  });

  it('never inflates past the declared size', () => {
    const raw = deflateSync(new Uint8Array(10_000).fill(65));
    expect(() => nodeCodec.inflateRaw(raw, 100)).toThrow();
    expect(nodeCodec.inflateRaw(raw, 10_000)).toHaveLength(10_000);
  });

  it('refuses damaged data as the fflate codec does: a damaged file, not an internal error', () => {
    const bytes = richPackage();
    const e = readZip(bytes).find('xl/worksheets/sheet1.xml')!;
    bytes[e.localOffset + 30 + e.nameBytes.length + 5] ^= 0xff;
    for (const codec of [fflateCodec, nodeCodec]) {
      setZipCodec(codec);
      expect(() => openXlsx(bytes).readSheet(REPORT)).toThrow(expect.objectContaining({ code: 'truncated' }));
    }
  });
});

describe('the streaming deflater (a generated sheet deflated as it is written)', () => {
  // ~3 MB of sheet-like XML: repetitive, as a generated report is.
  const text = Array.from({ length: 40_000 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}" s="3"><v>${(i * 37) % 1000}</v></c><c r="B${i + 1}" t="inlineStr"><is><t>AO ${i % 97} - Meta física</t></is></c></row>`).join('');
  const data = new TextEncoder().encode(text);

  it.each([
    ['fflate', fflateCodec],
    ['node:zlib', nodeCodec],
  ])('%s: pieces of any size, from a reused buffer, make one stream that inflates to the input', (_, codec) => {
    const d = codec.deflater(1);
    const buffer = new Uint8Array(1 << 20);
    const sizes = [100, 40_000, 1 << 20, 5, 70_000];
    let crc = 0;
    for (let at = 0, k = 0; at < data.length; k++) {
      const n = Math.min(sizes[k % sizes.length], data.length - at);
      buffer.set(data.subarray(at, at + n));
      crc = codec.crc32(buffer.subarray(0, n), crc);
      d.push(buffer.subarray(0, n), at + n === data.length);
      buffer.fill(0x5a); // the deflater must not have kept the piece
      at += n;
    }
    const stream = Buffer.concat(d.out);
    expect(Buffer.from(inflateSync(stream)).equals(Buffer.from(data))).toBe(true);
    expect(crc).toBe(crc32(data));
    // About as small as one deflate of the whole (the node pieces are primed with the previous 32 KB).
    expect(stream.length).toBeLessThan(deflateSync(data, { level: 1 }).length * 1.1);
  });
});

describe('the browser never gets node:zlib', () => {
  const root = join(__dirname, '../../../src');
  const files = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? files(join(dir, d.name)) : /\.tsx?$/.test(d.name) ? [join(dir, d.name)] : []));

  it('only node-codec.ts and the CLI (src/cli, Node only) import node:zlib, and only the CLI imports node-codec', () => {
    const all = files(root);
    const zlibUsers = all.filter((f) => /from 'node:zlib'|require\('node:zlib'\)/.test(readFileSync(f, 'utf8')));
    // The CLI's loader checks its code cache with zlib.crc32 (src/cli/code-cache.ts).
    expect(zlibUsers.map((f) => f.slice(root.length + 1)).filter((f) => !f.startsWith('cli/'))).toEqual(['hosts/xlsx/node-codec.ts']);
    const importers = all.filter((f) => /from '[^']*\/node-codec'|require\('[^']*\/node-codec'\)/.test(readFileSync(f, 'utf8')));
    for (const f of importers) expect(f.slice(root.length + 1)).toMatch(/^cli\//);
  });
});
