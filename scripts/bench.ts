/**
 * npm run bench: generates POI workbooks (6 merged ranges per AO, headers repeated every
 * printed page) at 1,000 / 10,000 / 50,000 AO and prints, for each, our read, engine and
 * write-copy times and peak memory, SheetJS CE reading the same file, and the whole
 * `poi-check --json` process. Each measurement runs in its own process so peak memory is its own.
 *
 *   npm run bench              all sizes
 *   npm run bench -- 1000      one size
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildWorkbook } from '../src/hosts/xlsx';
import { aei, ao, oei, poiSheet, type AoSpec, type OeiSpec } from '../test/fixtures/poi-sheet';

const ROOT = join(__dirname, '..');
const DIR = join(ROOT, '.tmp', 'bench');
const SIZES = [1000, 10000, 50000];
const FECHA = '2023-08-15';

/** A report with `count` AO: 10 AO per AEI, 10 AEI per OEI, varied values, blank computed cells. */
export function benchSheet(count: number) {
  const objectives: OeiSpec[] = [];
  let made = 0;
  for (let o = 1; made < count; o++) {
    const actions = [];
    for (let a = 1; a <= 10 && made < count; a++) {
      const activities: AoSpec[] = [];
      for (let i = 0; i < 10 && made < count; i++, made++) {
        const k = made % 7;
        activities.push(
          ao({
            code: `AOI${30126400000 + made}`,
            aggregation: k === 5 ? 'Acumulado Mensual' : k === 6 ? 'No Acumulado' : 'Acumulado Anual',
            prog: [1, 1, k, 2, 1, 1],
            exec: [1, 0, k, 2, k % 2, 1],
            finProg: [1000, 2000.5, 0, 3000, 1000, 1500.25],
            finExec: [900.1, 2100, 0, '2,500.00', 800, 1499.99],
          }),
        );
      }
      actions.push(aei(`${String(o).padStart(2, '0')}.${String(a).padStart(2, '0')}`, activities));
    }
    objectives.push(oei(String(o).padStart(2, '0'), actions));
  }
  return poiSheet({ objectives, repeatHeaderEvery: 40 });
}

function fileFor(count: number): string {
  mkdirSync(DIR, { recursive: true });
  const path = join(DIR, `poi-${count}.xlsx`);
  if (!existsSync(path)) {
    const sheet = benchSheet(count);
    const table = sheet.table.map((r) => r.map((c) => c ?? { value: null }));
    writeFileSync(path, buildWorkbook([{ name: 'Reporte POI', table, merges: sheet.mergeRefs() }]));
  }
  return path;
}

const ms = (t0: number): number => Math.round(performance.now() - t0);
const peakMb = (): number => Math.round(process.resourceUsage().maxRSS / 1024);

/** Child process: one measurement, printed as JSON. */
function measure(kind: string, path: string): void {
  const data = new Uint8Array(readFileSync(path));
  if (kind === 'ours') {
    // The compiled code, as poi-check runs it (npm run bench builds it first).
    /* eslint-disable @typescript-eslint/no-require-imports */
    const { analyze, findLayout, observationsTable, OBSERVATIONS_SHEET } = require(join(ROOT, 'dist', 'node', 'engine')) as typeof import('../src/engine');
    const { openXlsx, writePatchedCopy } = require(join(ROOT, 'dist', 'node', 'hosts', 'xlsx')) as typeof import('../src/hosts/xlsx');
    /* eslint-enable @typescript-eslint/no-require-imports */
    let t0 = performance.now();
    const pkg = openXlsx(data);
    const grid = pkg.readSheet(pkg.sheets[0].name);
    const read = ms(t0);
    t0 = performance.now();
    const analysis = analyze(grid, { fechaCorte: FECHA, sheet: pkg.sheets[0].name });
    const engine = ms(t0);
    if (!findLayout(grid)) throw new Error('bench workbook not recognised');
    t0 = performance.now();
    const copy = writePatchedCopy(
      data,
      pkg.sheets[0].name,
      analysis.patch.cells.map((c) => ({ row: c.at.row, col: c.at.col, value: c.value })),
      [{ name: OBSERVATIONS_SHEET, table: observationsTable(analysis) }],
    );
    const write = ms(t0);
    console.log(JSON.stringify({ read, engine, write, cells: analysis.patch.cells.length, rows: grid.rows.length, copyBytes: copy.length, peak: peakMb() }));
  } else {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const XLSX = require('@e965/xlsx') as typeof import('@e965/xlsx');
    const t0 = performance.now();
    const wb = XLSX.read(data, { dense: true });
    const ws = wb.Sheets[wb.SheetNames[0]];
    const rows = XLSX.utils.sheet_to_json(ws, { header: 1, raw: true });
    const read = ms(t0);
    console.log(JSON.stringify({ read, rows: rows.length, merges: (ws['!merges'] ?? []).length, peak: peakMb() }));
  }
}

function child(kind: string, path: string): Record<string, number> {
  const out = execFileSync(process.execPath, ['--import', 'tsx', __filename, '--measure', kind, path], { encoding: 'utf8', maxBuffer: 1 << 20 });
  return JSON.parse(out.trim().split('\n').pop()!) as Record<string, number>;
}

/** The whole `poi-check --json` process: wall time and peak memory. */
function cliRun(path: string): { ms: number; peakMb: number } | null {
  const bin = join(ROOT, 'dist', 'node', 'cli', 'poi-check.js');
  if (!existsSync(bin)) return null;
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['-r', join(__dirname, 'print-peak-memory.js'), bin, '--json', '--fecha-corte', FECHA, path], {
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  const ms = Math.round(performance.now() - t0);
  if (r.status === 2) throw new Error(`poi-check falló: ${r.stderr}`);
  const peak = /PEAK_RSS_KB (\d+)/.exec(r.stderr);
  return { ms, peakMb: peak ? Math.round(Number(peak[1]) / 1024) : NaN };
}

function main(): void {
  const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
  const rows: string[] = [
    '| AO | filas | celdas escritas | leer (nuestro) | motor | leer + motor | escribir copia | memoria pico (leer+motor+copia) | SheetJS leer | SheetJS memoria | SheetJS / nuestro | `poi-check --json`: proceso entero | `poi-check --json`: memoria pico |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  console.log(`Semáforo POI bench — Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`);
  for (const count of sizes.length ? sizes : SIZES) {
    const path = fileFor(count);
    const ours = child('ours', path);
    const theirs = child('sheetjs', path);
    const cli = cliRun(path);
    const row = `| ${count.toLocaleString('en-US')} | ${ours.rows.toLocaleString('en-US')} | ${ours.cells.toLocaleString('en-US')} | ${ours.read} ms | ${ours.engine} ms | ${ours.read + ours.engine} ms | ${ours.write} ms | ${ours.peak} MB | ${theirs.read} ms | ${theirs.peak} MB | ${(theirs.read / ours.read).toFixed(1)}× | ${cli === null ? '(npm run build:cli)' : `${cli.ms} ms`} | ${cli === null ? '' : `${cli.peakMb} MB`} |`;
    rows.push(row);
    console.log(row);
  }
  console.log('\n' + rows.join('\n'));
}

if (process.argv[2] === '--measure') measure(process.argv[3], process.argv[4]);
else main();
