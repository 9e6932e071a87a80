/**
 * Browser tests of the offline page (dist/web.html) in headless Chromium. Run by
 * scripts/e2e.ts, which builds, serves dist/ and gives each case a fresh page.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Page } from 'playwright-core';
import * as XLSX from '@e965/xlsx';
import { analyze } from '../../src/engine';
import { openXlsx } from '../../src/hosts/xlsx';
import { BIG_SHEET, bigWorkbook } from './big-workbook';

export interface E2eContext {
  readonly page: Page;
  readonly baseUrl: string;
  /** The repository's root. */
  readonly root: string;
  /** Notes printed under the case's result (timings, sizes). */
  note(text: string): void;
}

export interface E2eCase {
  readonly name: string;
  run(ctx: E2eContext): Promise<void>;
}

const SAMPLE_SHEET = 'Reporte POI';
const SAMPLE_FECHA = '2023-08-01'; // samples/README.md: the sample's fecha de corte

function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

async function openPage({ page, baseUrl }: E2eContext): Promise<void> {
  await page.goto(`${baseUrl}/web.html`);
  await page.getByRole('button', { name: 'Abrir ejemplo' }).waitFor();
}

async function openSample(ctx: E2eContext): Promise<void> {
  await openPage(ctx);
  await ctx.page.getByRole('button', { name: 'Abrir ejemplo' }).click();
  await ctx.page.getByText('la-victoria-2023-s1.xlsx').waitFor();
  await ctx.page.getByRole('grid', { name: `Hoja «${SAMPLE_SHEET}»` }).waitFor();
}

async function setFecha(page: Page, value: string): Promise<void> {
  await page.getByLabel('Fecha de corte').fill(value);
}

async function recompute(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Recalcular', exact: true }).click();
  await page.getByText('Recalculado', { exact: true }).waitFor({ timeout: 120_000 });
}

async function text(page: Page, testId: string): Promise<string> {
  return (await page.getByTestId(testId).innerText()).replace(/\s+/g, ' ').trim();
}

/**
 * Runs in the page: records every progress stage shown and the longest pause of the main
 * thread (a timer that should fire every 16 ms). A string, because tsx's helpers do not
 * exist in the page.
 */
const WATCH_PROGRESS = `(() => {
  const w = (window.__watch = { stages: [], maxGap: 0, stop: false });
  new MutationObserver(() => {
    const stage = document.querySelector('[role="status"][data-stage]')?.getAttribute('data-stage');
    if (stage && w.stages[w.stages.length - 1] !== stage) w.stages.push(stage);
  }).observe(document.body, { subtree: true, childList: true, attributes: true });
  let last = performance.now();
  const tick = () => {
    const now = performance.now();
    w.maxGap = Math.max(w.maxGap, now - last);
    last = now;
    if (!w.stop) setTimeout(tick, 16);
  };
  tick();
})()`;

// The README's picture (docs/screenshots/web.png) is copied from this artifact by hand:
// a test run must not change tracked files.
function saveScreenshot(root: string, png: Buffer): void {
  for (const rel of ['test-artifacts/web.png']) {
    const file = join(root, rel);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, png);
  }
}

