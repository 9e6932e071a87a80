import { analyze } from '../../../src/engine';
import { openXlsx } from '../../../src/hosts/xlsx';
import { benchExport, EXPORT_SHEET, flatExport, flatExportXlsx, realHeader, variedActivities } from '../../fixtures/flat-export';
import { figuresOf } from './round-trip';

describe('the export generator', () => {
  it('writes the real header in row 2 after an empty row 1, in the Aplicativo order', () => {
    const built = flatExport({ activities: variedActivities({ seed: 1, activities: 3 }) });
    expect(built.rows[0]).toEqual([]);
    expect(built.rows[1]).toEqual(realHeader());
    expect(realHeader().slice(59, 61)).toEqual(['Actividad Operativa ID', 'Actividad Operativa']);
    expect(realHeader()[82]).toBe('F(A) 01');
    expect(realHeader().slice(-3)).toEqual(['Estado(SE)', 'Incorporado', 'Activo AO']);
  });

  it('builds bench exports of N rows × 279 columns that the engine reads whole', () => {
    const built = benchExport(500);
    expect(built.rows).toHaveLength(502);
    expect(built.rows[2]).toHaveLength(279);
    const a = analyze(built.grid, { fechaCorte: '2025-08-15' });
    expect(a.model!.activities).toHaveLength(500);
    expect(a.figures!.totals.physicalAverage).not.toBeNull();
  });

  it('as an .xlsx, reads back to the same figures as its grid', () => {
    const built = flatExport({ activities: variedActivities({ seed: 5, activities: 30 }), order: 2 });
    const grid = openXlsx(flatExportXlsx(built)).readSheet(EXPORT_SHEET);
    const options = { fechaCorte: '2025-08-15', period: 'S1' };
    expect(figuresOf(analyze(grid, options))).toEqual(figuresOf(analyze(built.grid, options)));
  });
});
