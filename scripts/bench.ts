/**
 * npm run bench: the whole `poi-check --json` process, cold, on generated POI workbooks of
 * 1,000 / 10,000 / 50,000 / 100,000 AO (6 merged ranges per AO, headers repeated every printed
 * page) and on the Aplicativo's flat export of 20,000 rows × 279 columns, each paired with
 * SheetJS CE (`@e965/xlsx`) merely reading the same file in the same run: RUNS times each,
 * alternating which goes first, medians. Every measurement is its own process, so its peak
 * memory (maxRSS) is its own. The targets of issue 19 print next to the figures.
 *
 *   npm run bench                          everything, 5 paired runs
 *   npm run bench -- 10000                 one size (several allowed; `flat` for the export)
 *   npm run bench -- --runs 3              fewer runs
 *   npm run bench -- --detalle             also read / engine / patched copy, one process each
 *   BENCH_BIN=path/poi-check.js npx tsx scripts/bench.ts   another build, for a before/after
 */
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildWorkbook } from '../src/hosts/xlsx';
import { aei, ao, oei, poiSheet, type AoSpec, type OeiSpec } from '../test/fixtures/poi-sheet';

const ROOT = join(__dirname, '..');
const DIR = join(ROOT, '.tmp', 'bench');
// BENCH_BIN=other/poi-check.js measures another build (an older commit's) the same way.
const BIN = process.env.BENCH_BIN ?? join(ROOT, 'dist', 'node', 'cli', 'poi-check.js');
const SIZES = [1000, 10000, 50000, 100000];
const FLAT_ROWS = 20000;
const FLAT_YEAR = 2025;
/** Fecha de corte: the bench workbooks are of 2023 (S1), the flat export of FLAT_YEAR. */
const FECHA = '2023-08-15';
const FLAT_FECHA = `${FLAT_YEAR}-08-15`;

/** Issue 19's targets (issue 15's for the flat export). */
const TARGETS = {
  ao10k: { ms: 500, ratio: 0.35 },
  ao50k: { ms: 2000, mb: 500 },
  flat: { ms: 3000, mb: 1024, ratio: 0.5 },
};

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

/** Regenerates a cached file when its generator changed since. */
function cached(path: string, generator: string, make: () => Uint8Array): string {
  mkdirSync(DIR, { recursive: true });
  if (!existsSync(path) || statSync(path).mtimeMs < statSync(generator).mtimeMs) writeFileSync(path, make());
  return path;
}

function poiFile(count: number): string {
  return cached(join(DIR, `poi-${count}.xlsx`), join(ROOT, 'test', 'fixtures', 'poi-sheet.ts'), () =>
    buildWorkbook([benchSheet(count).sheetSpec('Reporte POI')]),
  );
}

/**
 * The flat export from the flat helper's generator (`test/fixtures/flat-export.ts`), when it
 * is there: null (printed "pendiente") until then.
 */
function flatFile(rows: number): string | null {
  const generator = join(ROOT, 'test', 'fixtures', 'flat-export.ts');
  if (!existsSync(generator)) return null;
  let mod: Record<string, unknown>;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    mod = require(generator) as Record<string, unknown>;
  } catch (error) {
    console.log(`(exportación plana: no se pudo cargar ${generator}: ${error instanceof Error ? error.message : String(error)})`);
    return null;
  }
  const bytes = flatWorkbookBytes(mod, rows);
  if (!bytes) {
    console.log('(exportación plana: test/fixtures/flat-export.ts no ofrece un generador conocido; ver flatWorkbookBytes en scripts/bench.ts)');
    return null;
  }
  return cached(join(DIR, `flat-${rows}.xlsx`), generator, () => bytes());
}

type Fn = (...args: unknown[]) => unknown;

/**
 * The generator's bench entry: `flatExportXlsx(benchExport(rows))` (test/fixtures/flat-export.ts:
 * `rows` data rows × 279 columns, one AO per row, year FLAT_YEAR).
 */
function flatWorkbookBytes(mod: Record<string, unknown>, rows: number): (() => Uint8Array) | null {
  if (typeof mod.benchExport !== 'function' || typeof mod.flatExportXlsx !== 'function') return null;
  const make = mod.benchExport as Fn;
  const toXlsx = mod.flatExportXlsx as Fn;
  return () => toXlsx(make(rows, FLAT_YEAR)) as Uint8Array;
}

