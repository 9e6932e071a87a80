import { buildWorkbook, openXlsx, XlsxError } from '../../../src/hosts/xlsx';
import { excelDialect, openpyxlDialect, prefixedDialect, type Dialect } from '../../fixtures/xlsx/dialects';
import { REPORT, REPORT_ROWS, richPackage } from '../../fixtures/xlsx/rich-package';
import { gridOf, normalizeRows, readWithSheetJS, sortMerges } from './helpers';

describe.each<[string, () => Dialect]>([
  ['Excel', excelDialect],
  ['openpyxl-like', openpyxlDialect],
  ['prefixed namespaces', prefixedDialect],
])('reading the %s dialect', (_, make) => {
  const d = make();

  it('lists the sheets in workbook order with their visibility', () => {
    expect(openXlsx(d.bytes).sheets).toEqual(d.sheets);
  });

  it('reads the values and merged areas', () => {
    const grid = openXlsx(d.bytes).readSheet(d.sheet);
    expect(gridOf(grid)).toEqual({ rows: normalizeRows(d.rows), merges: sortMerges(d.merges) });
  });

  it('returns what SheetJS returns for the same file', () => {
    const ours = gridOf(openXlsx(d.bytes).readSheet(d.sheet));
    const theirs = readWithSheetJS(d.bytes, d.sheet);
    expect(ours.rows).toEqual(theirs.rows);
    expect(ours.merges).toEqual(theirs.merges);
  });
});

describe('reader details', () => {
  it('keeps numbers written as text as text', () => {
    const rows = openXlsx(excelDialect().bytes).readSheet('Reporte POI').rows;
    expect(rows[0]?.[1]).toBe('1,900.00');
    expect(openXlsx(openpyxlDialect().bytes).readSheet('Reporte').rows[0]?.[1]).toBe('4,418.97');
  });

  it('gives formula cells their cached value, and text that starts with "=" stays text', () => {
    const rows = openXlsx(excelDialect().bytes).readSheet('Reporte POI').rows;
    expect(rows[1]?.[2]).toBe(3800);
    expect(rows[1]?.[3]).toBe('abc');
    expect(openXlsx(openpyxlDialect().bytes).readSheet('Reporte').rows[0]?.[3]).toBe('= no es fórmula');
  });

  it('leaves absent rows undefined and does not invent cells', () => {
    const grid = openXlsx(excelDialect().bytes).readSheet('Reporte POI');
    expect(grid.rows[2]).toBeUndefined();
    expect(grid.rows.length).toBe(4);
  });

  it('reads the rich fixture (merged, formulas, rich text, a hidden sheet)', () => {
    const pkg = openXlsx(richPackage());
    expect(pkg.sheets).toEqual([
      { name: REPORT, state: 'visible' },
      { name: 'Listas', state: 'hidden' },
    ]);
    const grid = pkg.readSheet(REPORT);
    expect(normalizeRows(grid.rows)).toEqual(normalizeRows(REPORT_ROWS));
    expect(sortMerges(grid.merges)).toEqual([
      { top: 2, left: 0, bottom: 3, right: 0 },
      { top: 2, left: 3, bottom: 3, right: 3 },
    ]);
    expect(normalizeRows(pkg.readSheet('Listas').rows)).toEqual([['Sí'], ['No'], ['Parcial']]);
  });

  it('finds a sheet by name regardless of case, and says which sheets exist when it is missing', () => {
    const pkg = openXlsx(richPackage());
    expect(pkg.readSheet('reporte poi').rows[0]?.[0]).toBe('Código');
    let error: unknown;
    try {
      pkg.readSheet('Hoja1');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(XlsxError);
    expect((error as XlsxError).code).toBe('sheet-not-found');
    expect((error as XlsxError).message).toBe('El libro no tiene una hoja llamada «Hoja1». Elija una de estas: «Reporte POI», «Listas».');
  });

  it('reads a workbook built by buildWorkbook back identically', () => {
    const bytes = buildWorkbook([
      {
        name: 'Datos',
        table: [
          [{ value: 'Código', bold: true }, { value: 1.5, format: '#,##0.00' }, { value: true }, { value: '=A1' }],
          [],
          [{ value: '  espacios  ' }, null as never, { value: -0.25 }, { value: 'x_x0041_y' }],
        ],
        merges: ['A1:A2', 'C3:D3'],
      },
    ]);
    const grid = openXlsx(bytes).readSheet('Datos');
    expect(gridOf(grid)).toEqual({
      rows: [['Código', 1.5, true, '=A1'], [], ['  espacios  ', null, -0.25, 'x_x0041_y']],
      merges: [
        { top: 0, left: 0, bottom: 1, right: 0 },
        { top: 2, left: 2, bottom: 2, right: 3 },
      ],
    });
  });

  it('reads a sheet only when asked, and reuses the shared strings', () => {
    const pkg = openXlsx(excelDialect().bytes);
    const a = pkg.readSheet('Reporte POI');
    const b = pkg.readSheet('Reporte POI');
    expect(b).toEqual(a);
    expect(normalizeRows(pkg.readSheet('Datos').rows)).toEqual([[1]]);
  });
});
