/**
 * Makes dist/node/cli/poi-check-bundle.cache, the CLI's V8 code cache (src/cli/code-cache.ts):
 * poi-check itself runs on the sample workbook, as a planner runs it (--json, then the text
 * report), and saves the bytecode of everything it compiled. Each run starts from the cache of
 * the one before, so the last holds both. Run by webpack.cli.config.js after each build, with
 * the same Node binary (V8 accepts a cache only from its own version and flags).
 * `node scripts/cli-code-cache.js` redoes it for the current build.
 */
const { spawnSync } = require('node:child_process');
const { existsSync, unlinkSync } = require('node:fs');
const { join } = require('node:path');

const ROOT = join(__dirname, '..');
const BIN = join(ROOT, 'dist', 'node', 'cli', 'poi-check.js');
const CACHE = join(ROOT, 'dist', 'node', 'cli', 'poi-check-bundle.cache');
const SAMPLE = join(ROOT, 'samples', 'la-victoria-2023-s1.xlsx');
const RUNS = [
  ['--json', '--fecha-corte', '2023-08-01', SAMPLE],
  ['--fecha-corte', '2023-08-01', SAMPLE],
];

function main() {
  if (existsSync(CACHE)) unlinkSync(CACHE);
  // NODE_OPTIONS could hold V8 flags (--max-old-space-size…): a cache made under them is refused without them.
  const env = { ...process.env, POI_CHECK_SAVE_CODE_CACHE: CACHE };
  delete env.NODE_OPTIONS;
  delete env.POI_CHECK_CODE_CACHE;
  for (const args of RUNS) {
    const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
    // 1: the sample's own published inconsistencies (samples/README.md).
    if (r.status !== 0 && r.status !== 1) throw new Error(`poi-check ${args.join(' ')} terminó con ${r.status ?? r.signal}: ${r.stderr || r.error}`);
  }
  if (!existsSync(CACHE)) throw new Error(`no se escribió ${CACHE}`);
}

main();
