import { NO_POI_SHEET, recalcular } from '../../src/commands/recalcular';
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
