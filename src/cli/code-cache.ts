/**
 * Runs the bundled CLI with V8's code cache: the bytecode of every function a representative run
 * compiled, saved at build time (scripts/cli-code-cache.js), so a run neither compiles the
 * bundle's top level nor, on first call, each function it uses (about 35 ms of every run).
 *
 * The cache is never needed for correctness: missing, unreadable, damaged, made for another
 * bundle (V8 itself only compares the source's length) or by another Node, it is not used and
 * V8 compiles the bundle as `require` would. Our header ties it to the bundle's exact bytes.
 */
import { readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { Script } from 'node:vm';
import * as zlib from 'node:zlib';

/** What became of the cache: `used`, or why not. */
export type CacheUse = 'used' | 'none' | 'unreadable' | 'stale' | 'rejected' | 'unsupported';

export interface LoadedBundle<T> {
  readonly exports: T;
  readonly cache: CacheUse;
  /** Writes the code cache of everything compiled so far (the build's training runs). */
  save(file: string): void;
}

/** "PCC1", then the bundle's byte length, its CRC-32 and the CRC-32 of V8's data after the header. */
const MAGIC = 0x31434350;
const HEADER = 16;

/**
 * The CommonJS wrapper, ours rather than Module.wrap (which a preloaded module may replace):
 * the compiled text is then fixed by the bundle's bytes, which the header's CRC-32 checks.
 */
const wrap = (source: string): string => `(function (exports, require, module, __filename, __dirname) { ${source}\n});`;

// zlib.crc32 is Node ≥ 20.15; on an older Node the cache is simply not used.
const crc32 = (zlib as { crc32?: (data: Uint8Array) => number }).crc32;
const crc = (data: Uint8Array): number => crc32!(data) >>> 0;

/** V8's data of `file` if it was made for exactly `source`; otherwise why not. */
function readCache(file: string, source: Buffer): Buffer | CacheUse {
  if (!crc32) return 'unsupported';
  let data: Buffer;
  try {
    data = readFileSync(file);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'none' : 'unreadable';
  }
  if (data.length <= HEADER || data.readUInt32LE(0) !== MAGIC) return 'unreadable';
  if (data.readUInt32LE(4) !== source.length || data.readUInt32LE(8) !== crc(source)) return 'stale';
  const payload = data.subarray(HEADER);
  return data.readUInt32LE(12) === crc(payload) ? payload : 'unreadable';
}

/**
 * Evaluates the CommonJS file `bundle` (as `require` would, once) with the code cache of
 * `cacheFile` when it fits; `cacheFile` undefined: without it.
 */
export function loadBundle<T>(bundle: string, cacheFile: string | undefined): LoadedBundle<T> {
  const source = readFileSync(bundle);
  const cached = cacheFile === undefined ? 'none' : readCache(cacheFile, source);
  const script = new Script(wrap(source.toString('utf8')), {
    filename: bundle,
    ...(typeof cached === 'string' ? {} : { cachedData: cached }),
  });
  const cache: CacheUse = typeof cached === 'string' ? cached : script.cachedDataRejected ? 'rejected' : 'used';
  const module = { exports: {} as T };
  (script.runInThisContext() as (...args: unknown[]) => void).call(module.exports, module.exports, createRequire(bundle), module, bundle, dirname(bundle));
  return {
    exports: module.exports,
    cache,
    save(file) {
      const data = script.createCachedData();
      const header = Buffer.alloc(HEADER);
      header.writeUInt32LE(MAGIC, 0);
      header.writeUInt32LE(source.length, 4);
      header.writeUInt32LE(crc32 ? crc(source) : 0, 8);
      header.writeUInt32LE(crc32 ? crc(data) : 0, 12);
      // Renamed into place whole: a run reading it meanwhile sees the old file or the new one.
      const tmp = `${file}.${process.pid}.tmp`;
      try {
        writeFileSync(tmp, Buffer.concat([header, data]));
        renameSync(tmp, file);
      } catch (error) {
        try {
          unlinkSync(tmp);
        } catch {
          // Never created.
        }
        throw error;
      }
    },
  };
}
