/**
 * @jest-environment jsdom
 *
 * The ribbon's function file over a stand-in Office and the in-memory Excel: the planner is
 * told how it went in the dialog, and the command ends as soon as the dialog is open (it
 * never waits for the planner to close it, so Excel's 5-minute limit is not spent there).
 */
import { NO_POI_SHEET } from '../../src/commands/recalcular';
import { FakeWorkbook } from '../hosts/office/fake-excel';
import { REPORT, sampleLikeSpec, workbookWith } from '../hosts/office/poi-workbook';

interface Dialog {
  readonly url: string;
  closed: boolean;
}

function installOffice(book: FakeWorkbook) {
  const handlers = new Map<string, (event: { completed(): void }) => void>();
  const dialogs: Dialog[] = [];
  let completions = 0;
  const g = globalThis as Record<string, unknown>;
  g.Excel = { run: book.run };
  g.Office = {
    actions: { associate: (name: string, fn: (event: { completed(): void }) => void) => handlers.set(name, fn) },
    onReady: () => Promise.resolve({ host: 'Excel' }),
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
    EventType: { DialogMessageReceived: 'dialogMessageReceived', DialogEventReceived: 'dialogEventReceived' },
    context: {
      requirements: { isSetSupported: () => false },
      ui: {
        displayDialogAsync(url: string, _options: unknown, callback: (r: unknown) => void) {
          const dialog: Dialog = { url, closed: false };
          dialogs.push(dialog);
          const value = {
            addEventHandler: () => undefined,
            close: () => void (dialog.closed = true),
          };
          // Office opens the dialog later, on its own turn.
          setTimeout(() => callback({ status: 'succeeded', value }), 0);
        },
      },
    },
  };
  jest.isolateModules(() => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require('../../src/commands/commands');
  });
  const click = async (): Promise<void> => {
    // Resolves on event.completed(): with a command that waited on the dialog, it never would.
    await new Promise<void>((resolve) => handlers.get('recalcular')!({ completed: () => ((completions += 1), resolve()) }));
  };
  return { dialogs, click, completions: () => completions };
}

const message = (d: Dialog): string => new URL(d.url).searchParams.get('mensaje') ?? '';

describe('the ribbon’s Recalcular button', () => {
  afterEach(() => {
    const g = globalThis as Record<string, unknown>;
    delete g.Office;
    delete g.Excel;
  });

  it('tells the planner what was written, and ends as soon as the dialog is open', async () => {
    const { book } = workbookWith(sampleLikeSpec());
    const office = installOffice(book);
    await office.click();
    expect(office.completions()).toBe(1);
    expect(office.dialogs).toHaveLength(1);
    const [dialog] = office.dialogs;
    expect(message(dialog)).toMatch(/^Se recalculó «Reporte POI»: se escribieron \d+ celdas calculadas\./);
    expect(dialog.closed).toBe(false);
    expect(book.valueWrites.some((w) => w.sheet === REPORT)).toBe(true);
  });

  it('shows the failure the same way, and does not wait on the dialog either', async () => {
    const book = new FakeWorkbook();
    book.addSheet('Hoja1', { values: [['hola']] });
    const office = installOffice(book);
    await office.click();
    expect(office.completions()).toBe(1);
    expect(office.dialogs.map(message)).toEqual([NO_POI_SHEET]);
    expect(office.dialogs[0].closed).toBe(false);
  });
});
