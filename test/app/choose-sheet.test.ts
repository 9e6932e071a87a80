import { chooseSheet, chooseSheetSync, defaultSheet, HEAD_ROWS, pickReportSheet, recogniseSheets } from '../../src/app/choose-sheet';
import { analyze } from '../../src/engine';
import type { CellValue, Grid } from '../../src/engine/grid/cell';
import { noSheetRecognised, sheetNotRecognised } from '../../src/engine/not-recognised';
import { buildWorkbook } from '../../src/hosts/xlsx';
import { createXlsxPort } from '../../src/hosts/xlsx/workbook-port';
import { aei, ao, oei, poiSheet } from '../fixtures/poi-sheet';
import { MemoryPort } from './memory-port';

const report = (): Grid => poiSheet({ objectives: [oei('01', [aei('01.01', [ao({ prog: [1, 1, 1, 1, 1, 1], exec: [1, 1, 1, 1, 1, 1] })])])] }).toGrid();
const notes: Grid = { rows: [['Notas del planificador'], ['OBJETIVO ESTRATEGICO sin el resto del encabezado']], merges: [] };
/** A foreign sheet far larger than any header search. */
const huge: Grid = { rows: Array.from({ length: 100_000 }, (_, r): CellValue[] => [r, `fila ${r}`]), merges: [] };

describe('pickReportSheet: the one policy', () => {
  const sheets = [
    { name: 'Notas', recognised: false },
    { name: 'Reporte S1', recognised: true },
    { name: 'Reporte S2', recognised: true, active: true },
    { name: 'Oculto', recognised: true, visible: false },
  ];

  it('takes the named sheet (any case) when it has the layout', () => {
    expect(pickReportSheet(sheets, { wanted: 'reporte s1' })).toEqual({ sheet: 'Reporte S1', reason: null });
    expect(pickReportSheet(sheets, { wanted: 'Oculto' })).toEqual({ sheet: 'Oculto', reason: null });
  });

  it('else the active sheet when recognised, else the first visible recognised one', () => {
    expect(pickReportSheet(sheets)).toEqual({ sheet: 'Reporte S2', reason: null });
    const noneActive = sheets.map((s) => ({ ...s, active: false }));
    expect(pickReportSheet(noneActive)).toEqual({ sheet: 'Reporte S1', reason: null });
    const activeNotes = [{ name: 'Notas', recognised: false, active: true }, ...noneActive.slice(1)];
    expect(pickReportSheet(activeNotes).sheet).toBe('Reporte S1');
  });

  it('never picks a hidden sheet unless named', () => {
    expect(pickReportSheet([{ name: 'Notas', recognised: false }, { name: 'Oculto', recognised: true, visible: false }]).sheet).toBeNull();
  });

  it('says in Spanish why a named sheet does not fit, and what to do', () => {
    const what = 'Indique la hoja del reporte con --hoja.';
    expect(pickReportSheet(sheets, { wanted: 'Notas', whatToDo: what })).toEqual({
      sheet: null,
      reason:
        'La hoja «Notas» no tiene el formato del Reporte de seguimiento del POI (encabezado OBJETIVO ESTRATEGICO …, PROG./ EJE., FISICO con sus meses, FINANCIERO) ni el de la exportación del Aplicativo CEPLAN (columna «Actividad Operativa ID» y meses «F(RE) 01»…). Indique la hoja del reporte con --hoja.',
    });
    expect(pickReportSheet(sheets, { wanted: 'Resumen' }).reason).toBe(
      'El libro no tiene una hoja llamada «Resumen». Elija una de estas: «Notas», «Reporte S1», «Reporte S2», «Oculto».',
    );
  });

  it('says so when no sheet fits, with the same words the engine uses for one sheet', () => {
    const pick = pickReportSheet([{ name: 'Notas', recognised: false }]);
    expect(pick.reason).toBe(noSheetRecognised());
    expect(pick.reason).toMatch(/^En este libro, ninguna hoja tiene el formato del Reporte de seguimiento del POI \(encabezado .*\)\. Elija la hoja del reporte/);
    // The header-not-found observation is the same text, for the one sheet.
    expect(analyze(notes, { fechaCorte: '2023-08-15', sheet: 'Notas' }).observations.map((o) => o.message)).toEqual([sheetNotRecognised('Notas')]);
  });
});

describe('defaultSheet: the pane’s and the page’s default', () => {
  const list = [
    { name: 'Notas', recognised: false },
    { name: 'A', recognised: true },
    { name: 'B', recognised: true, active: true },
  ];
  it('keeps the current choice while it fits, else follows the policy, else the first sheet', () => {
    expect(defaultSheet(list, 'A')).toBe('A');
    expect(defaultSheet(list, 'Notas')).toBe('B');
    expect(defaultSheet(list)).toBe('B');
    expect(defaultSheet([{ name: 'Notas', recognised: false }])).toBe('Notas');
    const nothingFits = [{ name: 'Notas', recognised: false }, { name: 'Datos', recognised: false }];
    expect(defaultSheet(nothingFits, 'Datos')).toBe('Datos');
    expect(defaultSheet([])).toBeNull();
  });
});

describe('choosing over a workbook', () => {
  it('recognises each sheet on its top rows only: a huge foreign sheet is never read whole', async () => {
    const port = new MemoryPort([
      { name: 'Datos', grid: huge },
      { name: 'Reporte', grid: report() },
    ]);
    expect(await recogniseSheets(port)).toEqual([
      { name: 'Datos', recognised: false },
      { name: 'Reporte', recognised: true },
    ]);
    expect(port.reads).toEqual([
      { sheet: 'Datos', limitRows: HEAD_ROWS },
      { sheet: 'Reporte', limitRows: HEAD_ROWS },
    ]);
  });

  it('offers the visible sheets and prefers the active one', async () => {
    const port = new MemoryPort([
      { name: 'Oculto', grid: report(), visible: false },
      { name: 'S1', grid: report() },
      { name: 'S2', grid: report() },
    ]);
    port.active = 'S2';
    expect((await recogniseSheets(port)).map((s) => s.name)).toEqual(['S1', 'S2']);
    expect(await chooseSheet(port)).toEqual({ sheet: 'S2', reason: null });
    expect(await chooseSheet(port, { wanted: 'Oculto' })).toEqual({ sheet: 'Oculto', reason: null });
  });

  it('the CLI’s synchronous form gives the same answer on a real .xlsx', () => {
    const sheet = poiSheet({ objectives: [oei('01', [aei('01.01', [ao({ prog: [1, 0, 0, 0, 0, 0], exec: [1, 0, 0, 0, 0, 0] })])])] });
    const bytes = buildWorkbook([{ name: 'Notas', table: [[{ value: 'Notas' }]] }, sheet.sheetSpec('Reporte POI')]);
    const port = createXlsxPort(bytes);
    expect(chooseSheetSync(port.now)).toEqual({ sheet: 'Reporte POI', reason: null });
    expect(chooseSheetSync(port.now, { wanted: 'Notas', whatToDo: 'Use --hoja.' })).toEqual({ sheet: null, reason: sheetNotRecognised('Notas', 'Use --hoja.') });
  });
});
