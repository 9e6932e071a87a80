import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main, type Io } from '../../src/cli/poi-check';
import { fromA1 } from '../../src/engine/grid/a1';
import { buildWorkbook, openXlsx } from '../../src/hosts/xlsx';
import { aei, ao, oei, poiSheet, type PoiSheetSpec } from '../fixtures/poi-sheet';

const SAMPLE = join(__dirname, '..', '..', 'samples', 'la-victoria-2023-s1.xlsx');
const dir = mkdtempSync(join(tmpdir(), 'poi-check-'));

async function runCli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: Io = { out: (t) => (out += t + '\n'), err: (t) => (err += t + '\n') };
  const code = await main(args, io);
  return { code, out, err };
}

function workbook(name: string, spec: PoiSheetSpec, sheetName = 'Reporte POI'): string {
  const sheet = poiSheet(spec);
  const path = join(dir, name);
  writeFileSync(path, buildWorkbook([{ name: 'Notas', table: [[{ value: 'Hoja de notas' }]] }, sheet.sheetSpec(sheetName)]));
  return path;
}

const cleanSpec: PoiSheetSpec = {
  objectives: [oei('01', [aei('01.01', [ao({ code: 'AOI1', prog: [1, 1, 0, 0, 0, 0], exec: [1, 1, 0, 0, 0, 0], finProg: [10, 0, 0, 0, 0, 0], finExec: [10, 0, 0, 0, 0, 0] })])])],
};
const clean = workbook('limpio.xlsx', cleanSpec);
const wrong = workbook('con-error.xlsx', {
  objectives: [oei('01', [aei('01.01', [ao({ code: 'AOI1', prog: [2, 0, 0, 0, 0, 0], exec: [2, 0, 0, 0, 0, 0], finExec: [0, 0, 0, 0, 0, 0], percent: 57 })])])],
});

describe('poi-check --json', () => {
  it('prints the contract’s shape for the sample', async () => {
    const r = await runCli(['--json', '--fecha-corte', '2023-08-01', SAMPLE]);
    const json = JSON.parse(r.out);
    expect(json).toMatchObject({
      file: SAMPLE,
      sheet: 'Reporte POI',
      months: ['Ene', 'Feb', 'Mar', 'Abr', 'May', 'Jun'],
      totals: { physicalAverage: 83.7, physicalMedian: 100, aeiAverage: 78.7, financialExecuted: 56120891.58, completeActivities: 288, incompleteActivities: 0 },
      trafficLight: { aei: { red: 11, yellow: 9, green: 9 }, ao: { red: 58, yellow: 16, green: 190 } },
    });
    expect(json.activities[0]).toEqual({
      code: 'AOI30126400197',
      name: 'REALIZACIÓN DE ACTIVIDADES DEL GRUPO ELITE MUJERES EN ACCIÓN',
      row: 8,
      aei: 'AEI.01.01',
      aggregation: 'Acumulado Anual',
      physical: { programmed: 5, executed: 5, percent: 100 },
      financial: { programmed: 30000, executed: 59035.15 },
      status: 'ok',
    });
    expect(json.activities.find((a: { code: string }) => a.code === 'AOI30126400201')).toMatchObject({ physical: { percent: 'S.P.' }, status: 'S.P.' });
    expect(json.strategicActions[0]).toMatchObject({ code: 'AEI.01.01', physical: 100, financial: 786125.84 });
    for (const issue of json.issues) expect(Object.keys(issue)).toEqual(expect.arrayContaining(['rule', 'severity', 'sheet', 'cell', 'row', 'message']));
    expect(r.code).toBe(1); // the report's own contradictions are errors
    expect(r.err).toBe('');
  });
  it('exits 0 on a clean workbook and finds the report sheet after another sheet', async () => {
    const r = await runCli(['--json', '--fecha-corte', '2023-08-15', clean]);
    expect(JSON.parse(r.out).sheet).toBe('Reporte POI');
    expect(r.code).toBe(0);
  });
  it('exits 1 and names the cell when a stated figure is wrong', async () => {
    const r = await runCli(['--json', '--fecha-corte', '2023-08-15', wrong]);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out).issues).toContainEqual(
      expect.objectContaining({ rule: 'stated-percent', severity: 'error', cell: 'N8', row: 8, message: expect.stringContaining('AVANCE % dice 57; según los meses es 100') }),
    );
  });
  it('gives an array for several files, one unreadable file does not stop the others, exit 2', async () => {
    const bad = join(dir, 'reporte.csv');
    writeFileSync(bad, 'a,b,c\n1,2,3\n');
    const r = await runCli(['--json', '--fecha-corte', '2023-08-15', clean, bad, wrong]);
    const json = JSON.parse(r.out);
    expect(json).toHaveLength(3);
    expect(json[0].totals.physicalAverage).toBe(100);
    expect(json[1]).toEqual({ file: bad, error: expect.stringContaining('guárdelo como Libro de Excel (.xlsx)') });
    expect(json[2].issues.length).toBeGreaterThan(0);
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
  });
});

