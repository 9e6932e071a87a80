/**
 * A small ZIP reader/writer over a raw DEFLATE codec (codec.ts: fflate, or Node's zlib).
 * Our own directory parsing lets us check declared sizes before inflating anything, inflate
 * only the parts we need, and copy untouched entries into a new archive byte for byte
 * (compressed bytes included).
 */
import { zipCodec, type RawDeflater } from './codec';
import { XlsxError, messages } from './errors';

export { crc32 } from './codec';

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_EOCD = 0x06054b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const SIG_ZIP64_EOCD = 0x06064b50;
const FLAG_ENCRYPTED = 0x1;
const FLAG_DATA_DESCRIPTOR = 0x8;
const FLAG_UTF8 = 0x800;
const METHOD_STORED = 0;
const METHOD_DEFLATE = 8;
/** DOS date 1980-01-01, time 00:00: what Excel itself writes; keeps our output deterministic. */
const DOS_DATE = 0x0021;
const DOS_TIME = 0;

export interface ZipEntry {
  readonly name: string;
  readonly nameBytes: Uint8Array;
  readonly method: number;
  readonly flags: number;
  readonly crc: number;
  readonly compressedSize: number;
  /** Declared uncompressed size. */
  readonly size: number;
  readonly localOffset: number;
  readonly time: number;
  readonly date: number;
  /** The original central-directory record, copied into a new archive with a new offset. */
  readonly central: Uint8Array;
  /** Uses ZIP64 extra fields: such entries get fresh headers when copied. */
  readonly zip64: boolean;
  /** End of this entry's local record (data descriptor included): the next record's start. */
  readonly recordEnd: number;
}

export interface ZipArchive {
  readonly bytes: Uint8Array;
  /** No entry is inflated above this many bytes (see ZipLimits). */
  readonly maxPartBytes: number;
  /** In central-directory order, which is the order we keep when writing a copy. */
  readonly entries: readonly ZipEntry[];
  readonly comment: Uint8Array;
  /** Part names are case-insensitive in OPC; some producers also write backslashes. */
  find(name: string): ZipEntry | undefined;
}

const utf8 = new TextDecoder('utf-8');
const encoder = new TextEncoder();

function u16(b: Uint8Array, at: number): number {
  return b[at] | (b[at + 1] << 8);
}

function u32(b: Uint8Array, at: number): number {
  return (b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24)) >>> 0;
}

function u64(b: Uint8Array, at: number): number {
  return u32(b, at) + u32(b, at + 4) * 0x100000000;
}

function truncated(detail: string): XlsxError {
  return new XlsxError('truncated', messages.truncated(), detail);
}

export function normalizePartName(name: string): string {
  return name.replace(/\\/g, '/').replace(/^\/+/, '').toLowerCase();
}

export function isZipSignature(b: Uint8Array): boolean {
  return b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && (b[2] === 3 || b[2] === 5) && (b[3] === 4 || b[3] === 6);
}

export interface ZipLimits {
  /** More entries than this: refused before reading the directory. */
  readonly maxEntries?: number;
  /** A part declaring more than this uncompressed is refused when it is inflated. */
  readonly maxPartBytes?: number;
}

/**
 * A plain ZIP holds at most 65,535 entries, and the copy we write must hold them plus the
 * tool's sheets; a real workbook has a few hundred.
 */
export const DEFAULT_MAX_ENTRIES = 65_000;
/**
 * A part is inflated whole and decoded into one string: 256 MB keeps a 100,000-AO report
 * (about 150 MB of sheet XML) readable and the process well under 1.5 GB, far from V8's
 * 512 M-character string limit.
 */
export const DEFAULT_MAX_PART_BYTES = 256_000_000;
/**
 * DEFLATE cannot compress better than about 1032:1; a header declaring more is lying
 * about its size (checked for parts above 1 MB, where it matters).
 */
const MAX_DEFLATE_RATIO = 1100;

