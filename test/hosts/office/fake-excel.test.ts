/* eslint-disable office-addins/load-object-before-read, office-addins/call-sync-before-read -- these tests check that the fake
   enforces load + sync itself, so they read before loading on purpose and read right after syncs the rule cannot see. */
import type { ExcelContext } from '../../../src/hosts/office/excel-api';
import { FakeOfficeError, FakeWorkbook, parseInput } from './fake-excel';

/** The fake must behave like Excel where the host depends on it, or the host tests prove nothing. */
describe('fake Excel', () => {
  function book(): FakeWorkbook {
    const b = new FakeWorkbook();
    b.addSheet('Hoja1', { values: [['a', 1, 2], ['b', 3, 4], ['c', 5, 6]], merges: [{ top: 0, left: 1, bottom: 1, right: 1 }] });
    return b;
  }

  it('applies nothing before sync and throws on a property read before load + sync', async () => {
    const b = book();
    await b.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Hoja1').getRange('C1');
      r.values = [[9]];
      expect(b.sheet('Hoja1').valueAt('C1')).toBe(2);
      expect(() => r.values).toThrow(/not available/);
      r.load('values');
      await ctx.sync();
      expect(r.values).toEqual([[9]]);
    });
    expect(b.syncs).toHaveLength(1);
  });

  it('null keeps a cell and an empty string clears it', async () => {
    const b = book();
    await b.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Hoja1').getRange('A3:C3').values = [[null, '', 7]];
      await ctx.sync();
    });
    const s = b.sheet('Hoja1');
    expect([s.valueAt('A3'), s.valueAt('B3'), s.valueAt('C3')]).toEqual(['c', '', 7]);
    expect(b.valueWrites.map((w) => w.a1)).toEqual(['B3', 'C3']);
  });

  it('parses strings like typed input unless the cell is Text or the string starts with an apostrophe', () => {
    expect(parseInput('=SUM(A1)', undefined)).toEqual({ formula: '=SUM(A1)', value: '#NAME?' });
    expect(parseInput('+1', undefined).formula).toBe('+1');
    expect(parseInput('-x', undefined).formula).toBe('-x');
    expect(parseInput('1,900.00', undefined)).toEqual({ value: 1900 });
    expect(parseInput('-5', undefined)).toEqual({ value: -5 });
    expect(parseInput('-', undefined)).toEqual({ value: '-' });
    expect(parseInput('S.P.', undefined)).toEqual({ value: 'S.P.' });
    expect(parseInput('=SUM(A1)', '@')).toEqual({ value: '=SUM(A1)' });
    expect(parseInput("'=SUM(A1)", undefined)).toEqual({ value: '=SUM(A1)' });
  });

  it('refuses a value aimed at a merged area other than at its top-left', async () => {
    const b = book();
    await expect(
      b.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Hoja1').getRange('B2').values = [[5]];
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidOperation' });
  });

  it('throws like Excel on the web when a request exceeds 5 MB', async () => {
    const b = book();
    const big = 'x'.repeat(1024 * 1024);
    await expect(
      b.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Hoja1').getRange('A1:A6').values = [[big], [big], [big], [big], [big], [big]];
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
    expect(b.sheet('Hoja1').valueAt('A1')).toBe('a');
  });

  it('throws when a response exceeds 5 MB and answers null over 5 million cells', async () => {
    const b = new FakeWorkbook();
    const s = b.addSheet('Grande');
    for (let r = 0; r < 6; r++) s.ensure(r, 0).value = 'y'.repeat(1024 * 1024);
    await expect(
      b.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Grande').getRange('A1:A6').load('values');
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'ResponsePayloadSizeLimitExceeded' });
    await b.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Grande').getRangeByIndexes(100, 0, 100_000, 51);
      r.load('values');
      await ctx.sync();
      expect(r.values).toBeNull();
    });
  });

  it('fails getMergedAreasOrNullObject over 512 areas, and reports none as a null object', async () => {
    const b = new FakeWorkbook();
    b.addSheet('M', { merges: Array.from({ length: 600 }, (_, i) => ({ top: i * 2, left: 0, bottom: i * 2 + 1, right: 0 })) });
    await b.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('M');
      const some = ws.getRange('A1:B10').getMergedAreasOrNullObject();
      some.load('address');
      const none = ws.getRange('C1:C10').getMergedAreasOrNullObject();
      none.load('isNullObject');
      await ctx.sync();
      expect(some.address).toBe("'M'!A1:A2, 'M'!A3:A4, 'M'!A5:A6, 'M'!A7:A8, 'M'!A9:A10");
      expect(none.isNullObject).toBe(true);
      ws.getRange('A1:A2000').getMergedAreasOrNullObject().load('address');
      await expect(ctx.sync()).rejects.toBeInstanceOf(FakeOfficeError);
    });
  });

  it('throws InvalidOperationInCellEditMode on sync while a cell is being edited', async () => {
    const b = book();
    b.cellEditMode = true;
    await expect(
      b.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Hoja1').getRange('A1').values = [['z']];
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidOperationInCellEditMode' });
    expect(b.sheet('Hoja1').valueAt('A1')).toBe('a');
  });

  it('adds and deletes sheets, stores link formulas, fills and charts', async () => {
    const b = book();
    await b.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.add('Nueva');
      ws.getRange('A1:A2').formulas = [[`=HYPERLINK("#'Hoja1'!C2","C2")`], [null]];
      ws.getRange('A1:B3').format.fill.color = '#FF0000';
      ws.charts.add('BarClustered', ws.getRange('A1:B3'), 'Columns');
      await ctx.sync();
      const missing = ctx.workbook.worksheets.getItemOrNullObject('Nada');
      missing.load('isNullObject');
      await ctx.sync();
      expect(missing.isNullObject).toBe(true);
    });
    const s = b.sheet('Nueva');
    expect(s.get('A1')).toMatchObject({ value: 'C2', formula: `=HYPERLINK("#'Hoja1'!C2","C2")`, fill: '#FF0000' });
    expect(s.get('A2')?.formula).toBeUndefined();
    expect(s.get('B3')?.fill).toBe('#FF0000');
    expect(s.charts).toEqual([{ type: 'BarClustered', source: "'Nueva'!A1:B3", seriesBy: 'Columns' }]);
    await b.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Nueva').delete();
      await ctx.sync();
    });
    expect(b.find('Nueva')).toBeUndefined();
  });

  it('keeps worksheet-scoped names with their sheet, hidden or not', async () => {
    const b = book();
    await b.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Hoja1');
      ws.names.add('SemaforoPOI.hoja', '="resumen"').visible = false;
      const n = ws.names.getItemOrNullObject('semaforopoi.HOJA').load('isNullObject,formula');
      const none = ctx.workbook.worksheets.getItem('Hoja1').names.getItemOrNullObject('Otro').load('isNullObject');
      await ctx.sync();
      expect([n.isNullObject, n.formula, none.isNullObject]).toEqual([false, '="resumen"', true]);
    });
    expect(b.sheet('Hoja1').names.get('SemaforoPOI.hoja')).toEqual({ formula: '="resumen"', visible: false });
  });

  it('refuses writes to a protected sheet and sheet changes under a protected structure', async () => {
    const b = book();
    b.sheet('Hoja1').protected = true;
    await expect(
      b.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Hoja1').getRange('A1').numberFormat = [['0']];
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'AccessDenied' });
    b.structureProtected = true;
    await expect(
      b.run(async (ctx) => {
        ctx.workbook.worksheets.add('Otra');
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'AccessDenied' });
  });

  it('evaluates custom conditional formats relative to the first area and shows them over static fills', async () => {
    const b = new FakeWorkbook();
    b.addSheet('S', { values: [[50], [80], ['S.P.'], [null], [99]], fills: new Map([['A3', '#123456']]) });
    await b.run(async (ctx) => {
      const areas = ctx.workbook.worksheets.getItem('S').getRanges('A1:A3,A5');
      const cf = areas.conditionalFormats.add('Custom');
      cf.custom.rule.formula = '=AND(ISNUMBER(A1),A1<75)';
      cf.custom.format.fill.color = '#FF0000';
      await ctx.sync();
    });
    const s = b.sheet('S');
    expect(['A1', 'A2', 'A3', 'A4', 'A5'].map((a) => s.shownFill(a))).toEqual(['#FF0000', undefined, '#123456', undefined, undefined]);
  });

  it('counts one undo step per changing sync, or one per run with mergeUndoGroup where supported', async () => {
    const b = book();
    const twoWrites = async (ctx: ExcelContext): Promise<void> => {
      ctx.workbook.worksheets.getItem('Hoja1').getRange('C1').values = [[1]];
      await ctx.sync();
      ctx.workbook.worksheets.getItem('Hoja1').getRange('C2').values = [[2]];
      await ctx.sync();
    };
    await b.run(twoWrites);
    expect(b.undoSteps).toBe(2);
    b.resetStats();
    await b.run({ mergeUndoGroup: true }, twoWrites);
    expect(b.undoSteps).toBe(2);
    b.resetStats();
    b.undoGroupSupported = true;
    await b.run({ mergeUndoGroup: true }, twoWrites);
    expect(b.undoSteps).toBe(1);
  });
});
