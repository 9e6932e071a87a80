/**
 * The raw DEFLATE and CRC-32 primitives the ZIP layer uses, behind one small seam so each
 * runtime gets its fastest: fflate (pure JS) by default, everywhere including the browser;
 * Node's native zlib when the Node entry point calls `useNodeCodec()` (node-codec.ts),
 * which this module never imports, so a browser bundle never pulls in `node:zlib`.
 */
import { Deflate, deflateSync, inflateSync } from 'fflate';

export interface ZipCodec {
  readonly name: string;
  /**
   * Inflates raw DEFLATE data that declares `size` bytes of output. May return fewer or
   * throw when the data is damaged; must never allocate more than `size` bytes of output
   * (a lying header cannot exhaust memory). The caller checks length and CRC.
   */
  inflateRaw(data: Uint8Array, size: number): Uint8Array;
  deflateRaw(data: Uint8Array, level: 1 | 6): Uint8Array;
  /** A raw DEFLATE stream fed piece by piece (a part too big to hold whole, see zip.ts). */
  deflater(level: 1 | 6): RawDeflater;
  /** CRC-32 of `data`, or of the bytes before it (whose CRC is `crc`) followed by `data`. */
  crc32(data: Uint8Array, crc?: number): number;
}

export interface RawDeflater {
  /** Compresses `data`, which it does not keep (the caller reuses the buffer); `final` for the last piece. */
  push(data: Uint8Array, final: boolean): void;
  /** The compressed stream so far, in pieces. */
  readonly out: readonly Uint8Array[];
}

export const fflateCodec: ZipCodec = {
  name: 'fflate',
  inflateRaw: (data, size) => inflateSync(data, { out: new Uint8Array(size) }),
  deflateRaw: (data, level) => deflateSync(data, { level }),
  deflater(level) {
    const out: Uint8Array[] = [];
    // fflate copies each pushed piece into its own window buffer before returning.
    const d = new Deflate({ level }, (chunk) => out.push(chunk));
    return { out, push: (data, final) => d.push(data, final) };
  },
  crc32: (data, crc) => crc32(data, crc),
};

let current: ZipCodec = fflateCodec;

/** The codec in use. */
export function zipCodec(): ZipCodec {
  return current;
}

/** Selects the codec for every later read and write (tests restore the default with fflateCodec). */
export function setZipCodec(codec: ZipCodec): void {
  current = codec;
}

// ---------------------------------------------------------------- CRC-32 (pure JS)

/**
 * Slicing-by-8 tables: 8 bytes per step, about 3× faster than the byte-wise loop on big parts.
 * Made on first use: Node's codec has a native CRC, and a CLI start-up need not build them.
 */
let crcTables: Int32Array | undefined;

function makeCrcTables(): Int32Array {
  const t = new Int32Array(256 * 8);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  for (let n = 0; n < 256; n++) {
    for (let k = 1; k < 8; k++) t[k * 256 + n] = t[(k - 1) * 256 + n] >>> 8 ^ t[t[(k - 1) * 256 + n] & 0xff];
  }
  return t;
}

export function crc32(data: Uint8Array, crc = 0): number {
  const t = (crcTables ??= makeCrcTables());
  let c = crc ^ -1;
  let i = 0;
  for (const end = data.length - 8; i <= end; i += 8) {
    const lo = c ^ (data[i] | (data[i + 1] << 8) | (data[i + 2] << 16) | (data[i + 3] << 24));
    c =
      t[1792 + (lo & 0xff)] ^ t[1536 + ((lo >>> 8) & 0xff)] ^ t[1280 + ((lo >>> 16) & 0xff)] ^ t[1024 + (lo >>> 24)] ^
      t[768 + data[i + 4]] ^ t[512 + data[i + 5]] ^ t[256 + data[i + 6]] ^ t[data[i + 7]];
  }
  for (; i < data.length; i++) c = t[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}