interface Run {
  ms: number;
  mb: number;
  /** CPU time (user + system): what the machine's load disturbs least. */
  cpu: number;
  /** SheetJS: its read inside the process (what issue 19 compares against), wall and CPU. */
  readMs?: number;
  readCpu?: number;
}

function fromStderr(stderr: string): { mb: number; cpu: number } {
  const peak = /PEAK_RSS_KB (\d+)/.exec(stderr);
  const cpu = /CPU_US (\d+)/.exec(stderr);
  return { mb: peak ? Math.round(Number(peak[1]) / 1024) : NaN, cpu: cpu ? Number(cpu[1]) / 1000 : NaN };
}

/**
 * The whole `poi-check --json` process, as a planner runs it: `poi-check --json … > resultado.json`.
 * Its output goes to a file, not to a pipe read by this process: through a pipe, the child
 * waits on this process to drain every 64 KB of a 4 MB answer.
 */
function poiCheck(path: string, fecha: string, extra: string[] = []): Run | { failed: string } {
  const out = openSync(join(DIR, 'salida.json'), 'w');
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['-r', join(__dirname, 'print-peak-memory.js'), BIN, '--json', '--fecha-corte', fecha, ...extra, path], {
    encoding: 'utf8',
    stdio: ['ignore', out, 'pipe'],
    maxBuffer: 1 << 30,
  });
  const ms = performance.now() - t0;
  closeSync(out);
  if (r.status !== 0 && r.status !== 1) return { failed: (r.stderr || r.error?.message || '').split('\n')[0] };
  return { ms, ...fromStderr(r.stderr) };
}

/** SheetJS CE reading the file in its own process (dense, then every row as an array). */
function sheetjs(path: string): Run {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [join(__dirname, 'bench-measure.js'), 'sheetjs', path], { encoding: 'utf8', maxBuffer: 1 << 20 });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`SheetJS falló: ${r.stderr}`);
  const out = JSON.parse(r.stdout.trim().split('\n').pop()!) as { read: number; readCpu: number; peak: number };
  return { ms, mb: out.peak, cpu: NaN, readMs: out.read, readCpu: out.readCpu };
}

/**
 * A bare `node -e 0`, the floor under every process measured here: start-up the environment
 * imposes (NODE_EXTRA_CA_CERTS makes Node parse a CA bundle before any script runs).
 */
function bareNode(runs: number): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    spawnSync(process.execPath, ['-e', '0']);
    times.push(performance.now() - t0);
  }
  return median(times);
}

