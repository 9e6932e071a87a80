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
// `?libro=…` opens another workbook of the page's folder (the 10,000-AO test serves one).
const BOOK = new URLSearchParams(window.location.search).get('libro') ?? SAMPLE;

const ready: Promise<FakeWorkbook> = fetch(BOOK)
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

type Batch = (context: { sync(): Promise<void> }) => Promise<unknown>;

/**
 * Real Excel answers a sync over IPC, in its own process: the page's thread is free while
 * Excel works, and the answer comes back as a new task. The fake does Excel's work on the
 * page's thread, so each sync here starts and ends on a task of its own, and the time the
 * fake spends doing Excel's part is recorded (`__fakeExcel.busy`) so a test can tell it
 * from the pane's own work.
 */
const fakeExcel = { busy: [] as [number, number][] };
const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));
function asExcelDoes(batch: Batch): Batch {
  return (context) => {
    const sync = context.sync.bind(context);
    context.sync = async () => {
      await nextTask();
      const start = performance.now();
      try {
        await sync();
      } finally {
        fakeExcel.busy.push([start, performance.now()]);
      }
      await nextTask();
    };
    return batch(context);
  };
}

const w = window as unknown as Record<string, unknown>;
w.__fakeExcel = fakeExcel;
w.Excel = {
  // Excel.run(batch) and Excel.run(options, batch) (mergeUndoGroup).
  run: (first: Batch | object, second?: Batch) =>
    ready.then((book) => {
      const run = book.run as unknown as (a: unknown, b?: unknown) => Promise<unknown>;
      return typeof first === 'function' ? run(asExcelDoes(first as Batch)) : run(first, asExcelDoes(second!));
    }),
};
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
