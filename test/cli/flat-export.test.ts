/**
 * poi-check on the Aplicativo's flat export (issue 15): --periodo, --programacion, the JSON
 * fields, and THE round trip: `--out copy.xlsx export.xlsx`, then `--hoja "Reporte de
 * seguimiento" copy.xlsx` gives the same figures, on generated exports of every shape.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import { unzipSync } from 'fflate';
import { main, type Io } from '../../src/cli/poi-check';
import { analyze, generatedReport } from '../../src/engine';
import { buildWorkbook, openXlsx } from '../../src/hosts/xlsx';
import { aei, ao, oei, poiSheet } from '../fixtures/poi-sheet';
import { EXPORT_SHEET, flatExport, flatExportXlsx, variedActivities, type ExportSpec } from '../fixtures/flat-export';

const dir = mkdtempSync(join(tmpdir(), 'poi-check-flat-'));
const REPORT = 'Reporte de seguimiento';

type Parsed = ReturnType<typeof JSON.parse>;

async function run(args: string[]) {
  let out = '';
  let err = '';
  const io: Io = { out: (t) => (out += t + '\n'), err: (t) => (err += t + '\n') };
  const code = await main(args, io);
  return { code, out, err, json: (): Parsed => JSON.parse(out) };
}

let serial = 0;
function exportFile(spec: ExportSpec, name = `export-${++serial}.xlsx`): string {
  const path = join(dir, name);
  writeFileSync(path, flatExportXlsx(flatExport(spec)));
  return path;
}

const varied = (seed: number, n: number, extra: Partial<Parameters<typeof variedActivities>[0]> = {}) =>
  variedActivities({ seed, activities: n, ...extra });

interface Shape {
  readonly name: string;
  readonly spec: ExportSpec;
  readonly fechaCorte: string;
  readonly args?: readonly string[];
  /** The export's codes and types are in the printed form (else the report prints them normalised, as computed). */
  readonly printedCodes?: boolean;
}

const SHAPES: Shape[] = [
  { name: 'real header, S1 chosen from the fecha de corte', spec: { activities: varied(21, 30) }, fechaCorte: '2025-08-15', printedCodes: true },
  { name: 'the whole year (--periodo anual)', spec: { activities: varied(22, 30) }, fechaCorte: '2026-03-01', args: ['--periodo', 'anual'], printedCodes: true },
  { name: 'S2 tracked through October (S.I.)', spec: { activities: varied(23, 24, { trackedThrough: 10 }) }, fechaCorte: '2025-12-20', args: ['--periodo', 'S2'], printedCodes: true },
  { name: 'through month 04, columns shuffled', spec: { activities: varied(24, 24), order: 7 }, fechaCorte: '2025-06-10', args: ['--periodo', '04'], printedCodes: true },
  { name: 'phases missing (only CS, SE)', spec: { activities: varied(25, 18), phases: ['CS', 'SE'] }, fechaCorte: '2025-08-15', printedCodes: true },
  { name: 'AO split over UBIGEO rows, blank months, two UE', spec: { activities: varied(26, 30, { splitShare: 0.7, blankShare: 0.5, ues: ['001', '002'] }) }, fechaCorte: '2025-08-15', printedCodes: true },
  { name: 'header in row 6, columns reversed, phase forced to A', spec: { activities: varied(27, 18), headerRow: 5, order: 'reversed' }, fechaCorte: '2025-09-01', args: ['--programacion', 'A'], printedCodes: true },
  {
    name: 'codes not in the printed form, unknown Acumulado, text in a month',
    spec: {
      activities: [
        { code: '0001', oei: '1', aei: '1.1', accumulated: 'TAL VEZ', physical: { RE: [1, 1, 1, 1, 1, 1], SE: [1, 1, 'x', 1, 1, 1] }, financial: { RE: [5, 5, 5, 5, 5, 5], SE: [5, 5, 5, 5, 5, 5] } },
        { code: '0002', oei: '1', aei: '1.1', accumulated: 'NO', physical: { RE: [2, 0, 3, 0, 0, 1], SE: [2, 0, 1, 0, 0, 1] } },
      ],
    },
    fechaCorte: '2025-08-15',
  },
];

