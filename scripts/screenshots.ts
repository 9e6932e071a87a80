/**
 * The README's pictures: `npx tsx scripts/screenshots.ts` (after `npm run build:web`).
 * Serves dist/ on 127.0.0.1, opens the sample in Debian's headless Chromium at 320, 768 and
 * 1366 px and saves docs/screenshots/web-<width>.png, plus the add-in's own pane
 * (taskpane.html over the in-memory Excel) as docs/screenshots/pane-320.png.
 * Tests never write here; this script is run by hand when the UI changes.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { serveDirectory } from '../test/e2e/static-server';
import { openPane } from '../test/e2e/pane';

const ROOT = resolve(__dirname, '..');
const OUT = join(ROOT, 'docs/screenshots');
const FECHA = '01082023'; // the sample's fecha de corte, typed the Peruvian way

async function typeFecha(page: Page): Promise<void> {
  const field = page.getByLabel(/Fecha de corte/);
  await field.fill(FECHA);
  await field.press('Enter');
  await page.getByText(/Validación terminada/).waitFor();
}

async function main(): Promise<void> {
  if (!existsSync(join(ROOT, 'dist/web.html'))) throw new Error('Falta dist/: npm run build:web');
  mkdirSync(OUT, { recursive: true });
  const server = await serveDirectory(join(ROOT, 'dist'));
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'], headless: true });
  try {
    for (const width of [320, 768, 1366]) {
      const page = await browser.newPage({ viewport: { width, height: width === 1366 ? 900 : 1000 }, locale: 'es-PE' });
      await page.goto(`${server.url}/web.html`);
      await page.getByRole('button', { name: 'Abrir ejemplo' }).click();
      await page.getByTestId('promedio').waitFor({ timeout: 60_000 });
      await typeFecha(page);
      const first = page.locator('[data-observation]').first();
      await first.click();
      await page.locator('[data-selected="true"]').waitFor();
      await page.evaluate('window.scrollTo(0, 0)');
      await page.screenshot({ path: join(OUT, `web-${width}.png`), fullPage: width !== 1366 });
      console.log(`docs/screenshots/web-${width}.png`);
      await page.close();
    }
    const pane = await browser.newPage({ viewport: { width: 320, height: 900 }, locale: 'es-PE' });
    await openPane(pane, server.url, ROOT);
    await pane.getByTestId('promedio').waitFor({ timeout: 60_000 });
    await typeFecha(pane);
    await pane.screenshot({ path: join(OUT, 'pane-320.png'), fullPage: false });
    console.log('docs/screenshots/pane-320.png');
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
