/**
 * One bench measurement in a plain node process (no TypeScript loader), on the bundled code
 * as poi-check runs it: `node scripts/bench-measure.js ours|sheetjs FILE`. Prints one JSON line.
 * `sheetjs` is SheetJS CE merely reading the file: the reference of issue 19's targets.
 */
const { readFileSync } = require('node:fs');
const { join } = require('node:path');

const ROOT = join(__dirname, '..');
const FECHA = '2023-08-15';
const ms = (t0) => Math.round(performance.now() - t0);
const peakMb = () => Math.round(process.resourceUsage().maxRSS / 1024);

function ours(data) {
  // Bundled as the CLI is (npm run build:cli -- --env bench).
  const { analyze, findLayout, openXlsx, writePatchedCopy, observationsSheet, patchEdits } = require(join(ROOT, 'dist', 'node', 'bench', 'engine.js'));
  let t0 = performance.now();
  const pkg = openXlsx(data);
  const name = pkg.sheets[0].name;
  const grid = pkg.readSheet(name);
  const read = ms(t0);
  t0 = performance.now();
  const analysis = analyze(grid, { fechaCorte: FECHA, sheet: name });
  const engine = ms(t0);
  if (!findLayout(grid)) throw new Error('bench workbook not recognised');
  t0 = performance.now();
  const copy = writePatchedCopy(data, name, patchEdits(analysis), [observationsSheet(analysis)]);
  const write = ms(t0);
  return { read, engine, write, cells: analysis.patch.cells.length, rows: grid.rows.length, copyBytes: copy.length, peak: peakMb() };
}

function sheetjs(data) {
  const XLSX = require('@e965/xlsx');
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const wb = XLSX.read(data, { dense: true });
  const ws = wb.Sheets[wb.SheetNames[0]];
  const rows = XLSX.utils.sheet_to_json(ws, { header: 1, raw: true });
  const read = ms(t0);
  const c = process.cpuUsage(c0);
  return { read, readCpu: Math.round((c.user + c.system) / 1000), rows: rows.length, merges: (ws['!merges'] || []).length, peak: peakMb() };
}

const [kind, file] = process.argv.slice(2);
const data = new Uint8Array(readFileSync(file));
console.log(JSON.stringify(kind === 'ours' ? ours(data) : sheetjs(data)));