export const cases: E2eCase[] = [
  {
    name: 'la página abre sin Office.js, sin red y sin errores; la fecha de corte es hoy',
    async run(ctx) {
      await openPage(ctx);
      const { page } = ctx;
      check((await page.title()).includes('Semáforo POI'), 'título de la página');
      check(await page.evaluate<boolean>("typeof window.Office === 'undefined'"), 'Office.js no debe cargarse');
      await page.getByRole('button', { name: 'Abrir ejemplo' }).click();
      await page.getByLabel('Fecha de corte').waitFor();
      const fecha = await page.getByLabel('Fecha de corte').inputValue();
      check(fecha === today(), `fecha de corte por defecto ${fecha}, se esperaba ${today()}`);
    },
  },
  {
    name: 'Abrir ejemplo → Recalcular: promedio 83.7, mediana 100, semáforo AO 58 · 16 · 190',
    async run(ctx) {
      await openSample(ctx);
      const { page } = ctx;
      await setFecha(page, SAMPLE_FECHA);
      const t0 = Date.now();
      await recompute(page);
      ctx.note(`Recalcular del ejemplo: ${Date.now() - t0} ms`);
      const promedio = await text(page, 'promedio');
      const mediana = await text(page, 'mediana');
      check(/83\.7\s*%/.test(promedio), `promedio: «${promedio}»`);
      check(/\b100\s*%/.test(mediana), `mediana: «${mediana}»`);
      const ao = await page.getByTestId('semaforo-ao').getAttribute('aria-label');
      check(ao === 'Actividades operativas: Rojo 58, Amarillo 16, Verde 190', `semáforo AO: «${ao}»`);
      const aoText = await text(page, 'semaforo-ao');
      check(/Rojo\s*58.*Amarillo\s*16.*Verde\s*190/.test(aoText), `semáforo AO en pantalla: «${aoText}»`);
      const aei = await page.getByTestId('semaforo-aei').getAttribute('aria-label');
      check(aei === 'Acciones estratégicas: Rojo 11, Amarillo 9, Verde 9', `semáforo AEI: «${aei}»`);
      const ejecutado = await text(page, 'ejecutado');
      check(ejecutado.includes('S/ 56,120,891.58'), `total ejecutado: «${ejecutado}»`);
      check((await text(page, 'ao-completas')).includes('288'), 'AO completas 288');
    },
  },
  {
    name: 'pulsar una observación (ratón y teclado) lleva a su celda, resaltada en la hoja',
    async run(ctx) {
      await openSample(ctx);
      const { page } = ctx;
      await setFecha(page, SAMPLE_FECHA);
      await recompute(page);
      const items = page.getByRole('region', { name: 'Observaciones' }).getByRole('listitem').getByRole('button');
      const count = await items.count();
      check(count >= 2, `se esperaban observaciones en el ejemplo, hay ${count}`);
      const cellOf = async (i: number) => (await items.nth(i).locator('span span').first().innerText()).trim();

      const last = await cellOf(count - 1);
      await items.nth(count - 1).click();
      const target = page.locator(`[data-a1="${last}"][data-selected="true"]`);
      await target.waitFor();
      const box = await target.boundingBox();
      const gridBox = await page.getByTestId('sheet-grid').boundingBox();
      const viewport = page.viewportSize()!;
      check(box && gridBox && box.y >= gridBox.y && box.y + box.height <= gridBox.y + gridBox.height, `la celda ${last} debe quedar visible en la hoja`);
      check(box.y >= 0 && box.y + box.height <= viewport.height && box.x >= 0 && box.x + box.width <= viewport.width, `la celda ${last} debe quedar visible en la ventana`);
      check((await page.locator('[data-selected="true"]').count()) === 1, 'una sola celda resaltada');
      await page.getByText(`Celda ${last} seleccionada`).waitFor({ state: 'attached' });

      const first = await cellOf(0);
      await items.nth(0).focus();
      await page.keyboard.press('Enter');
      await page.locator(`[data-a1="${first}"][data-selected="true"]`).waitFor();
      check((await page.locator('[data-selected="true"]').count()) === 1, 'una sola celda resaltada tras el teclado');
      // The page's top: file, pane, figures and the first observations, beside the sheet.
      await page.evaluate('window.scrollTo(0, 0)');
      saveScreenshot(ctx.root, await page.screenshot({ fullPage: false }));
      ctx.note(`celdas ${last} (ratón) y ${first} (teclado) resaltadas; captura en test-artifacts/web.png`);
    },
  },
  {
    name: 'Descargar: la copia tiene las celdas calculadas y las hojas Observaciones y Resumen (lector propio y SheetJS)',
    async run(ctx) {
      await openSample(ctx);
      const { page } = ctx;
      await setFecha(page, SAMPLE_FECHA);
      await recompute(page);
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Descargar' }).click()]);
      check(download.suggestedFilename() === 'la-victoria-2023-s1-recalculado.xlsx', `nombre: ${download.suggestedFilename()}`);
      const path = await download.path();
      const copy = new Uint8Array(readFileSync(path));
      const original = new Uint8Array(readFileSync(join(ctx.root, 'samples/la-victoria-2023-s1.xlsx')));

      // Our reader: the original needs writing, the copy is already right, inputs untouched.
      const before = analyze(openXlsx(original).readSheet(SAMPLE_SHEET), { fechaCorte: SAMPLE_FECHA, sheet: SAMPLE_SHEET });
      const pkg = openXlsx(copy);
      const names = pkg.sheets.map((s) => s.name);
      check(names.includes('Observaciones') && names.includes('Resumen'), `hojas de la copia: ${names.join(', ')}`);
      const grid = pkg.readSheet(SAMPLE_SHEET);
      const after = analyze(grid, { fechaCorte: SAMPLE_FECHA, sheet: SAMPLE_SHEET });
      check(before.patch.cells.length > 0, 'el ejemplo debía tener celdas por recalcular');
      check(after.patch.cells.length === 0, `la copia aún tiene ${after.patch.cells.length} celdas por recalcular`);
      for (const c of before.patch.cells) {
        const v = grid.rows[c.at.row]?.[c.at.col];
        check(v === c.value, `${c.a1}: la copia tiene ${String(v)}, se esperaba ${String(c.value)}`);
      }
      const origGrid = openXlsx(original).readSheet(SAMPLE_SHEET);
      const computedAt = new Set(before.computed.map((c) => `${c.at.row}:${c.at.col}`));
      let inputs = 0;
      origGrid.rows.forEach((row, r) =>
        row?.forEach((v, c) => {
          if (computedAt.has(`${r}:${c}`)) return;
          inputs++;
          check((grid.rows[r]?.[c] ?? null) === v, `celda de entrada ${r + 1}:${c + 1} cambió`);
        }),
      );

      // SheetJS, an independent reader.
      const wb = XLSX.read(copy, { type: 'array' });
      check(wb.SheetNames.includes('Observaciones') && wb.SheetNames.includes('Resumen'), `SheetJS ve: ${wb.SheetNames.join(', ')}`);
      const obs = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets['Observaciones'], { header: 1 });
      check(obs.length >= before.observations.length, `Observaciones tiene ${obs.length} filas para ${before.observations.length} observaciones`);
      const ws = wb.Sheets[SAMPLE_SHEET];
      for (const c of before.patch.cells) {
        const v = ws[c.a1]?.v;
        check(v === c.value, `SheetJS ${c.a1}: ${String(v)} ≠ ${String(c.value)}`);
      }
      const sum = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets['Resumen'], { header: 1 }).flat().join(' ');
      check(/83\.7/.test(sum), 'Resumen con el promedio 83.7');
      const listed = before.patch.cells.slice(0, 8).map((c) => c.a1).join(', ');
      ctx.note(`${before.patch.cells.length} celdas recalculadas (${listed}, …), ${inputs} celdas de entrada iguales, ${before.observations.length} observaciones`);
    },
  },
  {
    name: 'en 320 px de ancho (el ancho del panel en Excel) nada se sale de la pantalla',
    async run(ctx) {
      const { page } = ctx;
      await page.setViewportSize({ width: 320, height: 800 });
      await openSample(ctx);
      await setFecha(page, SAMPLE_FECHA);
      await page.getByRole('button', { name: 'Validar' }).click();
      await page.getByTestId('promedio').waitFor();
      const width = await page.evaluate<number>('document.documentElement.scrollWidth');
      check(width <= 320, `la página mide ${width} px de ancho en una ventana de 320 px`);
      for (const id of ['promedio', 'programado', 'semaforo']) {
        const box = await page.getByTestId(id).boundingBox();
        check(box && box.x >= 0 && box.x + box.width <= 320, `«${id}» se sale de los 320 px`);
      }
      const item = page.getByRole('region', { name: 'Observaciones' }).getByRole('listitem').getByRole('button').first();
      await item.click();
      const selected = page.locator('[data-selected="true"]');
      await selected.waitFor();
      const box = await selected.boundingBox();
      check(box && box.y >= 0 && box.y + box.height <= 800, 'en pantalla angosta la hoja se trae a la vista con la celda');
      await page.screenshot({ path: join(ctx.root, 'test-artifacts/web-320.png'), fullPage: false });
    },
  },
  {
    name: 'un .csv o un .pdf muestra el motivo en castellano y la página sigue funcionando',
    async run(ctx) {
      await openPage(ctx);
      const { page } = ctx;
      const input = page.getByTestId('file-input');
      await input.setInputFiles({ name: 'datos.csv', mimeType: 'text/csv', buffer: Buffer.from('AOI,PROGRAMADO\nAOI1,1\n') });
      await page.getByRole('alert').getByText(/no un libro de Excel/).waitFor();
      const csv = await page.getByRole('alert').innerText();
      check(csv.includes('No se pudo abrir el archivo') && /Guárdelo como|guárdelo como/.test(csv), `mensaje CSV: «${csv}»`);
      await input.setInputFiles({ name: 'informe.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\n') });
      await page.getByRole('alert').getByText(/es un PDF/).waitFor();
      await page.getByRole('button', { name: 'Abrir ejemplo' }).click();
      await page.getByRole('grid', { name: `Hoja «${SAMPLE_SHEET}»` }).waitFor();
      check((await page.getByRole('alert').count()) === 0, 'el error debe desaparecer al abrir un libro válido');
      await page.getByRole('button', { name: 'Validar' }).click();
      await page.getByTestId('promedio').waitFor();
    },
  },
  {
    name: 'un libro generado de 10,000 AO termina mostrando el avance y la página responde mientras trabaja',
    async run(ctx) {
      const { page } = ctx;
      const t0 = Date.now();
      const bytes = bigWorkbook(10_000);
      ctx.note(`libro de 10,000 AO: ${(bytes.length / 1e6).toFixed(1)} MB generado en ${Date.now() - t0} ms`);
      await openPage(ctx);
      const t1 = Date.now();
      await page.getByTestId('file-input').setInputFiles({ name: 'grande.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from(bytes) });
      await page.getByRole('grid', { name: `Hoja «${BIG_SHEET}»` }).waitFor({ timeout: 120_000 });
      ctx.note(`abrir y mostrar la hoja: ${Date.now() - t1} ms`);
      check((await page.locator('[role="grid"] [role="row"]').count()) < 120, 'solo las filas visibles deben estar en la página');

      // Record every progress stage shown, and the longest the main thread stayed busy.
      await page.evaluate(WATCH_PROGRESS);
      await setFecha(page, SAMPLE_FECHA);
      const t2 = Date.now();
      await page.getByRole('button', { name: 'Recalcular', exact: true }).click();
      await page.locator('[role="status"][data-stage]').waitFor();

      // While it works: a click is answered, and the work is still going on after it.
      const tc = Date.now();
      await page.getByRole('button', { name: '¿Cómo se usa?' }).click();
      await page.locator('#ayuda').waitFor();
      const answered = Date.now() - tc;
      const stillWorking = await page.locator('[role="status"][data-stage]').count();
      check(stillWorking === 1, 'el trabajo terminó antes de probar el clic: la prueba no demuestra nada');
      check(answered < 1000, `el clic tardó ${answered} ms en responder`);

      await page.getByText('Recalculado', { exact: true }).waitFor({ timeout: 180_000 });
      const took = Date.now() - t2;
      const { stages, maxGap } = await page.evaluate<{ stages: string[]; maxGap: number }>(
        '(() => { window.__watch.stop = true; return { stages: window.__watch.stages, maxGap: window.__watch.maxGap }; })()',
      );
      check(stages.includes('computing') && stages.includes('writing'), `etapas vistas: ${stages.join(' → ')}`);
      const outcome = await page.getByText(/AO revisadas/).innerText();
      check(outcome.includes('10,000 AO revisadas'), `resultado: «${outcome}»`);
      check(maxGap < 1000, `el hilo de la página estuvo bloqueado ${Math.round(maxGap)} ms`);
      ctx.note(`Recalcular 10,000 AO: ${took} ms; etapas ${stages.join(' → ')}; clic respondido en ${answered} ms; pausa máxima del hilo principal ${Math.round(maxGap)} ms`);

      // The virtualised grid reaches the last of its 20,000+ rows and still holds only a screenful.
      const rowCount = Number(await page.getByTestId('sheet-grid').getAttribute('aria-rowcount')) - 1;
      check(rowCount > 20_000, `la hoja tiene ${rowCount} filas`);
      const ts = Date.now();
      await page.evaluate(`(() => { const g = document.querySelector('[data-testid="sheet-grid"]'); g.scrollTop = g.scrollHeight; })()`);
      await page.locator(`[role="grid"] [aria-rowindex="${rowCount + 1}"]`).waitFor();
      const rendered = await page.locator('[role="grid"] [role="row"]').count();
      check(rendered < 120, `${rendered} filas en la página tras desplazarse al final`);
      ctx.note(`hoja de ${rowCount.toLocaleString('es-PE')} filas: al final en ${Date.now() - ts} ms con ${rendered} filas en la página`);
      await page.getByRole('button', { name: 'Descargar' }).waitFor();
    },
  },
];
