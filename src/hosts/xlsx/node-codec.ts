/**
 * Node's native zlib as the ZIP codec: inflating a 10,000-AO sheet natively takes a fraction
 * of fflate's time, and CRC-32 likewise (zlib.crc32, Node ≥ 20.15; ours otherwise).
 * Node only: the CLI entry calls `useNodeCodec()` once; nothing in the host's index
 * imports this file, so the browser bundle never contains `node:zlib`.
 */
// eslint-disable-next-line no-restricted-imports -- the one Node-only module of this host (see above)
import * as zlib from 'node:zlib';
import { crc32, setZipCodec, type RawDeflater, type ZipCodec } from './codec';

const nativeCrc = (zlib as { crc32?: (data: Uint8Array, value?: number) => number }).crc32;

export const nodeCodec: ZipCodec = {
  name: 'node:zlib',
  inflateRaw(data, size) {
    // maxOutputLength: a part that inflates past its declared size fails instead of growing;
    // chunkSize: one output buffer of the declared size, so no concatenation copy (the
    // size is bounded by the ZIP layer's part limit before this is called).
    const out = zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, size), chunkSize: Math.max(zlib.constants.Z_MIN_CHUNK, size) });
    return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
  },
  deflateRaw(data, level) {
    const out = zlib.deflateRawSync(data, { level });
    return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
  },
  deflater: (level) => new NodeDeflater(level),
  crc32: nativeCrc ? (data, crc) => nativeCrc(data, crc ?? 0) >>> 0 : crc32,
};

/** DEFLATE's window: how far back a piece may refer into the one before. */
const WINDOW = 32 * 1024;

/**
 * Each piece deflated on its own and ended with a sync flush (byte-aligned, not final), so
 * the pieces concatenate into one valid stream; primed with the previous piece's last 32 KB
 * as its dictionary, so it compresses as one stream would (the technique of pigz).
 */
class NodeDeflater implements RawDeflater {
  readonly out: Uint8Array[] = [];
  private window: Buffer | undefined;

  constructor(private readonly level: 1 | 6) {}

  push(data: Uint8Array, final: boolean): void {
    const options: zlib.ZlibOptions = { level: this.level, finishFlush: final ? zlib.constants.Z_FINISH : zlib.constants.Z_SYNC_FLUSH };
    if (this.window) options.dictionary = this.window;
    const out = zlib.deflateRawSync(data, options);
    this.out.push(new Uint8Array(out.buffer, out.byteOffset, out.byteLength));
    if (final) return;
    // The last 32 KB written so far, copied (`data` is reused), across pieces shorter than that.
    const keep = Math.min(WINDOW, data.length);
    const before = this.window ? this.window.subarray(Math.max(0, this.window.length - (WINDOW - keep))) : Buffer.alloc(0);
    this.window = Buffer.concat([before, data.subarray(data.length - keep)]);
  }
}

/** Makes every later read and write of the .xlsx host use Node's zlib. */
export function useNodeCodec(): void {
  setZipCodec(nodeCodec);
}