/** What must survive the round trip: every figure, in order (codes when printed as written). */
interface Item {
  readonly [field: string]: unknown;
}

function figures(json: Parsed, codes: boolean) {
  return {
    activities: json.activities.map((a: Item) => ({ ...(codes ? { code: a.code, aggregation: a.aggregation } : {}), physical: a.physical, financial: a.financial, status: a.status })),
    strategicActions: json.strategicActions.map((s: Item) => ({ ...(codes ? { code: s.code } : {}), physical: s.physical, financial: s.financial })),
    totals: json.totals,
    trafficLight: json.trafficLight,
  };
}

function sheetXml(file: string, index: number): Uint8Array {
  return unzipSync(readFileSync(file))[`xl/worksheets/sheet${index}.xml`];
}

describe.each(SHAPES)('poi-check --out on an export: $name', (shape) => {
  const input = exportFile(shape.spec);
  const copy = join(dir, `copy-${serial}.xlsx`);
  let first: Awaited<ReturnType<typeof run>>;
  let back: Awaited<ReturnType<typeof run>>;

  beforeAll(async () => {
    first = await run(['--json', '--fecha-corte', shape.fechaCorte, ...(shape.args ?? []), '--out', copy, input]);
    back = await run(['--json', '--fecha-corte', shape.fechaCorte, '--hoja', REPORT, copy]);
  });

  it('reads the export and writes the copy (nothing patched in the export)', () => {
    expect(first.code).toBeLessThan(2);
    const json = first.json();
    expect(json).toMatchObject({ sheet: EXPORT_SHEET, layout: 'exportacion', cellsToWrite: 0, copy });
    expect(json.activities.length).toBeGreaterThan(0);
  });

  it('reads back «Reporte de seguimiento» of the copy with exactly the same figures', () => {
    expect(back.code).toBeLessThan(2);
    const json = back.json();
    expect(json).toMatchObject({ sheet: REPORT, layout: 'reporte' });
    expect(json.period.months).toEqual(first.json().period.months);
    expect(figures(json, !!shape.printedCodes)).toEqual(figures(first.json(), !!shape.printedCodes));
    // Nothing to correct in the generated sheet.
    expect(json.cellsToWrite).toBe(0);
  });

  it('keeps the export sheet byte for byte and adds the report, Observaciones and Resumen', () => {
    expect(openXlsx(readFileSync(copy)).sheets.map((s) => s.name)).toEqual([EXPORT_SHEET, REPORT, 'Observaciones', 'Resumen']);
    expect(Buffer.from(sheetXml(copy, 1)).equals(Buffer.from(sheetXml(input, 1)))).toBe(true);
  });
});

describe('the generated sheet in the copy', () => {
  const spec: ExportSpec = { activities: varied(31, 20, { splitShare: 0.4 }) };
  const input = exportFile(spec);
  const copy = join(dir, 'generated.recalculado.xlsx');
  beforeAll(async () => {
    expect((await run(['--fecha-corte', '2025-08-15', '--out', copy, input])).code).toBeLessThan(2);
  });

  it('opens with SheetJS, which finds the title and the merges', () => {
    const wb = XLSX.read(readFileSync(copy), { type: 'buffer' });
    const ws = wb.Sheets[REPORT];
    expect(ws).toBeDefined();
    expect(ws.A1.v).toBe('REPORTE DE SEGUIMIENTO DEL PLAN OPERATIVO INSTITUCIONAL 2025');
    expect(ws['!merges']?.length).toBeGreaterThan(4);
  });

  it('our reader gives back exactly the merges the engine planned', () => {
    const planned = generatedReport(analyze(flatExport(spec).grid, { fechaCorte: '2025-08-15', sheet: EXPORT_SHEET }))!.merges;
    const read = openXlsx(readFileSync(copy)).readSheet(REPORT).merges;
    const key = (m: { top: number; left: number; bottom: number; right: number }) => `${m.top},${m.left},${m.bottom},${m.right}`;
    expect(read.map(key).sort()).toEqual(planned.map(key).sort());
  });

  it('a second --out onto the copy replaces the tool’s sheets instead of adding another report', async () => {
    const again = join(dir, 'generated-2.recalculado.xlsx');
    const r = await run(['--json', '--fecha-corte', '2025-08-15', '--out', again, copy]);
    expect(r.code).toBeLessThan(2);
    expect(r.json().sheet).toBe(EXPORT_SHEET);
    expect(openXlsx(readFileSync(again)).sheets.map((s) => s.name)).toEqual([EXPORT_SHEET, REPORT, 'Observaciones', 'Resumen']);
  });
});

