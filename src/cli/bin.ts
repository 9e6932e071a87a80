#!/usr/bin/env node
/**
 * `poi-check` (dist/node/cli/poi-check.js, webpack.cli.config.js): a small loader that runs the
 * bundled command, poi-check-bundle.js next to it, with the code cache the build made for it
 * (code-cache.ts). `POI_CHECK_CODE_CACHE=0` runs without the cache (to measure what it saves).
 */
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { loadBundle, type LoadedBundle } from './code-cache';
import type * as Bundle from './bundle';

// Before any of our code is compiled: poi-check is one pass over a workbook, and V8's optimising
// compiler spent more CPU inlining its one-pass loops into their callers (compiling the same code
// again for each) than the inlined code gave back: 10,000 AO 0.72 → 0.65 s of CPU, 50,000 AO
// 1.69 → 1.56 s. Set here, it is part of the flags the code cache is made and checked under.
// Node warns that flags changed after start may misbehave; this one only steers which calls
// the optimising compiler inlines into the jobs it starts from now on, and nothing has run yet.
setFlagsFromString('--no-turbo-inlining');

const BUNDLE = join(__dirname, 'poi-check-bundle.js');
const CACHE = join(__dirname, 'poi-check-bundle.cache');

let loaded: LoadedBundle<typeof Bundle>;
try {
  loaded = loadBundle<typeof Bundle>(BUNDLE, process.env.POI_CHECK_CODE_CACHE === '0' ? undefined : CACHE);
} catch (error) {
  const cause = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'falta' : 'no se pudo cargar';
  process.stderr.write(`poi-check: instalación incompleta: ${cause} ${BUNDLE}. Vuelva a instalar o compilar poi-check (npm run build:cli).\n`);
  if (process.env.POI_CHECK_DEBUG && process.env.POI_CHECK_DEBUG !== '0') process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(2);
}

// The build's training runs (scripts/cli-code-cache.js) save what they compiled.
const saveTo = process.env.POI_CHECK_SAVE_CODE_CACHE;
void loaded.exports.runCli().then(() => {
  if (saveTo) loaded.save(saveTo);
  // Everything was written synchronously (stdio.ts): leaving now spares Node's teardown of a
  // large heap, where a garbage collection left pending ran to the end (a 10,000-AO run: 3-7 ms).
  process.exit();
});
