/**
 * A stand-in for office.js, for looking at the real task pane (taskpane.html) in Chromium:
 * `Office.onReady` says "Excel", and `Excel.run` is the project's in-memory Excel holding
 * the sample workbook (fetched from the page's own folder). Bundled by test/e2e/pane.ts and
 * served in place of Microsoft's CDN script; nothing leaves the machine.
 */
import './buffer-shim';
import { openXlsx } from '../../src/hosts/xlsx';
import { FakeWorkbook } from '../hosts/office/fake-excel';

const SAMPLE = 'samples/la-victoria-2023-s1.xlsx';

const ready: Promise<FakeWorkbook> = fetch(SAMPLE)
  .then((r) => r.arrayBuffer())
  .then((buffer) => {
    const pkg = openXlsx(new Uint8Array(buffer));
    const book = new FakeWorkbook();
    for (const s of pkg.sheets) {
      const grid = pkg.readSheet(s.name);
      book.addSheet(s.name, { values: grid.rows.map((r) => [...(r ?? [])]), merges: [...grid.merges] });
    }
    return book;
  });

const w = window as unknown as Record<string, unknown>;
w.Excel = { run: (batch: (context: unknown) => Promise<unknown>) => ready.then((book) => book.run(batch as never)) };
w.Office = {
  HostType: { Excel: 'Excel' },
  context: { requirements: { isSetSupported: () => true }, diagnostics: { version: '16.0' } },
  onReady(callback?: (info: { host: string; platform: string }) => void) {
    const info = { host: 'Excel', platform: 'OfficeOnline' };
    return ready.then(() => {
      callback?.(info);
      return info;
    });
  },
};
