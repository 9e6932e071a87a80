/**
 * Opens the add-in's own page (dist/taskpane.html) in Chromium with office.js replaced by
 * test/e2e/office-stub.ts (the in-memory Excel with the sample), so tests and the
 * screenshot script look at the pane itself, not the web page.
 */
import type { Page } from 'playwright-core';
import { join } from 'node:path';

const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
let bundled: string | null = null;

/** The stub as one browser script (esbuild, which tsx already brings). */
async function stubScript(root: string): Promise<string> {
  if (bundled) return bundled;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const esbuild = require('esbuild') as typeof import('esbuild');
  const out = await esbuild.build({
    entryPoints: [join(root, 'test/e2e/office-stub.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    logLevel: 'silent',
  });
  bundled = out.outputFiles[0].text;
  return bundled;
}

/** `workbook`: a file name under the page's folder for the in-memory Excel (the sample by default). */
export async function openPane(page: Page, baseUrl: string, root: string, workbook?: string): Promise<void> {
  const script = await stubScript(root);
  await page.route(OFFICE_JS, (route) => route.fulfill({ status: 200, contentType: 'text/javascript', body: script }));
  await page.goto(`${baseUrl}/taskpane.html${workbook ? `?libro=${encodeURIComponent(workbook)}` : ''}`);
}

export const OFFICE_JS_URL = OFFICE_JS;