/** Reads the central directory (no inflating). Throws 'truncated' when it is missing or cut. */
export function readZip(bytes: Uint8Array, limits: ZipLimits = {}): ZipArchive {
  const maxEntries = limits.maxEntries ?? DEFAULT_MAX_ENTRIES;
  const eocd = findEndOfCentralDirectory(bytes);
  let count = u16(bytes, eocd + 10);
  let cdSize = u32(bytes, eocd + 12);
  let cdOffset = u32(bytes, eocd + 16);
  const comment = bytes.subarray(eocd + 22, Math.min(bytes.length, eocd + 22 + u16(bytes, eocd + 20)));
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    const z = readZip64End(bytes, eocd);
    count = z.count;
    cdSize = z.cdSize;
    cdOffset = z.cdOffset;
  }
  if (cdOffset + cdSize > bytes.length) throw truncated('central directory beyond end of file');
  if (count > maxEntries) throw new XlsxError('too-large', messages.tooManyParts(count, maxEntries), `${count} entries`);
  const raw = readCentralDirectory(bytes, cdOffset, count);
  const entries = withRecordEnds(raw, cdOffset);
  const byName = new Map<string, ZipEntry>();
  for (const e of entries) {
    const key = normalizePartName(e.name);
    // Readers disagree on which of two same-named entries counts (we took the first, Excel
    // the last): the file means two things, so it is refused. Folder entries ('x/') hold nothing.
    if (byName.has(key) && !key.endsWith('/')) throw new XlsxError('duplicate-part', messages.duplicatePart(e.name), `duplicate entry ${e.name}`);
    byName.set(key, e);
  }
  return {
    bytes,
    entries,
    comment,
    maxPartBytes: limits.maxPartBytes ?? DEFAULT_MAX_PART_BYTES,
    find: (name) => byName.get(normalizePartName(name)),
  };
}

/** A deflated part declaring more than DEFLATE can produce from its data is damaged. */
export function assertPlausibleRatios(zip: ZipArchive): void {
  for (const e of zip.entries) {
    if (e.method === METHOD_DEFLATE && e.size > 1 << 20 && e.size > e.compressedSize * MAX_DEFLATE_RATIO) {
      throw truncated(`${e.name}: declares ${e.size} bytes from ${e.compressedSize}`);
    }
  }
}

function findEndOfCentralDirectory(b: Uint8Array): number {
  const stop = Math.max(0, b.length - 22 - 0xffff);
  for (let i = b.length - 22; i >= stop; i--) {
    if (b[i] === 0x50 && u32(b, i) === SIG_EOCD) return i;
  }
  throw truncated('end of central directory not found');
}

function readZip64End(b: Uint8Array, eocd: number): { count: number; cdSize: number; cdOffset: number } {
  const loc = eocd - 20;
  if (loc < 0 || u32(b, loc) !== SIG_ZIP64_LOCATOR) throw truncated('zip64 locator missing');
  const at = u64(b, loc + 8);
  if (at + 56 > b.length || u32(b, at) !== SIG_ZIP64_EOCD) throw truncated('zip64 end record missing');
  return { count: u64(b, at + 32), cdSize: u64(b, at + 40), cdOffset: u64(b, at + 48) };
}

type RawEntry = Omit<ZipEntry, 'recordEnd'>;

function readCentralDirectory(b: Uint8Array, offset: number, count: number): RawEntry[] {
  const out: RawEntry[] = [];
  let p = offset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > b.length || u32(b, p) !== SIG_CENTRAL) throw truncated(`central record ${i} damaged`);
    const nameLen = u16(b, p + 28);
    const extraLen = u16(b, p + 30);
    const commentLen = u16(b, p + 32);
    const end = p + 46 + nameLen + extraLen + commentLen;
    if (end > b.length) throw truncated(`central record ${i} cut`);
    const nameBytes = b.subarray(p + 46, p + 46 + nameLen);
    const sizes = {
      size: u32(b, p + 24),
      compressedSize: u32(b, p + 20),
      localOffset: u32(b, p + 42),
    };
    const zip64 = applyZip64Extra(b.subarray(p + 46 + nameLen, p + 46 + nameLen + extraLen), sizes);
    out.push({
      name: utf8.decode(nameBytes),
      nameBytes,
      flags: u16(b, p + 8),
      method: u16(b, p + 10),
      time: u16(b, p + 12),
      date: u16(b, p + 14),
      crc: u32(b, p + 16),
      ...sizes,
      central: b.subarray(p, end),
      zip64,
    });
    p = end;
  }
  return out;
}

/** Replaces 0xFFFFFFFF fields by their ZIP64 extra values; true if the entry has that extra. */
function applyZip64Extra(
  extra: Uint8Array,
  sizes: { size: number; compressedSize: number; localOffset: number },
): boolean {
  for (let q = 0; q + 4 <= extra.length; q += 4 + u16(extra, q + 2)) {
    if (u16(extra, q) !== 0x0001) continue;
    let r = q + 4;
    const next = (): number => {
      const v = u64(extra, r);
      r += 8;
      return v;
    };
    if (sizes.size === 0xffffffff) sizes.size = next();
    if (sizes.compressedSize === 0xffffffff) sizes.compressedSize = next();
    if (sizes.localOffset === 0xffffffff) sizes.localOffset = next();
    return true;
  }
  return false;
}

/** A record ends where the next one (by offset) starts, or where the central directory starts. */
function withRecordEnds(raw: RawEntry[], cdOffset: number): ZipEntry[] {
  const starts = raw.map((e) => e.localOffset).sort((a, b) => a - b);
  return raw.map((e) => {
    const i = upperBound(starts, e.localOffset);
    return { ...e, recordEnd: i < starts.length ? starts[i] : cdOffset };
  });
}