describe('--periodo and --programacion', () => {
  const input = exportFile({
    activities: [
      { code: 'AOI1', oei: 'OEI.01', aei: 'AEI.01.01', physical: { A: [9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9], RE: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1], SE: [1, 1, 1, 1, 1, 1, 1, 1] }, financial: { RE: [10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10], SE: [10, 10, 10, 10, 10, 10] }, split: 2 },
    ],
  });

  it('without them: the period the fecha de corte means, said in the text and the JSON', async () => {
    const text = await run(['--fecha-corte', '2025-08-15', input]);
    expect(text.out).toContain('Periodo: PRIMER SEMESTRE (enero a junio), elegido por la fecha de corte 2025-08-15');
    expect(text.out).toContain('Programado leído de: F(RE) en 1 AO.');
    expect(text.out).toContain('Para obtener el Reporte de seguimiento impreso (y las hojas Observaciones y Resumen): poi-check --out copia.xlsx <archivo>.');
    expect(text.out).not.toContain('Celdas calculadas por escribir');
    const json = (await run(['--json', '--fecha-corte', '2025-08-15', input])).json();
    expect(json.layout).toBe('exportacion');
    expect(json.period).toEqual({ code: 'S1', months: [1, 2, 3, 4, 5, 6], title: 'PRIMER SEMESTRE', chosen: 'fecha-corte' });
    expect(json.activities[0]).toMatchObject({ code: 'AOI1', rows: [3, 4], programmedPhase: 'RE', financialProgrammedPhase: 'RE', physical: { programmed: 6, executed: 6, percent: 100 } });
    expect(json.strategicActions[0]).toMatchObject({ code: 'AEI.01.01', oei: 'OEI.01' });
    expect(json.months).toEqual(['Ene', 'Feb', 'Mar', 'Abr', 'May', 'Jun']);
  });

  it('--periodo 08 counts January to August; --programacion A reads the approved goal', async () => {
    const json = (await run(['--json', '--fecha-corte', '2025-10-15', '--periodo', '08', '--programacion', 'a', input])).json();
    expect(json.period).toMatchObject({ code: '08', months: [1, 2, 3, 4, 5, 6, 7, 8], chosen: 'opcion' });
    expect(json.activities[0]).toMatchObject({ programmedPhase: 'A', physical: { programmed: 72, executed: 8 } });
    const text = await run(['--fecha-corte', '2025-10-15', '--periodo', '08', input]);
    expect(text.out).toContain('Exportación del Aplicativo CEPLAN. Periodo: ENERO A AGOSTO.');
  });

  it.each([
    [['--periodo', 'S3'], /El periodo «S3» no es válido: use --periodo S1/],
    [['--periodo', '13'], /El periodo «13» no es válido/],
    [['--programacion', 'SE'], /La fase de programación «SE» no es válida: use --programacion RE, CS, AJ o A/],
    [['--periodo', ''], /--periodo no puede estar vacío/],
  ])('refuses %j with one Spanish line, exit 2 (JSON too)', async (bad, message) => {
    const text = await run([...bad, input]);
    expect(text.code).toBe(2);
    expect(text.err.trim().split('\n')).toHaveLength(1);
    expect(text.err).toMatch(message);
    const json = await run(['--json', ...bad, input]);
    expect(json.code).toBe(2);
    expect(json.json()).toEqual({ error: expect.stringMatching(message), code: 2 });
  });

  it('a printed report ignores them and keeps its JSON contract (layout reporte, its header’s period)', async () => {
    const copy = join(dir, 'periodo.recalculado.xlsx');
    await run(['--fecha-corte', '2025-08-15', '--out', copy, input]);
    const json = (await run(['--json', '--fecha-corte', '2025-08-15', '--periodo', 'anual', '--hoja', REPORT, copy])).json();
    expect(json).toMatchObject({ layout: 'reporte', period: { code: 'S1', chosen: 'reporte' } });
    expect(json.activities[0]).not.toHaveProperty('programmedPhase');
  });
});