describe('poi-check without --json', () => {
  it('prints a Spanish summary and one line per observation with its cell', async () => {
    const r = await runCli(['--fecha-corte', '2023-08-15', wrong]);
    expect(r.out).toContain('hoja «Reporte POI» (Ene–Jun), fecha de corte 2023-08-15');
    expect(r.out).toContain('Promedio de ejecución física: 100 %');
    expect(r.out).toMatch(/Errores \(1\):\n\s+N8\s+stated-percent: AVANCE % dice 57/);
    expect(r.out).toContain('poi-check --out copia.xlsx');
  });
  it('prints one line per file and a final count for several files', async () => {
    const r = await runCli(['--fecha-corte', '2023-08-15', clean, wrong]);
    const lines = r.out.trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe('2 archivos: 1 sin errores, 1 con errores, 0 no se pudieron leer.');
  });
  it('checks every .xlsx of a folder', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'poi-lote-'));
    writeFileSync(join(folder, 'a.xlsx'), readFileSync(clean));
    writeFileSync(join(folder, 'b.xlsx'), readFileSync(wrong));
    const r = await runCli(['--fecha-corte', '2023-08-15', folder]);
    expect(r.out).toContain('2 archivos: 1 sin errores, 1 con errores');
  });
});

describe('--config', () => {
  it('changes a rule’s severity or turns it off', async () => {
    const config = join(dir, 'config.json');
    writeFileSync(config, JSON.stringify({ rules: { 'stated-percent': 'warning' } }));
    const r = await runCli(['--json', '--fecha-corte', '2023-08-15', '--config', config, wrong]);
    const issues = JSON.parse(r.out).issues as { rule: string; severity: string }[];
    expect(issues).toEqual([expect.objectContaining({ rule: 'stated-percent', severity: 'warning', cell: 'N8' })]);
    expect(r.code).toBe(0);
    writeFileSync(config, JSON.stringify({ rules: { 'stated-percent': 'off' } }));
    const off = await runCli(['--json', '--fecha-corte', '2023-08-15', '--config', config, wrong]);
    expect(JSON.parse(off.out).issues).toEqual([]);
  });
  it('refuses an unknown rule or severity with exit 2', async () => {
    const config = join(dir, 'config-mala.json');
    writeFileSync(config, JSON.stringify({ rules: { 'no-such-rule': 'off' } }));
    const r = await runCli(['--config', config, clean]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('nombra una regla que no existe: no-such-rule');
    writeFileSync(config, JSON.stringify({ rules: { 'stated-percent': 'fatal' } }));
    expect((await runCli(['--config', config, clean])).err).toContain('Severidad no válida para stated-percent');
  });
});

describe('exit 2 with one Spanish line', () => {
  it.each([
    [['--fecha-corte', '2023-13-01', 'x.xlsx'], 'La fecha de corte «2023-13-01» no es válida'],
    [['--bogus', 'x.xlsx'], 'Opción no reconocida'],
    [[], 'Indique al menos un archivo'],
    [[join(dir, 'no-existe.xlsx')], 'No se encontró el archivo'],
  ])('%j', async (args, message) => {
    const r = await runCli(args as string[]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(message);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.out).toBe('');
  });
  it('a workbook without the POI layout', async () => {
    const path = join(dir, 'otra.xlsx');
    writeFileSync(path, buildWorkbook([{ name: 'Datos', table: [[{ value: 'Nombre' }, { value: 'Monto' }]] }]));
    const r = await runCli(['--fecha-corte', '2023-08-15', path]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('ninguna hoja tiene el formato del Reporte de seguimiento del POI');
  });
  it('--hoja naming a sheet that does not exist', async () => {
    const r = await runCli(['--hoja', 'Resumen', clean]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('no tiene una hoja llamada «Resumen»');
  });
  it('a truncated file, and --json still prints only valid JSON', async () => {
    const path = join(dir, 'cortado.xlsx');
    writeFileSync(path, readFileSync(clean).subarray(0, 500));
    const r = await runCli(['--json', path]);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.out)).toEqual({ file: path, error: expect.any(String) });
  });
});

describe('--out', () => {
  it('refuses to overwrite the input', async () => {
    const before = readFileSync(wrong);
    const r = await runCli(['--out', wrong, wrong]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--out no puede ser el archivo de entrada');
    expect(readFileSync(wrong).equals(before)).toBe(true);
  });
  it('writes a copy with the computed cells filled and an Observaciones sheet', async () => {
    const out = join(dir, 'copia.xlsx');
    const r = await runCli(['--fecha-corte', '2023-08-15', '--out', out, wrong]);
    expect(r.code).toBe(1);
    const pkg = openXlsx(new Uint8Array(readFileSync(out)));
    expect(pkg.sheets.map((s) => s.name)).toEqual(['Notas', 'Reporte POI', 'Observaciones', 'Resumen']);
    const grid = pkg.readSheet('Reporte POI');
    const at = (a1: string) => grid.rows[fromA1(a1).row]?.[fromA1(a1).col];
    expect([at('M8'), at('N8'), at('M9'), at('U8')]).toEqual([2, 100, 2, 0]);
    expect(at('G8')).toBe(2);
    const obs = pkg.readSheet('Observaciones');
    // The status line, a blank row, then the table (as the add-in writes it).
    expect(obs.rows[0]?.[0]).toMatch(/^Semáforo POI · hoja «Reporte POI» · fecha de corte 2023-08-15 · \d+ celdas recalculadas/);
    expect(obs.rows[2]).toEqual(['Regla', 'Severidad', 'Celda', 'Fila', 'Mensaje', 'Esperado', 'Encontrado']);
    expect(obs.rows.some((row) => row?.[0] === 'stated-percent' && row[2] === 'N8')).toBe(true);
    // The recomputed copy is consistent: a second check finds nothing to write.
    const again = await runCli(['--json', '--fecha-corte', '2023-08-15', out]);
    expect(JSON.parse(again.out).cellsToWrite).toBe(0);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
  it('leaves no output file when the input cannot be read', async () => {
    const out = join(dir, 'nunca.xlsx');
    const bad = join(dir, 'vacio.xlsx');
    writeFileSync(bad, '');
    expect((await runCli(['--out', out, bad])).code).toBe(2);
    expect(existsSync(out)).toBe(false);
  });
});

describe('the command as a process', () => {
  // After `npm run build` the compiled file; before, the same entry through tsx.
  const root = join(__dirname, '..', '..');
  const bin = join(root, 'dist', 'node', 'cli', 'poi-check.js');
  const command = existsSync(bin) ? [bin] : ['--import', 'tsx', join(root, 'src', 'cli', 'poi-check.ts')];
  it('runs as `node dist/node/cli/poi-check.js` and sets the exit status', () => {
    const r = spawnSync(process.execPath, [...command, '--json', '--fecha-corte', '2023-08-15', clean], { cwd: root, encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).totals.physicalAverage).toBe(100);
    const bad = spawnSync(process.execPath, [...command, '--json', '--fecha-corte', '2023-02-30', clean], { cwd: root, encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(JSON.parse(bad.stdout)).toEqual({ error: expect.stringContaining('2023-02-30'), code: 2 });
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
  });
  it('stops quietly when the reader of its output goes away (| head)', () => {
    const r = spawnSync('sh', ['-c', `"${process.execPath}" ${command.map((c) => `"${c}"`).join(' ')} --json --fecha-corte 2023-08-01 "${SAMPLE}" | head -c 10`], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(r.stdout).toBe('{\n  "file"');
    expect(r.stderr).toBe('');
  });
});
