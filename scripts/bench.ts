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
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
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
    writeFileSync(path, buildWorkbook([sheet.sheetSpec('Reporte POI')]));
  }
  return path;
}


function child(kind: string, path: string): Record<string, number> {
  // Each measurement in its own plain node process: its peak memory is its own, and no TypeScript loader runs.
  const out = execFileSync(process.execPath, [join(__dirname, 'bench-measure.js'), kind, path], { encoding: 'utf8', maxBuffer: 1 << 20 });
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

main();