function child(kind: string, path: string): Record<string, number> {
  const r = spawnSync(process.execPath, [join(__dirname, 'bench-measure.js'), kind, path], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (r.status !== 0) throw new Error(`bench-measure ${kind} falló: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as Record<string, number>;
}

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');

interface Paired {
  label: string;
  mb: number;
  ours: number;
  oursCpu: number;
  oursMb: number;
  theirsRead: number;
  theirsReadCpu: number;
  theirsProcess: number;
  theirsMb: number;
  /** Median of the per-pair ratios ours / SheetJS read (robust to load drifting during the run). */
  ratio: number;
  /** The same with CPU times. */
  cpuRatio: number;
  spread: string;
  out?: number;
}

/** RUNS pairs, alternating which process goes first. */
function paired(label: string, path: string, fecha: string, runs: number, withOut: boolean): Paired | string {
  const ours: Run[] = [];
  const theirs: Run[] = [];
  const outs: number[] = [];
  const outPath = join(DIR, 'salida.xlsx');
  for (let i = 0; i < runs; i++) {
    const order = i % 2 === 0 ? ['ours', 'theirs'] : ['theirs', 'ours'];
    for (const who of order) {
      if (who === 'theirs') theirs.push(sheetjs(path));
      else {
        const r = poiCheck(path, fecha);
        // Until this build reads the flat export (issue 15), poi-check answers exit 2 on it.
        if ('failed' in r) return `pendiente (poi-check: ${r.failed.replace(/^poi-check: /, '').slice(0, 140)})`;
        ours.push(r);
      }
    }
    if (withOut) {
      const r = poiCheck(path, fecha, ['--out', outPath]);
      if (!('failed' in r)) outs.push(r.ms);
      rmSync(outPath, { force: true });
    }
  }
  const ratios = ours.map((o, i) => o.ms / theirs[i].readMs!);
  const times = ours.map((o) => o.ms);
  return {
    label,
    mb: statSync(path).size / 1e6,
    ours: median(times),
    oursCpu: median(ours.map((o) => o.cpu)),
    oursMb: median(ours.map((o) => o.mb)),
    theirsRead: median(theirs.map((t) => t.readMs!)),
    theirsReadCpu: median(theirs.map((t) => t.readCpu!)),
    theirsProcess: median(theirs.map((t) => t.ms)),
    theirsMb: median(theirs.map((t) => t.mb)),
    ratio: median(ratios),
    cpuRatio: median(ours.map((o, i) => o.cpu / theirs[i].readCpu!)),
    spread: `${fmt(Math.min(...times))}–${fmt(Math.max(...times))}`,
    out: outs.length ? median(outs) : undefined,
  };
}

function main(): void {
  const args = process.argv.slice(2);
  const runsAt = args.indexOf('--runs');
  const runs = runsAt >= 0 ? Math.max(1, Number(args[runsAt + 1])) : 5;
  const detail = args.includes('--detalle');
  const picked = args.filter((a, i) => !a.startsWith('--') && (runsAt < 0 || i !== runsAt + 1));
  const sizes = picked.length ? picked.map(Number).filter((n) => n > 0) : SIZES;
  const withFlat = picked.length === 0 || picked.includes('flat');
  if (!existsSync(BIN)) throw new Error('Falta dist/node/cli/poi-check.js: ejecute npm run build:cli');

  console.log(
    `Semáforo POI bench — ${BIN === join(ROOT, 'dist', 'node', 'cli', 'poi-check.js') ? '' : `${BIN}, `}Node ${process.version}, ${cpus().length} núcleos, ${Math.round(totalmem() / 2 ** 30)} GiB, ` +
      `${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, carga al empezar ${loadavg().map((l) => l.toFixed(1)).join(' ')}; ` +
      `${runs} corridas pareadas, medianas`,
  );
  const bare = bareNode(Math.max(5, runs));
  const certs = process.env.NODE_EXTRA_CA_CERTS ? '; NODE_EXTRA_CA_CERTS está definido: Node lee ese archivo de certificados al arrancar' : '';
  console.log(`Node vacío (\`node -e 0\`), el piso de todo proceso medido aquí: ${fmt(bare)} ms${certs}`);
  const results: Paired[] = [];
  const head =
    '| archivo | MB | `poi-check --json`: proceso entero (mediana; mín–máx) | CPU | memoria pico | SheetJS: leer (en su proceso) | CPU | SheetJS: proceso entero | memoria pico | nuestro / SheetJS leer | en CPU | CPU por 1,000 AO |';
  const table = [head, '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|'];
  const line = (p: Paired, perThousand: string): string =>
    `| ${p.label} | ${p.mb.toFixed(2)} | ${fmt(p.ours)} ms (${p.spread}) | ${fmt(p.oursCpu)} ms | ${fmt(p.oursMb)} MB | ${fmt(p.theirsRead)} ms | ${fmt(p.theirsReadCpu)} ms | ${fmt(p.theirsProcess)} ms | ${fmt(p.theirsMb)} MB | ${p.ratio.toFixed(2)} | ${p.cpuRatio.toFixed(2)} | ${perThousand} |`;
  console.log('\n' + table.join('\n'));
  for (const count of sizes) {
    const p = paired(`${fmt(count)} AO`, poiFile(count), FECHA, runs, false);
    if (typeof p === 'string') throw new Error(p);
    results.push(p);
    const row = line(p, (p.oursCpu / (count / 1000)).toFixed(0));
    table.push(row);
    console.log(row);
  }
  let flat: Paired | string = 'pendiente';
  if (withFlat) {
    const path = flatFile(FLAT_ROWS);
    if (path) flat = paired(`exportación plana ${fmt(FLAT_ROWS)} filas × 279 col.`, path, FLAT_FECHA, runs, true);
    const row = typeof flat === 'string' ? `| exportación plana ${fmt(FLAT_ROWS)} filas × 279 col. | ${flat} | | | | | | | | | | |` : line(flat, '');
    table.push(row);
    console.log(row);
  }

  // Targets next to what was measured.
  const bySize = new Map(sizes.map((s, i) => [s, results[i]]));
  const verdict = (ok: boolean): string => (ok ? 'cumple' : '**no cumple**');
  const targets = ['| objetivo | medido | |', '|---|---:|---|'];
  const k10 = bySize.get(10000);
  if (k10) {
    targets.push(`| 10,000 AO: proceso entero ≤ ${TARGETS.ao10k.ms} ms | ${fmt(k10.ours)} ms (CPU ${fmt(k10.oursCpu)} ms) | ${verdict(k10.ours <= TARGETS.ao10k.ms)} |`);
    targets.push(`| 10,000 AO: ≤ ${TARGETS.ao10k.ratio} × lectura de SheetJS | ${k10.ratio.toFixed(2)} × (en CPU ${k10.cpuRatio.toFixed(2)} ×) | ${verdict(k10.ratio <= TARGETS.ao10k.ratio)} |`);
  }
  const k50 = bySize.get(50000);
  if (k50) {
    targets.push(`| 50,000 AO: proceso entero ≤ ${TARGETS.ao50k.ms} ms | ${fmt(k50.ours)} ms (CPU ${fmt(k50.oursCpu)} ms) | ${verdict(k50.ours <= TARGETS.ao50k.ms)} |`);
    targets.push(`| 50,000 AO: memoria pico ≤ ${TARGETS.ao50k.mb} MB | ${fmt(k50.oursMb)} MB | ${verdict(k50.oursMb <= TARGETS.ao50k.mb)} |`);
  }
  if (withFlat) {
    if (typeof flat === 'string') targets.push(`| exportación plana 20,000 filas: ≤ ${TARGETS.flat.ms} ms | ${flat} | |`);
    else {
      targets.push(`| exportación plana 20,000 filas: \`--json\` ≤ ${TARGETS.flat.ms} ms | ${fmt(flat.ours)} ms (CPU ${fmt(flat.oursCpu)} ms) | ${verdict(flat.ours <= TARGETS.flat.ms)} |`);
      targets.push(
        `| exportación plana: con \`--out\` (reporte generado) ≤ ${TARGETS.flat.ms} ms | ${flat.out === undefined ? 'no disponible' : `${fmt(flat.out)} ms`} | ${flat.out === undefined ? '' : verdict(flat.out <= TARGETS.flat.ms)} |`,
      );
      targets.push(`| exportación plana: memoria pico < ${TARGETS.flat.mb} MB | ${fmt(flat.oursMb)} MB | ${verdict(flat.oursMb < TARGETS.flat.mb)} |`);
      targets.push(`| exportación plana: ≤ ${TARGETS.flat.ratio} × lectura de SheetJS | ${flat.ratio.toFixed(2)} × | ${verdict(flat.ratio <= TARGETS.flat.ratio)} |`);
    }
  }
  // Linear growth on CPU time (wall time follows the machine's load, which drifts during a run).
  for (let i = 1; i < results.length; i++) {
    const [a, b] = [results[i - 1], results[i]];
    const [n0, n1] = [sizes[i - 1], sizes[i]];
    const grow = b.oursCpu / a.oursCpu;
    targets.push(
      `| crecimiento lineal ${fmt(n0)} → ${fmt(n1)} AO (×${n1 / n0}) | CPU ×${grow.toFixed(1)}, memoria ×${(b.oursMb / a.oursMb).toFixed(1)} | ${grow <= (n1 / n0) * 1.15 ? 'lineal o mejor' : '**más que lineal**'} |`,
    );
  }
  console.log('\n' + targets.join('\n'));

  if (detail) {
    const rows = ['| AO | filas | celdas escritas | leer | motor | escribir copia | memoria pico (leer+motor+copia) |', '|---:|---:|---:|---:|---:|---:|---:|'];
    for (const count of sizes) {
      const o = child('ours', poiFile(count));
      rows.push(`| ${fmt(count)} | ${fmt(o.rows)} | ${fmt(o.cells)} | ${o.read} ms | ${o.engine} ms | ${o.write} ms | ${o.peak} MB |`);
    }
    console.log('\nDetalle (un proceso por tamaño, código empaquetado de dist/node/bench/engine.js):\n' + rows.join('\n'));
  }
}

main();
