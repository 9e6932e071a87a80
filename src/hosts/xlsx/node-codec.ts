/**
 * Node's native zlib as the ZIP codec: inflating a 10,000-AO sheet natively takes a fraction
 * of fflate's time, and CRC-32 likewise (zlib.crc32, Node ≥ 20.15; ours otherwise).
 * Node only: the CLI entry calls `useNodeCodec()` once; nothing in the host's index
 * imports this file, so the browser bundle never contains `node:zlib`.
 */
// eslint-disable-next-line no-restricted-imports -- the one Node-only module of this host (see above)
import * as zlib from 'node:zlib';
import { crc32, setZipCodec, type ZipCodec } from './codec';

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
  crc32: nativeCrc ? (data) => nativeCrc(data) >>> 0 : crc32,
};

/** Makes every later read and write of the .xlsx host use Node's zlib. */
export function useNodeCodec(): void {
  setZipCodec(nodeCodec);
}