describe('--consolidar', () => {
  const unit1 = varied(41, 16, { ues: ['001'] });
  const unit2 = varied(42, 12, { ues: ['002'] });
  // The second unit's export also carries one AO of the first (the same UE and code).
  const repeated = { ...unit1[3] };
  const folder = mkdtempSync(join(dir, 'entidad-'));
  const inFolder = (name: string): string => join(folder.slice(dir.length + 1), name);
  const a = exportFile({ activities: unit1 }, inFolder('a.xlsx'));
  const b = exportFile({ activities: [...unit2, repeated] }, inFolder('b.xlsx'));
  const out = join(dir, 'entidad.xlsx');
  let json: Parsed;
  let code: number;

  beforeAll(async () => {
    const r = await run(['--json', '--consolidar', '--fecha-corte', '2025-08-15', '--out', out, a, b]);
    code = r.code;
    json = r.json();
  });

  it('prints one JSON object for the entity, with its files and every AO of both', () => {
    expect(code).toBeLessThan(2);
    expect(Array.isArray(json)).toBe(false);
    expect(json).toMatchObject({ layout: 'exportacion', period: { code: 'S1' }, copy: out });
    expect(json.files).toEqual([
      { file: a, sheet: EXPORT_SHEET, recognised: true, activities: unit1.length },
      { file: b, sheet: EXPORT_SHEET, recognised: true, activities: unit2.length + 1 },
    ]);
    expect(json.activities).toHaveLength(unit1.length + unit2.length + 1);
    expect(new Set(json.activities.map((x: Item) => x.file))).toEqual(new Set([a, b]));
  });

  it('flags the AO found in both files, on the second', () => {
    const dup = json.issues.filter((o: Item) => o.rule === 'export-duplicate-activity');
    expect(dup).toHaveLength(1);
    expect(dup[0]).toMatchObject({ file: b, found: repeated.code });
  });

  it('writes one generated report into a new workbook that reads back with the same figures', async () => {
    const names = openXlsx(readFileSync(out)).sheets.map((s) => s.name);
    expect(names).toEqual([EXPORT_SHEET, REPORT, 'Observaciones', 'Resumen']);
    // The base of the new workbook is the first export, kept byte for byte.
    expect(Buffer.from(sheetXml(out, 1)).equals(Buffer.from(sheetXml(a, 1)))).toBe(true);
    const back = await run(['--json', '--fecha-corte', '2025-08-15', '--hoja', REPORT, out]);
    expect(figures(back.json(), true)).toEqual(figures(json, true));
    // Observaciones says the file of each observation.
    const obs = openXlsx(readFileSync(out)).readSheet('Observaciones').rows;
    expect(obs[2]?.[0]).toBe('Archivo');
    expect(obs.slice(3).map((r) => r?.[0])).toContain('b.xlsx');
  });

  it('reads a folder as the same entity; --out a folder names the workbook consolidado.recalculado.xlsx', async () => {
    const target = mkdtempSync(join(dir, 'salida-'));
    const r = await run(['--json', '--consolidar', '--fecha-corte', '2025-08-15', '--out', target, folder]);
    expect(r.json().copy).toBe(join(target, 'consolidado.recalculado.xlsx'));
    expect(figures(r.json(), true)).toEqual(figures(json, true));
  });

  it('never writes over an input', async () => {
    const r = await run(['--consolidar', '--fecha-corte', '2025-08-15', '--out', b, a, b]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--out no puede ser el archivo de entrada/);
  });

  it('leaves out a printed report and a workbook poi-check wrote, each with one Spanish line', async () => {
    const printed = join(dir, 'impreso.xlsx');
    writeFileSync(
      printed,
      buildWorkbook([poiSheet({ objectives: [oei('01', [aei('01.01', [ao({ code: 'AOI9', prog: [1, 1, 1, 1, 1, 1], exec: [1, 1, 1, 1, 1, 1] })])])] }).sheetSpec('Reporte POI')]),
    );
    const r = await run(['--json', '--consolidar', '--fecha-corte', '2025-08-15', a, printed, out]);
    expect(r.err).toMatch(/impreso\.xlsx: no se consolida\. La hoja «Reporte POI» es un Reporte de seguimiento impreso, no una exportación/);
    expect(r.err).toMatch(/entidad\.xlsx: es un libro escrito por poi-check/);
    expect(r.code).toBe(2);
    const j = r.json();
    expect(j.files.map((f: Item) => [f.file, f.recognised])).toEqual([
      [a, true],
      [printed, false],
    ]);
    expect(j.activities).toHaveLength(unit1.length);
  });

  it('prints the entity in text: the period, each file and the observations with their file', async () => {
    const r = await run(['--consolidar', '--fecha-corte', '2025-08-15', a, b]);
    expect(r.out).toContain('Consolidado de 2 archivos');
    expect(r.out).toContain(`Archivo: ${b} (hoja «${EXPORT_SHEET}», ${unit2.length + 1} AO)`);
    expect(r.out).toContain('Periodo: PRIMER SEMESTRE (enero a junio), elegido por la fecha de corte 2025-08-15');
    expect(r.out).toMatch(new RegExp(`${b.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} \\S+\\s+export-duplicate-activity`));
  });
});

