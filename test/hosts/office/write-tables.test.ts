import type { Table } from '../../../src/engine/report/tables';
import { writeTableSheet } from './write-one';
import { documentReference, excelSerial, hyperlinkFormula, isDateFormat } from '../../../src/hosts/office/write-tables';
import { FakeWorkbook } from './fake-excel';

const header = ['Regla', 'Severidad', 'Celda', 'Fila', 'Mensaje', 'Esperado', 'Encontrado'].map((v) => ({ value: v, bold: true }));

function obs(i: number, message: string, found: string | number | null = null): Table[number] {
  return [
    { value: 'stated-percent' },
    { value: 'Error' },
    { value: `N${14 + i}`, link: { sheet: 'Reporte POI', cell: `N${14 + i}` } },
    { value: 14 + i },
    { value: message },
    { value: 100 },
    { value: found },
  ];
}

describe('writeTableSheet', () => {
  it('writes text as text (=, +, -, @, text numbers never become formulas or numbers) and links each cell', async () => {
    const book = new FakeWorkbook();
    book.addSheet('Reporte POI', { values: [['x']] });
    const table: Table = [
      header,
      obs(0, '=SUM(A1:A3) no es una fórmula', '=HYPERLINK("http://x")'),
      obs(1, '+51 999', '1,900.00'),
      obs(2, '-x', '@nombre'),
    ];
    const stats = await book.run((ctx) => writeTableSheet(ctx, 'Observaciones', table, { preface: 'Semáforo POI · estado' }));
    const s = book.sheet('Observaciones');
    expect(s.valueAt('A1')).toBe('Semáforo POI · estado');
    expect(s.valueAt('A3')).toBe('Regla');
    expect(s.get('A3')?.bold).toBe(true);
    expect(s.valueAt('E4')).toBe('=SUM(A1:A3) no es una fórmula');
    expect(s.get('E4')?.formula).toBeUndefined();
    expect(s.valueAt('G4')).toBe('=HYPERLINK("http://x")');
    expect(s.valueAt('E5')).toBe('+51 999');
    expect(s.valueAt('G5')).toBe('1,900.00');
    expect(s.valueAt('E6')).toBe('-x');
    expect(s.valueAt('G6')).toBe('@nombre');
    // The only formulas are the links, one column written per block.
    for (const [a1, cell] of s.snapshot()) if (!a1.startsWith('C') || a1 === 'C3') expect([a1, cell.formula]).toEqual([a1, undefined]);
    // Numbers stay numbers.
    expect(s.valueAt('D4')).toBe(14);
    expect(s.valueAt('F4')).toBe(100);
    expect(s.get('C4')?.formula).toBe(`=HYPERLINK("#'Reporte POI'!N14","N14")`);
    expect(s.valueAt('C4')).toBe('N14');
    // Sheets and marks (2), the writes (1).
    expect(stats.syncs).toBe(3);
  });

  it('replaces the sheet on a second run, leaving nothing of the first', async () => {
    const book = new FakeWorkbook();
    book.addSheet('Reporte POI', { values: [['x']] });
    await book.run((ctx) => writeTableSheet(ctx, 'Observaciones', [header, obs(0, 'uno'), obs(1, 'dos')]));
    await book.run((ctx) => writeTableSheet(ctx, 'Observaciones', [header]));
    const s = book.sheet('Observaciones');
    expect(s.valueAt('A1')).toBe('Regla');
    expect(s.valueAt('A2')).toBe('');
    expect(book.sheets.map((x) => x.name)).toEqual(['Reporte POI', 'Observaciones']);
  });

  it('adds a clustered bar chart over the data it writes beside the table', async () => {
    const book = new FakeWorkbook();
    book.addSheet('Reporte POI', { values: [['x']] });
    await book.run((ctx) =>
      writeTableSheet(ctx, 'Resumen', [[{ value: 'Resumen', bold: true }], [{ value: 'Hoja' }, { value: 'Reporte POI' }]], {
        chart: { title: 'Ejecución física por AEI (%)', categoryHeader: 'AEI', valueHeader: '%', points: [{ category: 'AEI.01.01', value: 74.1 }, { category: 'AEI.01.02', value: 83.3 }] },
      }),
    );
    const s = book.sheet('Resumen');
    expect(s.charts).toEqual([{ type: 'BarClustered', source: "'Resumen'!D1:E3", seriesBy: 'Columns', title: 'Ejecución física por AEI (%)' }]);
    expect([s.valueAt('D2'), s.valueAt('E2')]).toEqual(['AEI.01.01', 74.1]);
  });

  it('keeps each request under 4 MB for 30,000 observations', async () => {
    const book = new FakeWorkbook();
    book.addSheet('Reporte POI', { values: [['x']] });
    const table: Table = [header, ...Array.from({ length: 30_000 }, (_, i) => obs(i, `AVANCE % dice ${i}; según los meses es 100. Revise la fila y corrija el dato.`))];
    const stats = await book.run((ctx) => writeTableSheet(ctx, 'Observaciones', table));
    expect(book.maxRequest).toBeLessThan(4 * 1024 * 1024);
    expect(stats.syncs).toBeLessThanOrEqual(5);
    // Links go out per block and column, not per cell.
    expect(book.syncs.reduce((n, x) => n + x.actions, 0)).toBeLessThan(200);
    expect(book.sheet('Observaciones').valueAt('C30001')).toBe('N30013');
  });

  it('quotes sheet names in links', () => {
    expect(documentReference("Reporte d'POI", 'N14')).toBe("'Reporte d''POI'!N14");
    expect(hyperlinkFormula("Reporte \"d'POI", 'N14', 'N14')).toBe(`=HYPERLINK("#'Reporte ""d''POI'!N14","N14")`);
  });

  it('writes an ISO date under a date format as an Excel date', async () => {
    expect(isDateFormat('dd/mm/yyyy')).toBe(true);
    expect(isDateFormat('#,##0.00')).toBe(false);
    expect(excelSerial('2023-08-15')).toBe(45153);
    const book = new FakeWorkbook();
    book.addSheet('Reporte POI', { values: [['x']] });
    await book.run((ctx) => writeTableSheet(ctx, 'Resumen', [[{ value: 'Fecha de corte' }, { value: '2023-08-15', format: 'dd/mm/yyyy' }]]));
    expect(book.sheet('Resumen').get('B1')).toMatchObject({ value: 45153, numberFormat: 'dd/mm/yyyy' });
  });
});