function upperBound(sorted: number[], v: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] <= v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function compressedData(zip: ZipArchive, e: ZipEntry): Uint8Array {
  const b = zip.bytes;
  const p = e.localOffset;
  if (p + 30 > b.length || u32(b, p) !== SIG_LOCAL) throw truncated(`local header of ${e.name} damaged`);
  const start = p + 30 + u16(b, p + 26) + u16(b, p + 28);
  if (start + e.compressedSize > b.length) throw truncated(`data of ${e.name} cut`);
  return b.subarray(start, start + e.compressedSize);
}

/** Inflates one entry into a buffer of its declared size, so a lying header cannot exhaust memory. */
export function inflateEntry(zip: ZipArchive, e: ZipEntry): Uint8Array {
  if (e.flags & FLAG_ENCRYPTED) throw new XlsxError('encrypted', messages.encrypted(), e.name);
  if (e.size > zip.maxPartBytes) {
    throw new XlsxError('too-large', messages.partTooLarge(e.name, e.size, zip.maxPartBytes), `${e.name}: ${e.size} > ${zip.maxPartBytes}`);
  }
  const raw = compressedData(zip, e);
  let out: Uint8Array;
  if (e.method === METHOD_STORED) out = raw.slice(0, e.size);
  else if (e.method === METHOD_DEFLATE) out = inflateRaw(raw, e);
  else throw new XlsxError('not-zip', messages.unsupportedZip('un método de compresión no admitido'), `method ${e.method}`);
  if (out.length !== e.size || zipCodec().crc32(out) !== e.crc) throw truncated(`${e.name}: size or CRC mismatch`);
  return out;
}

function inflateRaw(raw: Uint8Array, e: ZipEntry): Uint8Array {
  try {
    return zipCodec().inflateRaw(raw, e.size);
  } catch (err) {
    // Whatever the codec says about bad data (fflate's codes, zlib's Z_DATA_ERROR, an
    // output beyond the declared size), the part is damaged.
    throw truncated(`${e.name}: ${(err as Error).message}`);
  }
}

// ---------------------------------------------------------------- writing

/** An entry of the archive to write: an original one copied as is, new content, or new content already deflated. */
export type ZipItem =
  | { readonly kind: 'copy'; readonly entry: ZipEntry }
  | { readonly kind: 'new'; readonly name: string; readonly content: Uint8Array }
  | ({ readonly kind: 'deflated'; readonly name: string } & DeflatedContent);

/** A part's DEFLATE stream (in pieces), with the CRC-32 and size of what it inflates to. */
export interface DeflatedContent {
  readonly data: readonly Uint8Array[];
  readonly crc: number;
  readonly size: number;
}

/**
 * A part deflated while it is produced, piece by piece (`push` is an XmlBytes sink): a
 * generated sheet of tens of MB never exists whole, in text or in bytes. Deflated at level 1
 * once it outgrows one piece (as writeZip does above FAST_DEFLATE_BYTES), at 6 otherwise.
 */
export class DeflatingPart {
  private deflater: RawDeflater | undefined;
  private crc = 0;
  private size = 0;

  readonly push = (data: Uint8Array, final: boolean): void => {
    const codec = zipCodec();
    this.crc = codec.crc32(data, this.crc);
    this.size += data.length;
    this.deflater ??= codec.deflater(final && this.size <= FAST_DEFLATE_BYTES ? 6 : 1);
    this.deflater.push(data, final);
  };

  /** The part, once its final piece was pushed. */
  content(): DeflatedContent {
    if (!this.deflater) throw new Error('DeflatingPart: nothing was pushed');
    return { data: this.deflater.out, crc: this.crc >>> 0, size: this.size };
  }
}

interface Written {
  readonly central: Uint8Array;
}

/** Writes an archive; `source` supplies the bytes of copied entries. */
export function writeZip(items: readonly ZipItem[], source?: ZipArchive, comment?: Uint8Array): Uint8Array {
  const chunks: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  const push = (c: Uint8Array): void => {
    chunks.push(c);
    offset += c.length;
  };
  for (const item of items) {
    const start = offset;
    const w =
      item.kind === 'new'
        ? writeNew(item.name, item.content, push)
        : item.kind === 'deflated'
          ? writeFresh(freshHeader(item.name, item.crc, item.size), item.data, push)
          : writeCopy(item.entry, requireSource(source), push);
    centrals.push(withOffset(w.central, start));
  }
  const cdStart = offset;
  for (const c of centrals) push(c);
  push(endRecord(centrals.length, offset - cdStart, cdStart, comment ?? new Uint8Array(0)));
  return concat(chunks, offset);
}

/** Our writer does not write ZIP64: a copy beyond a plain ZIP's limits is refused, clearly. */
function copyTooLarge(detail: string): XlsxError {
  return new XlsxError('too-large', messages.copyTooLarge(), detail);
}

