/** A POI-shaped workbook of a few hundred AO: reader parity with SheetJS and a full patch cycle. */
import { openXlsx, writePatchedCopy, buildWorkbook, type CellEdit } from '../../../src/hosts/xlsx';
import { HEADER_ROWS, POI_SHEET, poiLikeSheet } from '../../fixtures/xlsx/poi-like';
import { gridOf, readWithSheetJS, sameBytes, withEdits } from './helpers';

describe('a POI-shaped workbook of 300 AO', () => {
  const spec = poiLikeSheet(300);
  const bytes = buildWorkbook([spec]);
  const grid = gridOf(openXlsx(bytes).readSheet(POI_SHEET));

  it('reads 604 rows and 1,800 merged areas, as SheetJS does', () => {
    expect(grid.rows).toHaveLength(HEADER_ROWS + 600);
    expect(grid.merges).toHaveLength(1800);
    expect(readWithSheetJS(bytes, POI_SHEET)).toEqual({ ...grid, sheetNames: [POI_SHEET] });
  });

  it('keeps the figures that arrived as text as text', () => {
    const texts = grid.rows.flat().filter((v) => typeof v === 'string' && /^\d{1,3}(,\d{3})*\.\d\d$/.test(v));
    expect(texts.length).toBeGreaterThan(300);
  });

  it('patches two computed cells per AO and reads them back, everything else unchanged', () => {
    const edits: CellEdit[] = [];
    for (let i = 0; i < 300; i++) {
      const row = HEADER_ROWS + 2 * i;
      edits.push({ row, col: 19, value: i / 300 }, { row: row + 1, col: 20, value: `t${i}` });
    }
    const copy = writePatchedCopy(bytes, POI_SHEET, edits);
    const back = gridOf(openXlsx(copy).readSheet(POI_SHEET));
    expect(back.rows).toEqual(withEdits(grid.rows, edits));
    expect(back.merges).toEqual(grid.merges);
    expect(readWithSheetJS(copy, POI_SHEET).rows).toEqual(back.rows);
  });

  it('a second patch with the values already written changes nothing in the sheet', () => {
    const edits: CellEdit[] = [{ row: HEADER_ROWS, col: 19, value: 0.25 }];
    const once = writePatchedCopy(bytes, POI_SHEET, edits);
    const twice = writePatchedCopy(once, POI_SHEET, edits);
    expect(sameBytes(twice, once)).toBe(true);
  });
});