describe('the round trip through the command as a process (Node zlib, as planners run it)', () => {
  // After `npm run build` the compiled file; before, the same entry through tsx.
  const root = join(__dirname, '..', '..');
  const bin = join(root, 'dist', 'node', 'cli', 'poi-check.js');
  const command = existsSync(bin) ? [bin] : ['--import', 'tsx', join(root, 'src', 'cli', 'poi-check.ts')];
  const poiCheck = (args: string[]) => spawnSync(process.execPath, [...command, ...args], { cwd: root, encoding: 'utf8' });

  it('poi-check --json --out copy.xlsx export.xlsx, then --hoja «Reporte de seguimiento» copy.xlsx: the same figures', () => {
    const input = exportFile({ activities: varied(51, 40, { splitShare: 0.5, blankShare: 0.3 }), order: 3, headerRow: 3 });
    const copy = join(dir, 'proceso.recalculado.xlsx');
    const first = poiCheck(['--json', '--fecha-corte', '2026-02-20', '--out', copy, input]);
    expect(first.status).toBeLessThan(2);
    const back = poiCheck(['--json', '--fecha-corte', '2026-02-20', '--hoja', REPORT, copy]);
    expect(back.status).toBeLessThan(2);
    const a = JSON.parse(first.stdout);
    const b = JSON.parse(back.stdout);
    expect(a.period).toMatchObject({ code: 'anual', chosen: 'fecha-corte' });
    expect(figures(b, true)).toEqual(figures(a, true));
  });
});

describe('an export that lacks what the tool needs', () => {
  it.each([
    ['Actividad Operativa ID', { drop: ['Actividad Operativa ID'] }, /pero falta la columna «Actividad Operativa ID»/],
    ['every month block', { phases: [] as const }, /pero faltan los bloques de meses/],
  ])('without %s: one Spanish line naming what was found and what is missing, exit 2, nothing written', async (_what, extra, missing) => {
    const input = exportFile({ activities: varied(61, 3), ...extra });
    const out = join(dir, `incompleta-${serial}.xlsx`);
    const r = await run(['--fecha-corte', '2025-08-15', '--out', out, input]);
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(new RegExp(`La hoja «${EXPORT_SHEET}» parece una exportación del Aplicativo CEPLAN \\(se encontró [^)]*Actividad Operativa`));
    expect(r.err).toMatch(missing);
    expect(existsSync(out)).toBe(false);
    const json = await run(['--json', '--fecha-corte', '2025-08-15', input]);
    expect(json.json()).toEqual({ file: input, error: expect.stringMatching(missing) });
  });
});