function requireSource(source: ZipArchive | undefined): ZipArchive {
  if (!source) throw new Error('writeZip: copying an entry needs its source archive');
  return source;
}

/** Above this size a part is deflated at level 1: 3× faster, about 15% larger. */
const FAST_DEFLATE_BYTES = 1 << 20;

function writeNew(name: string, content: Uint8Array, push: (c: Uint8Array) => void): Written {
  const codec = zipCodec();
  const data = codec.deflateRaw(content, content.length > FAST_DEFLATE_BYTES ? 1 : 6);
  return writeFresh(freshHeader(name, codec.crc32(content), content.length), [data], push);
}

function freshHeader(name: string, crc: number, size: number): FreshHeader {
  return { nameBytes: encoder.encode(name), method: METHOD_DEFLATE, flags: 0, crc, time: DOS_TIME, date: DOS_DATE, size };
}

/** Copies the local record verbatim; only ZIP64 entries get fresh (plain) headers. */
function writeCopy(e: ZipEntry, zip: ZipArchive, push: (c: Uint8Array) => void): Written {
  if (e.zip64) return writeFresh(e, [compressedData(zip, e)], push);
  compressedData(zip, e); // validates the local header before copying it
  push(zip.bytes.subarray(e.localOffset, e.recordEnd));
  return { central: e.central.slice() };
}

interface FreshHeader {
  readonly nameBytes: Uint8Array;
  readonly method: number;
  readonly flags: number;
  readonly crc: number;
  readonly time: number;
  readonly date: number;
  readonly size: number;
}

function writeFresh(h: FreshHeader, pieces: readonly Uint8Array[], push: (c: Uint8Array) => void): Written {
  const compressed = pieces.reduce((n, p) => n + p.length, 0);
  if (compressed >= 0xffffffff || h.size >= 0xffffffff) throw copyTooLarge(`part of ${h.size} bytes`);
  const flags = (h.flags & ~(FLAG_DATA_DESCRIPTOR | FLAG_UTF8)) | (isAscii(h.nameBytes) ? 0 : FLAG_UTF8);
  const local = new Uint8Array(30 + h.nameBytes.length);
  const lv = new DataView(local.buffer);
  lv.setUint32(0, SIG_LOCAL, true);
  lv.setUint16(4, 20, true);
  lv.setUint16(6, flags, true);
  lv.setUint16(8, h.method, true);
  lv.setUint16(10, h.time, true);
  lv.setUint16(12, h.date, true);
  lv.setUint32(14, h.crc, true);
  lv.setUint32(18, compressed, true);
  lv.setUint32(22, h.size, true);
  lv.setUint16(26, h.nameBytes.length, true);
  local.set(h.nameBytes, 30);
  push(local);
  for (const p of pieces) push(p);

  const central = new Uint8Array(46 + h.nameBytes.length);
  const cv = new DataView(central.buffer);
  cv.setUint32(0, SIG_CENTRAL, true);
  cv.setUint16(4, 20, true);
  cv.setUint16(6, 20, true);
  cv.setUint16(8, flags, true);
  cv.setUint16(10, h.method, true);
  cv.setUint16(12, h.time, true);
  cv.setUint16(14, h.date, true);
  cv.setUint32(16, h.crc, true);
  cv.setUint32(20, compressed, true);
  cv.setUint32(24, h.size, true);
  cv.setUint16(28, h.nameBytes.length, true);
  central.set(h.nameBytes, 46);
  return { central };
}

function withOffset(central: Uint8Array, offset: number): Uint8Array {
  if (offset >= 0xffffffff) throw copyTooLarge(`offset ${offset}`);
  new DataView(central.buffer, central.byteOffset).setUint32(42, offset, true);
  return central;
}

function endRecord(count: number, cdSize: number, cdOffset: number, comment: Uint8Array): Uint8Array {
  if (count > 0xffff) throw copyTooLarge(`${count} entries`);
  const b = new Uint8Array(22 + comment.length);
  const v = new DataView(b.buffer);
  v.setUint32(0, SIG_EOCD, true);
  v.setUint16(8, count, true);
  v.setUint16(10, count, true);
  v.setUint32(12, cdSize, true);
  v.setUint32(16, cdOffset, true);
  v.setUint16(20, comment.length, true);
  b.set(comment, 22);
  return b;
}

function isAscii(b: Uint8Array): boolean {
  for (let i = 0; i < b.length; i++) if (b[i] > 0x7f) return false;
  return true;
}

function concat(chunks: Uint8Array[], total: number): Uint8Array {
  const out = new Uint8Array(total);
  let p = 0;
  for (const c of chunks) {
    out.set(c, p);
    p += c.length;
  }
  return out;
}
