import { analyze, generatedReport, GENERATED_REPORT_SHEET, type Analysis } from '../../../src/engine';
import { toA1 } from '../../../src/engine/grid/a1';
import type { Grid } from '../../../src/engine/grid/cell';
import { NUMBER_FORMATS } from '../../../src/engine/patch/types';
import { flatExport, variedActivities, type ExportSpec } from '../../fixtures/flat-export';
import { poiSheet, aei, ao, oei } from '../../fixtures/poi-sheet';
import { figuresOf, gridOfSheet, gridThroughXlsx } from './round-trip';

const SHEET = 'POI_Por_ActividadOperativaAnual';

interface Shape {
  readonly name: string;
  readonly spec: ExportSpec;
  readonly fechaCorte: string;
  readonly period?: string;
}

const varied = (seed: number, n: number, extra: Partial<Parameters<typeof variedActivities>[0]> = {}) =>
  variedActivities({ seed, activities: n, ...extra });

const SHAPES: Shape[] = [
  { name: 'the real header, first semester', spec: { activities: varied(1, 40) }, fechaCorte: '2025-08-15', period: 'S1' },
  { name: 'the whole year, chosen from the fecha de corte', spec: { activities: varied(2, 40) }, fechaCorte: '2026-02-15' },
  { name: 'second semester, tracking through October (S.I.)', spec: { activities: varied(3, 30, { trackedThrough: 10 }) }, fechaCorte: '2025-12-20', period: 'S2' },
  { name: 'through month 04, columns shuffled', spec: { activities: varied(4, 30), order: 11 }, fechaCorte: '2025-06-10', period: '04' },
  { name: 'phases missing (only CS, SE)', spec: { activities: varied(5, 24), phases: ['CS', 'SE'] }, fechaCorte: '2025-08-15', period: 'S1' },
  { name: 'no SE block (nothing tracked)', spec: { activities: varied(6, 12), phases: ['A', 'RE'] }, fechaCorte: '2025-08-15', period: 'S1' },
  { name: 'many UBIGEO splits and blank months, two UE', spec: { activities: varied(7, 40, { splitShare: 0.6, blankShare: 0.4, ues: ['001', '002'] }) }, fechaCorte: '2025-08-15', period: 'S1' },
  { name: 'header in row 5, columns reversed', spec: { activities: varied(8, 20), headerRow: 4, order: 'reversed' }, fechaCorte: '2025-09-01', period: 'anual' },
  {
    name: 'codes not in the printed form, unknown Acumulado, text in a month',
    spec: {
      activities: [
        { code: '0001', oei: '1', aei: '1.1', accumulated: 'TAL VEZ', physical: { RE: [1, 1, 1, 1, 1, 1], SE: [1, 1, 'x', 1, 1, 1] }, financial: { RE: [5, 5, 5, 5, 5, 5], SE: [5, 5, 5, 5, 5, 5] } },
        { code: 'X-2', oei: '', aei: '', physical: { RE: [0, 0, 0, 0, 0, 0], SE: [0, 0, 0, 0, 0, 0] } },
      ],
    },
    fechaCorte: '2025-08-15',
    period: 'S1',
  },
];

const flat = (s: Shape): Analysis => analyze(flatExport(s.spec).grid, { fechaCorte: s.fechaCorte, sheet: SHEET, period: s.period });
const printed = (grid: Grid, s: Shape): Analysis => analyze(grid, { fechaCorte: s.fechaCorte, sheet: GENERATED_REPORT_SHEET });

describe.each(SHAPES)('the generated report of an export: $name', (shape) => {
  const source = flat(shape);
  const sheet = generatedReport(source)!;

  it('is read back by the printed-layout reader with exactly the same figures', () => {
    const back = printed(gridOfSheet(sheet), shape);
    expect(back.layout).toBe('reporte');
    expect(back.model!.layout.months).toEqual(source.period!.months);
    expect(figuresOf(back)).toEqual(figuresOf(source));
  });

  it('gives the same figures through an .xlsx written by the xlsx host', () => {
    const back = printed(gridThroughXlsx(sheet), shape);
    expect(figuresOf(back)).toEqual(figuresOf(source));
  });

  it('states every computed cell as the reader computes it (nothing to patch, no stated-* observation)', () => {
    const back = printed(gridOfSheet(sheet), shape);
    expect(back.patch.cells).toEqual([]);
    expect(back.observations.filter((o) => o.rule.startsWith('stated-') || o.rule === 'unrecognised-row' || o.rule === 'misnamed-strategic-action-line')).toEqual([]);
    expect(back.model!.strayRows).toEqual([]);
  });
});

