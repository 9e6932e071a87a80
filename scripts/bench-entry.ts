/**
 * The pieces `scripts/bench-measure.js` times one by one (read, engine, patched copy), bundled
 * by `npm run build:cli -- --env bench` into dist/node/bench/engine.js exactly as the CLI
 * bundles them.
 */
export { analyze, findLayout } from '../src/engine';
export { openXlsx, writePatchedCopy } from '../src/hosts/xlsx';
export { observationsSheet, patchEdits } from '../src/hosts/xlsx/tool-sheets';
