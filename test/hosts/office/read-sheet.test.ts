import { mergeChunkRows, parseAreasAddress, readHeads, readSheet } from '../../../src/hosts/office/read-sheet';
import { UserFacingError } from '../../../src/app/contract';
import { FakeWorkbook } from './fake-excel';
import { REPORT, bigSpec, sampleLikeSpec, workbookWith } from './poi-workbook';

const MB = 1024 * 1024;

describe('readSheet', () => {
  it('reads a report into the grid the engine expects: values from A1, empty cells null, all merged areas', async () => {
    const { book, poi } = workbookWith(sampleLikeSpec());
    const read = await book.run((ctx) => readSheet(ctx, REPORT));
    const expected = poi.toGrid();
    const width = Math.max(...expected.rows.map((r) => r?.length ?? 0));
    expect(read.columnCount).toBe(width);
    for (let r = 0; r < expected.rows.length; r++) {
      for (let c = 0; c < width; c++) expect([r, c, read.grid.rows[r]?.[c] ?? null]).toEqual([r, c, expected.rows[r]?.[c] ?? null]);
    }
    const key = (m: { top: number; left: number; bottom: number; right: number }): string => `${m.top},${m.left},${m.bottom},${m.right}`;
    expect(read.grid.merges.map(key).sort()).toEqual(expected.merges.map(key).sort());
    // One sync for the used range, one for the only block.
    expect(read.syncs).toBe(2);
    expect(book.syncs).toHaveLength(2);
  });

  it('starts the grid at A1 when the used range does not', async () => {
    const book = new FakeWorkbook();
    book.addSheet('S', { values: [[], [], [null, null, 'x', 3]] });
    const read = await book.run((ctx) => readSheet(ctx, 'S'));
    expect(read.grid.rows).toEqual([[], [], [null, null, 'x', 3]]);
  });

  it('returns an empty grid for a blank sheet and a Spanish error for a missing one', async () => {
    const book = new FakeWorkbook();
    book.addSheet('Vacía');
    expect((await book.run((ctx) => readSheet(ctx, 'Vacía'))).grid.rows).toEqual([]);
    await expect(book.run((ctx) => readSheet(ctx, 'No existe'))).rejects.toThrow(/No se encontró la hoja «No existe»/);
  });

  it('reads 10,000 AO in blocks of at most 10,000 rows, each response under 4 MB, with one sync per block', async () => {
    const { book, poi } = workbookWith(bigSpec(10_000));
    const read = await book.run((ctx) => readSheet(ctx, REPORT));
    expect(read.rowCount).toBe(poi.table.length);
    expect(read.grid.merges.length).toBe(poi.merges.length);
    expect(read.blocks[0].rows).toBe(5_000);
    expect(read.syncs).toBe(1 + read.blocks.length);
    expect(book.syncs).toHaveLength(read.syncs);
    expect(book.maxResponse).toBeLessThan(4 * MB);
    expect(book.maxRequest).toBeLessThan(4 * MB);
    expect(read.syncs).toBeLessThanOrEqual(6);
  });

  it('halves a block and retries it when Excel refuses the response size', async () => {
    const book = new FakeWorkbook();
    const s = book.addSheet('Largo');
    // 2 KB per row: 5,000 rows would answer ~10 MB.
    for (let r = 0; r < 6_000; r++) s.ensure(r, 0).value = `${r} ${'ñ'.repeat(1_000)}`;
    const read = await book.run((ctx) => readSheet(ctx, 'Largo', { merges: false }));
    expect(read.retries).toBeGreaterThan(0);
    expect(read.grid.rows).toHaveLength(6_000);
    expect(read.grid.rows[5_999]?.[0]).toMatch(/^5999 /);
    const refused = book.syncs.filter((x) => x.response > 5 * MB);
    expect(refused.length).toBe(read.retries);
    // Once a block has been measured, the next ones are sized to stay under the 4 MB budget.
    const accepted = book.syncs.slice(1).filter((x) => x.response <= 5 * MB);
    expect(Math.max(...accepted.slice(1).map((x) => x.response))).toBeLessThan(4 * MB);
  });

  it('halves when Excel answers null for a read over 5 million cells', async () => {
    const book = new FakeWorkbook();
    const s = book.addSheet('Ancho');
    s.ensure(0, 0).value = 'a';
    s.ensure(299, 16_383).value = 'z';
    // 300 × 16,384 = 4.9 M cells in use: allowed by a raised limit, then read in halves.
    const read = await book.run((ctx) => readSheet(ctx, 'Ancho', { merges: false, maxCells: 6_000_000, initialBlockRows: 400, budgetBytes: 1e9 }));
    expect(read.retries).toBeGreaterThan(0);
    expect(read.grid.rows[299]?.[16_383]).toBe('z');
  });

  it('refuses a used range beyond the limit before reading any value', async () => {
    const book = new FakeWorkbook();
    const s = book.addSheet('Enorme');
    s.ensure(0, 0).value = 1;
    s.ensure(999_999, 20).value = 2;
    const err = await book.run((ctx) => readSheet(ctx, 'Enorme')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserFacingError);
    expect((err as Error).message).toMatch(/más de lo que el complemento puede leer/);
    expect(book.syncs).toHaveLength(1);
  });

  it('asks for merged areas in chunks that can never exceed 512 areas', () => {
    expect(mergeChunkRows(21)).toBe(46);
    expect(mergeChunkRows(33)).toBe(29);
    expect(((mergeChunkRows(21) + 2) * 21) / 2).toBeLessThanOrEqual(512);
  });

  it('parses RangeAreas addresses with quoted sheet names holding commas and quotes', () => {
    expect(parseAreasAddress("'Reporte, POI''s'!A14:A15, 'Reporte, POI''s'!$N$14:$N$15,Hoja1!B2")).toEqual([
      { top: 13, left: 0, bottom: 14, right: 0 },
      { top: 13, left: 13, bottom: 14, right: 13 },
      { top: 1, left: 1, bottom: 1, right: 1 },
    ]);
  });
});

describe('readHeads', () => {
  it('reads the first rows of every sheet in two syncs', async () => {
    const { book } = workbookWith(sampleLikeSpec(), ['Notas', 'Datos']);
    const heads = await book.run((ctx) => readHeads(ctx));
    expect(heads.map((h) => h.name)).toEqual(['Notas', 'Datos', REPORT]);
    expect(heads[2].grid.rows[0]?.[0]).toMatch(/^REPORTE DE SEGUIMIENTO/);
    expect(book.syncs).toHaveLength(2);
  });
});
