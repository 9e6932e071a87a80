/**
 * The CLI's code cache (src/cli/code-cache.ts) speeds a run up and never changes what runs: a
 * cache missing, damaged, refused by V8, or made for another bundle of the same length (which V8
 * alone would take) leaves the bundle compiled from its own text. Whether V8 takes a cache is
 * seen in a new process: within one, V8 reuses its own compilation of a text it already ran.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { loadBundle } from '../../src/cli/code-cache';

interface Bundle {
  greet(name: string): string;
  loadedFrom: string;
  builtin: string;
}

// A CommonJS file as webpack writes one: module.exports, require of a builtin, __filename.
const bundleText = (word: string): string =>
  [
    `const { basename } = require('node:path');`,
    `function shout(text) { return text.toUpperCase() + '!'; }`,
    `module.exports = {`,
    `  greet: (name) => '${word}, ' + shout(name),`,
    `  loadedFrom: basename(__filename),`,
    `  builtin: typeof require('node:fs').readFileSync,`,
    `};`,
  ].join('\n');

const CODE_CACHE = join(__dirname, '..', '..', 'src', 'cli', 'code-cache.ts');

function setUp(): { bundle: string; cache: string } {
  const dir = mkdtempSync(join(tmpdir(), 'poi-cache-'));
  const bundle = join(dir, 'bundle.js');
  writeFileSync(bundle, bundleText('hola'));
  // Loads the bundle in a new process, calls it, prints what happened, and saves the cache if asked.
  writeFileSync(
    join(dir, 'child.ts'),
    `import { loadBundle } from ${JSON.stringify(CODE_CACHE)};
const [bundle, cache, save] = process.argv.slice(2);
const loaded = loadBundle<{ greet(n: string): string }>(bundle, cache);
const greeting = loaded.exports.greet('ana');
if (save) loaded.save(save);
process.stdout.write(JSON.stringify({ cache: loaded.cache, greeting }));`,
  );
  return { bundle, cache: join(dir, 'bundle.cache') };
}

function inNewProcess(bundle: string, cache: string, save?: string): { cache: string; greeting: string } {
  const child = join(bundle, '..', 'child.ts');
  const r = spawnSync(process.execPath, ['--import', 'tsx', child, bundle, cache, ...(save ? [save] : [])], { encoding: 'utf8' });
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout) as { cache: string; greeting: string };
}

/** A cache saved after a run that called the bundle's functions. */
function trained(bundle: string, cache: string): void {
  expect(inNewProcess(bundle, cache, cache)).toEqual({ cache: 'none', greeting: 'hola, ANA!' });
}

/** Our header is 16 bytes; V8's data follows. Rewrites the header's CRC of that data. */
function resealed(cache: Buffer): Buffer {
  const copy = Buffer.from(cache);
  copy.writeUInt32LE(crc32(copy.subarray(16)) >>> 0, 12);
  return copy;
}

describe('loadBundle', () => {
  it('runs the bundle as require would when there is no cache', () => {
    const { bundle, cache } = setUp();
    const loaded = loadBundle<Bundle>(bundle, cache);
    expect(loaded.cache).toBe('none');
    expect(loaded.exports.greet('ana')).toBe('hola, ANA!');
    expect(loaded.exports.loadedFrom).toBe('bundle.js');
    expect(loaded.exports.builtin).toBe('function');
    expect(loadBundle<Bundle>(bundle, undefined).cache).toBe('none');
  });

  it('uses the cache saved after a run of the same bundle', () => {
    const { bundle, cache } = setUp();
    trained(bundle, cache);
    expect(inNewProcess(bundle, cache)).toEqual({ cache: 'used', greeting: 'hola, ANA!' });
  });

  it('ignores the cache of another bundle of the same length, and runs the new one', () => {
    const { bundle, cache } = setUp();
    trained(bundle, cache);
    const changed = bundleText('chau');
    expect(Buffer.byteLength(changed)).toBe(readFileSync(bundle).length);
    writeFileSync(bundle, changed);
    const loaded = loadBundle<Bundle>(bundle, cache);
    expect(loaded.cache).toBe('stale');
    expect(loaded.exports.greet('ana')).toBe('chau, ANA!');
  });

  it('ignores a damaged, cut or foreign cache file, and one it cannot read', () => {
    const { bundle, cache } = setUp();
    trained(bundle, cache);
    const good = readFileSync(cache);
    const flipped = Buffer.from(good);
    flipped[flipped.length - 100] ^= 0xff;
    const damaged: [string, Buffer][] = [
      ['a byte changed in V8 data', flipped],
      ['cut short', good.subarray(0, good.length >> 1)],
      ['only our header', good.subarray(0, 16)],
      ['not a cache', Buffer.from('{"not": "a cache"}')],
      ['empty', Buffer.alloc(0)],
    ];
    for (const [what, bytes] of damaged) {
      writeFileSync(cache, bytes);
      const loaded = loadBundle<Bundle>(bundle, cache);
      expect([what, loaded.cache]).toEqual([what, 'unreadable']);
      expect(loaded.exports.greet('ana')).toBe('hola, ANA!');
    }
    const folder = join(cache + '.d');
    mkdirSync(folder);
    expect(loadBundle<Bundle>(bundle, folder).cache).toBe('unreadable');
  });

  it('runs without the cache when V8 refuses it (another Node version or V8 flags)', () => {
    const { bundle, cache } = setUp();
    trained(bundle, cache);
    // V8's data starts with its magic number and then the hash of the V8 version that wrote it.
    const foreign = Buffer.from(readFileSync(cache));
    foreign[16 + 4] ^= 0xff;
    writeFileSync(cache, resealed(foreign));
    expect(inNewProcess(bundle, cache)).toEqual({ cache: 'rejected', greeting: 'hola, ANA!' });
  });
});
