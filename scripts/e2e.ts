/**
 * Browser tests of the offline page: `npx tsx scripts/e2e.ts [--no-build]`.
 * Builds dist/ when it is older than the sources (or reuses it), serves it on 127.0.0.1,
 * runs test/e2e/web.e2e.ts in Debian's headless Chromium, prints `N passed, N failed`
 * and exits non-zero on any failure.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { serveDirectory } from '../test/e2e/static-server';
import { cases } from '../test/e2e/web.e2e';
import { OFFICE_JS_URL } from '../test/e2e/pane';

const ROOT = resolve(__dirname, '..');
const DIST = join(ROOT, 'dist');
const SAMPLE = join(ROOT, 'samples/la-victoria-2023-s1.xlsx');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  return readdirSync(path).reduce((m, f) => Math.max(m, newestMtime(join(path, f))), st.mtimeMs);
}

function run(cmd: string, args: string[]): void {
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} terminó con código ${r.status}`);
}

function prepare(): void {
  if (!existsSync(SAMPLE)) {
    console.log('Falta el ejemplo: npm run sample');
    run('npm', ['run', '--silent', 'sample']);
  }
  const built = existsSync(join(DIST, 'web.html')) && existsSync(join(DIST, 'samples/la-victoria-2023-s1.xlsx'))
    ? statSync(join(DIST, 'web.html')).mtimeMs
    : 0;
  const sources = Math.max(newestMtime(join(ROOT, 'src')), newestMtime(join(ROOT, 'webpack.config.js')), newestMtime(SAMPLE));
  if (process.argv.includes('--no-build') && built > 0) {
    console.log('Se usa dist/ tal como está (--no-build).');
  } else if (built > sources) {
    console.log('dist/ está al día: no se vuelve a construir.');
  } else {
    console.log('Construyendo dist/ (webpack --mode production)…');
    run('npx', ['webpack', '--mode', 'production']);
  }
}

async function main(): Promise<number> {
  prepare();
  if (!existsSync(CHROMIUM)) {
    console.error(`No se encontró Chromium en ${CHROMIUM}: apt-get install -y chromium`);
    return 2;
  }
  mkdirSync(join(ROOT, 'test-artifacts'), { recursive: true });
  const server = await serveDirectory(DIST);
  let browser: Browser | undefined;
  let passed = 0;
  let failed = 0;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
    const only = process.env.E2E_ONLY;
    for (const c of cases) {
      if (only && !c.name.includes(only)) continue;
      const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, acceptDownloads: true, locale: 'es-PE' });
      const page = await context.newPage();
      page.setDefaultTimeout(30_000);
      const problems: string[] = [];
      const notes: string[] = [];
      page.on('pageerror', (e) => problems.push(`error de la página: ${e.message}`));
      page.on('console', (m) => {
        if (m.type() === 'error') problems.push(`consola: ${m.text()}`);
      });
      page.on('request', (r) => {
        // office.js is answered by page.route with the local stub (test/e2e/pane.ts), never fetched.
        if (r.url() === OFFICE_JS_URL) return;
        if (!r.url().startsWith(server.url) && !r.url().startsWith('blob:') && !r.url().startsWith('data:')) {
          problems.push(`petición fuera de la página: ${r.url()}`);
        }
      });
      const t0 = Date.now();
      try {
        await c.run({ page, baseUrl: server.url, root: ROOT, note: (t) => notes.push(t) });
        if (problems.length > 0) throw new Error(problems.join('\n'));
        passed++;
        console.log(`✔ ${c.name} (${Date.now() - t0} ms)`);
      } catch (e) {
        failed++;
        console.log(`✘ ${c.name} (${Date.now() - t0} ms)\n    ${(e instanceof Error ? e.message : String(e)).split('\n').join('\n    ')}`);
        const shot = join(ROOT, 'test-artifacts', `fallo-${passed + failed}.png`);
        await page.screenshot({ path: shot, fullPage: true }).catch(() => undefined);
        console.log(`    captura: ${shot}`);
      }
      for (const n of notes) console.log(`    · ${n}`);
      await context.close();
    }
  } finally {
    await browser?.close();
    await server.close();
  }
  console.log(`${passed} passed, ${failed} failed`);
  return failed === 0 && passed > 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e);
    console.log('0 passed, 1 failed');
    process.exit(1);
  },
);