describe('the generated sheet', () => {
  const shape = SHAPES[0];
  const source = flat(shape);
  const sheet = generatedReport(source)!;
  const text = (row: number, col: number) => sheet.table[row]?.[col]?.value ?? null;

  it('is named exactly «Reporte de seguimiento», titled with the year and period, with the printed header (21 columns for a semester)', () => {
    expect(sheet.name).toBe('Reporte de seguimiento');
    expect(text(0, 0)).toBe('REPORTE DE SEGUIMIENTO DEL PLAN OPERATIVO INSTITUCIONAL 2025');
    expect(text(1, 0)).toBe('PRIMER SEMESTRE');
    expect(sheet.table[3].map((c) => c.value)).toEqual([
      'OBJETIVO ESTRATEGICO / ACCION ESTRATÉGICA / ACTIVIDAD OPERATIVA', 'CENTRO DE COSTO', 'NIVEL DE PRIORIDAD', 'UNIDAD MEDIDA', 'TIPO DE AGREGACIÓN', 'PROG./ EJE.',
      'FISICO', null, null, null, null, null, null, null, 'FINANCIERO', null, null, null, null, null, null,
    ]);
    expect(sheet.table[4].slice(6).map((c) => c.value)).toEqual([
      'Ene', 'Feb', 'Mar', 'Abr', 'May', 'Jun', 'AVANCE ACUMULADO.', 'AVANCE % ACUMULADO', 'Ene', 'Feb', 'Mar', 'Abr', 'May', 'Jun', 'AVANCE ACUMULADO',
    ]);
    const merges = sheet.merges.map((m) => `${toA1({ row: m.top, col: m.left })}:${toA1({ row: m.bottom, col: m.right })}`);
    expect(merges).toEqual(expect.arrayContaining(['A4:A5', 'F4:F5', 'G4:N4', 'O4:U4']));
    expect(sheet.freezeRows).toBe(5);
    expect(sheet.columnWidths).toHaveLength(21);
  });

  it('merges A–E and the % over each PROGRAMADO/EJECUTADO pair, fills the % with its traffic-light colour', () => {
    const row = sheet.table.findIndex((r) => r[5]?.value === 'PROGRAMADO');
    expect(sheet.table[row + 1][5].value).toBe('EJECUTADO');
    const merges = sheet.merges.filter((m) => m.top === row);
    expect(merges.map((m) => [m.left, m.bottom, m.right])).toEqual([[0, row + 1, 0], [1, row + 1, 1], [2, row + 1, 2], [3, row + 1, 3], [4, row + 1, 4], [13, row + 1, 13]]);
    const f = source.figures!.activities[0];
    expect(sheet.table[row][13]).toMatchObject({ value: f.percent, format: NUMBER_FORMATS.percent });
    if (f.color) expect(sheet.table[row][13].fill).toMatch(/^[0-9A-F]{6}$/);
    expect(sheet.table[row][20]).toMatchObject({ value: f.financialProgrammed, format: '#,##0.00' });
  });

  it('ends with the totals, the footnotes (i)–(vii) and the traffic-light table', () => {
    const col0 = sheet.table.map((r) => r[0]?.value);
    for (const label of ['PROMEDIO DE EJECUCIÓN FÍSICA (%)', 'MEDIANA DEI AV% DEL POI', 'TOTAL DE PROGRAMACIÓN FINANCIERA', 'TOTAL DE EJECUCIÓN FINANCIERA', 'AO CON INFORMACIÓN COMPLETA', 'AO CON INFORMACIÓN INCOMPLETA']) {
      expect(col0).toContain(label);
    }
    const notes = col0.filter((v) => typeof v === 'string' && /^\((i|ii|iii|iv|v|vi|vii)\)/.test(v));
    expect(notes).toHaveLength(7);
    const tl = col0.indexOf('Año: 2025');
    expect(sheet.table[tl].slice(1, 4).map((c) => c.value)).toEqual(['< 75%', '75% - 95%', '> 95%']);
    const { ao: counts } = source.figures!.trafficLight;
    expect(sheet.table[tl + 2].slice(1, 4).map((c) => c.value)).toEqual([counts.red, counts.yellow, counts.green]);
  });

  it('is null for a printed report (nothing to generate)', () => {
    const grid = poiSheet({ objectives: [oei('01', [aei('01.01', [ao({ prog: [1, 1, 1, 1, 1, 1], exec: [1, 1, 1, 1, 1, 1] })])])] }).toGrid();
    expect(generatedReport(analyze(grid, { fechaCorte: '2023-08-15' }))).toBeNull();
  });
});
