import { analyze, analyzeExports, generatedReport, GENERATED_REPORT_SHEET, jsonFields, summaryTable } from '../../../src/engine';
import { aei, ao, oei, poiSheet } from '../../fixtures/poi-sheet';
import { flatExport, variedActivities, type ExportActivity } from '../../fixtures/flat-export';
import { figuresOf, gridOfSheet } from './round-trip';

const OPTIONS = { fechaCorte: '2025-08-15', period: 'S1' } as const;
const SHEET = 'POI_Por_ActividadOperativaAnual';

describe('several exports analysed as one entity', () => {
  const a = variedActivities({ seed: 21, activities: 20, ues: ['001'] });
  const b = variedActivities({ seed: 22, activities: 16, ues: ['002'] });
  const both = flatExport({ activities: [...a, ...b] });
  const inputs = [
    { file: 'ue001.xlsx', sheet: SHEET, grid: flatExport({ activities: a }).grid },
    { file: 'ue002.xlsx', sheet: SHEET, grid: flatExport({ activities: b, order: 5 }).grid },
  ];
  const consolidated = analyzeExports(inputs, OPTIONS);

  it('gives the figures of one export holding every AO', () => {
    const single = analyze(both.grid, OPTIONS);
    expect(consolidated.layout).toBe('exportacion');
    expect(consolidated.files).toEqual([
      { file: 'ue001.xlsx', sheet: SHEET, recognised: true, activities: 20 },
      { file: 'ue002.xlsx', sheet: SHEET, recognised: true, activities: 16 },
    ]);
    expect(figuresOf(consolidated)).toEqual(figuresOf(single));
  });

  it('keeps each observation with its file and sheet', () => {
    expect(consolidated.observations.length).toBeGreaterThan(0);
    for (const o of consolidated.observations) expect(['ue001.xlsx', 'ue002.xlsx']).toContain(o.file);
    const perFile = analyze(inputs[1].grid, { ...OPTIONS, sheet: SHEET }).observations;
    expect(consolidated.observations.filter((o) => o.file === 'ue002.xlsx').map(({ file, ...o }) => (void file, o))).toEqual(perFile);
  });

  it('writes one generated report over all, read back with the same figures', () => {
    const sheet = generatedReport(consolidated)!;
    expect(sheet.table[2][0].value).toContain('«ue001.xlsx», «ue002.xlsx»');
    const back = analyze(gridOfSheet(sheet), { fechaCorte: OPTIONS.fechaCorte, sheet: GENERATED_REPORT_SHEET });
    expect(figuresOf(back)).toEqual(figuresOf(consolidated));
  });

  it('flags the same AO (UE ID + AO ID) in two files and counts it in both', () => {
    const dup: ExportActivity = { code: 'AOI777', oei: 'OEI.01', aei: 'AEI.01.01', physical: { RE: [1, 1, 1, 1, 1, 1], SE: [1, 1, 1, 1, 1, 1] } };
    const x = flatExport({ activities: [dup] });
    const y = flatExport({ activities: [{ ...dup, code: 'AOI778' }, dup] });
    const r = analyzeExports(
      [
        { file: 'a.xlsx', sheet: SHEET, grid: x.grid },
        { file: 'b.xlsx', sheet: SHEET, grid: y.grid },
      ],
      OPTIONS,
    );
    const dups = r.observations.filter((o) => o.rule === 'export-duplicate-activity');
    expect(dups).toEqual([
      expect.objectContaining({ file: 'b.xlsx', cell: y.a1('Actividad Operativa ID', 1), severity: 'warning', message: expect.stringContaining('La AO AOI777 de la UE 001 ya está en «a.xlsx» (fila 3)') }),
    ]);
    expect(r.model!.activities.map((act) => act.code)).toEqual(['AOI777', 'AOI778', 'AOI777']);
    const inputs2 = [
      { file: 'a.xlsx', sheet: SHEET, grid: x.grid },
      { file: 'b.xlsx', sheet: SHEET, grid: y.grid },
    ];
    expect(analyzeExports(inputs2, { ...OPTIONS, severities: { 'export-duplicate-activity': 'off' } }).observations.filter((o) => o.rule === 'export-duplicate-activity')).toEqual([]);
    expect(analyzeExports(inputs2, { ...OPTIONS, severities: { 'export-duplicate-activity': 'error' } }).observations.filter((o) => o.rule === 'export-duplicate-activity').map((o) => o.severity)).toEqual(['error']);
  });

  it('leaves out a file that is not an export, saying why', () => {
    const printed = poiSheet({ objectives: [oei('01', [aei('01.01', [ao({ prog: [1, 1, 1, 1, 1, 1], exec: [1, 1, 1, 1, 1, 1] })])])] }).toGrid();
    const r = analyzeExports(
      [
        { file: 'reporte.xlsx', sheet: 'Reporte POI', grid: printed },
        { file: 'vacio.xlsx', sheet: 'Hoja1', grid: { rows: [['hola']], merges: [] } },
        inputs[0],
      ],
      OPTIONS,
    );
    expect(r.files.map((f) => f.recognised)).toEqual([false, false, true]);
    const header = r.observations.filter((o) => o.rule === 'header-not-found');
    expect(header.map((o) => [o.file, o.message.slice(0, 40)])).toEqual([
      ['reporte.xlsx', 'La hoja «Reporte POI» es un Reporte de s'],
      ['vacio.xlsx', 'La hoja «Hoja1» no tiene el formato del '],
    ]);
    expect(r.model!.activities).toHaveLength(20);
  });
});

describe('the JSON fields of flat-export.md §2.10', () => {
  it('gives layout, period, and per AO its rows and phases, per AEI its OEI', () => {
    const built = flatExport({
      activities: [
        { code: 'AOI1', oei: 'OEI.02', aei: 'AEI.02.01', split: 2, physical: { CS: [1, 1, 1, 1, 1, 1], SE: [1, 1, 1, 1, 1, 1] }, financial: { A: [5] } },
      ],
    });
    const fields = jsonFields(analyze(built.grid, { fechaCorte: '2025-08-15' }));
    expect(fields.top).toEqual({ layout: 'exportacion', period: { code: 'S1', months: [1, 2, 3, 4, 5, 6], title: 'PRIMER SEMESTRE', chosen: 'fecha-corte' } });
    expect(fields.activities).toEqual([{ rows: [3, 4], programmedPhase: 'CS', financialProgrammedPhase: 'A' }]);
    expect(fields.strategicActions).toEqual([{ oei: 'OEI.02' }]);
  });

  it('says reporte for a printed report', () => {
    const grid = poiSheet({ objectives: [oei('01', [aei('01.01', [ao({ prog: [1, 1, 1, 1, 1, 1], exec: [1, 1, 1, 1, 1, 1] })])])] }).toGrid();
    const fields = jsonFields(analyze(grid, { fechaCorte: '2023-08-15' }));
    expect(fields.top.layout).toBe('reporte');
    expect(fields.activities).toEqual([{}]);
    expect(fields.strategicActions).toEqual([{ oei: 'OEI.01' }]);
  });
});

describe('the Resumen sheet of an export', () => {
  it('says the format and the period chosen', () => {
    const built = flatExport({ activities: variedActivities({ seed: 3, activities: 4 }) });
    const rows = summaryTable(analyze(built.grid, { fechaCorte: '2025-08-15', sheet: SHEET }));
    expect(rows.slice(3, 5).map((r) => r.map((c) => c.value))).toEqual([
      ['Formato', 'Exportación del Aplicativo CEPLAN'],
      ['Periodo', 'PRIMER SEMESTRE (elegido por la fecha de corte)'],
    ]);
  });
});
