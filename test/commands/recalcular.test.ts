import { inThreadAnalyzer, type Analyzer } from '../../src/app/analyzer';
import { NO_POI_SHEET, OUT_OF_TIME, recalcular, type StartTimer } from '../../src/commands/recalcular';
import { localIsoDate } from '../../src/engine/compute/deadlines';
import { createOfficeService } from '../../src/hosts/office/service';
import { FakeWorkbook } from '../hosts/office/fake-excel';
import { REPORT, sampleLikeSpec, workbookWith } from '../hosts/office/poi-workbook';

const quiet = (): void => undefined;

describe('Recalcular (ribbon command)', () => {
  it('finds the POI sheet when another one is active, recomputes and leaves a status line', async () => {
    const { book } = workbookWith(sampleLikeSpec(), ['Notas']);
    book.active = 'Notas';
    const out = await recalcular(createOfficeService({ run: book.run, mergesSupported: () => true, log: quiet }), '2023-08-15');
    expect(out).toMatchObject({ ok: true, sheet: REPORT });
    expect(out.ok && out.status).toMatch(/fecha de corte 2023-08-15 · \d+ celdas recalculadas/);
    expect(book.sheet('Observaciones').valueAt('A1')).toBe(out.ok ? out.status : '');
    expect(book.valueWrites.some((w) => w.sheet === REPORT)).toBe(true);
    // What the planner sees in the dialog: what was written, where the detail is, how to go back.
    expect(out.ok && out.message).toMatch(/^Se recalculó «Reporte POI»: se escribieron \d+ celdas calculadas\. 10 AO revisadas: \d+ errore?s? y \d+ advertencias?; el detalle está en las hojas «Observaciones» y «Resumen»\. Para volver atrás, abra el panel Semáforo POI y use «Deshacer el último recálculo»\.$/);
  });

  describe('within Excel’s 5-minute limit for a button', () => {
    /** A clock the test moves by hand, and an engine that waits until the test lets it go. */
    function setup() {
      let expire: (() => void) | null = null;
      const startTimer: StartTimer = (onExpire) => {
        expire = onExpire;
        return () => void (expire = null);
      };
      let release!: () => void;
      const held = new Promise<void>((r) => (release = r));
      let computing!: () => void;
      const started = new Promise<void>((r) => (computing = r));
      const slow: Analyzer = {
        async analyze(grid, request) {
          computing();
          await held;
          return inThreadAnalyzer.analyze(grid, request);
        },
      };
      const { book, sheet } = workbookWith(sampleLikeSpec(), ['Notas']);
      const service = createOfficeService({ run: book.run, mergesSupported: () => true, log: quiet, analyzer: slow });
      return { book, sheet, service, startTimer, release, started, expire: () => expire?.() };
    }

    it('stops before writing when the budget runs out, says to use the pane, and writes nothing even when the engine ends later', async () => {
      const { book, sheet, service, startTimer, release, started, expire } = setup();
      const before = sheet.snapshot();
      const outcome = recalcular(service, { today: '2023-08-15', startTimer });
      await started;
      expire();
      expect(await outcome).toEqual({ ok: false, message: OUT_OF_TIME });
      // The engine ends after the command answered: its write is refused at the gate.
      release();
      await new Promise((r) => setTimeout(r, 50));
      expect(sheet.snapshot()).toEqual(before);
      expect(book.valueWrites).toEqual([]);
      expect(book.find('Observaciones')).toBeUndefined();
    });

    it('lets a write that has started finish: a half-written report is worse than a late answer', async () => {
      const { book, service, startTimer, release, expire } = setup();
      release();
      let expireDuringWrite = true;
      // The budget runs out just as the write starts (the service's 'writing' progress).
      const expiring: typeof service.recompute = (sheet, fecha, onProgress) =>
        service.recompute(sheet, fecha, (p) => {
          onProgress?.(p);
          if (p.stage === 'writing' && expireDuringWrite) {
            expireDuringWrite = false;
            expire();
          }
        });
      const outcome = recalcular({ chooseSheet: (w) => service.chooseSheet(w), recompute: expiring }, { today: '2023-08-15', startTimer });
      expect(await outcome).toMatchObject({ ok: true, sheet: REPORT });
      expect(book.valueWrites.some((w) => w.sheet === REPORT)).toBe(true);
    });
  });

  it('says so in Spanish when no sheet has the POI layout', async () => {
    const book = new FakeWorkbook();
    book.addSheet('Hoja1', { values: [['hola']] });
    expect(await recalcular(createOfficeService({ run: book.run, log: quiet }), '2023-08-15')).toEqual({ ok: false, message: NO_POI_SHEET });
  });

  it('returns the Spanish sentence instead of throwing when Excel is editing a cell', async () => {
    const { book } = workbookWith(sampleLikeSpec());
    book.cellEditMode = true;
    expect(await recalcular(createOfficeService({ run: book.run, log: quiet }), '2023-08-15')).toEqual({
      ok: false,
      message: 'Excel está editando una celda. Pulse Intro o Esc y vuelva a intentarlo.',
    });
  });

  it('uses the local calendar date', () => {
    expect(localIsoDate(new Date(2023, 7, 1, 23, 59))).toBe('2023-08-01');
    expect(localIsoDate(new Date(2024, 11, 31, 0, 0))).toBe('2024-12-31');
  });
});
