/**
 * Issue 18, the command-line rows: careless and hostile inputs give one Spanish line and
 * exit 2, never a lost file, a hang, a stack trace or raw terminal escapes. Every input is
 * built here (no hostile file is shipped).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main, type Io } from '../../src/cli/poi-check';
import { fromA1 } from '../../src/engine/grid/a1';
import { buildWorkbook, openXlsx } from '../../src/hosts/xlsx';
import { aei, ao, oei, poiSheet, type PoiSheetSpec } from '../fixtures/poi-sheet';

const root = mkdtempSync(join(tmpdir(), 'poi-hostil-'));
let folders = 0;
const folder = (): string => mkdtempSync(join(root, `c${folders++}-`));

async function runCli(args: string[], io?: Partial<Io>): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { out: (t) => (out += t + '\n'), err: (t) => (err += t + '\n'), ...io });
  return { code, out, err };
}

function workbookBytes(spec: PoiSheetSpec): Buffer {
  return Buffer.from(buildWorkbook([poiSheet(spec).sheetSpec('Reporte POI')]));
}

// Two different reports: the copy of one must never stand for the other.
const oneAo = (code: string, percent?: number): PoiSheetSpec => ({
  objectives: [oei('01', [aei('01.01', [ao({ code, prog: [2, 0, 0, 0, 0, 0], exec: [2, 0, 0, 0, 0, 0], percent })])])],
});
const cleanBytes = workbookBytes(oneAo('AOI1'));
const wrongBytes = workbookBytes(oneAo('AOI2', 57));

const activityCode = (path: string): unknown => {
  const grid = openXlsx(new Uint8Array(readFileSync(path))).readSheet('Reporte POI');
  const at = fromA1('A8');
  return grid.rows[at.row]?.[at.col];
};
const sheetNames = (path: string): string[] => openXlsx(new Uint8Array(readFileSync(path))).sheets.map((s) => s.name);
const tmpFiles = (dir: string): string[] => readdirSync(dir).filter((f) => f.endsWith('.tmp'));

describe('row 1: --out into the input folder', () => {
  it('does not re-read nor silently replace a.recalculado.xlsx that poi-check did not write', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'a.xlsx'), cleanBytes);
    writeFileSync(join(dir, 'a.recalculado.xlsx'), wrongBytes); // a planner's own file
    const r = await runCli(['--fecha-corte', '2023-08-15', '--out', dir, dir]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('a.recalculado.xlsx ya existe y no es una copia de poi-check');
    expect(r.err).toContain('--sobrescribir');
    expect(readFileSync(join(dir, 'a.recalculado.xlsx')).equals(wrongBytes)).toBe(true);
    expect(tmpFiles(dir)).toEqual([]);
  });
  it('replaces the copy it wrote in an earlier run, and says it skips it as an input', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'a.xlsx'), cleanBytes);
    expect((await runCli(['--fecha-corte', '2023-08-15', '--out', dir, dir])).code).toBe(0);
    const copy = join(dir, 'a.recalculado.xlsx');
    expect(sheetNames(copy)).toEqual(['Reporte POI', 'Observaciones', 'Resumen']);
    const again = await runCli(['--json', '--fecha-corte', '2023-08-15', '--out', dir, dir]);
    expect(again.code).toBe(0);
    expect(again.err).toContain('no se revisan a.recalculado.xlsx: son copias recalculadas de una ejecución anterior');
    const json = JSON.parse(again.out);
    expect(json).toMatchObject({ file: join(dir, 'a.xlsx'), copy });
    expect(readdirSync(dir).sort()).toEqual(['a.recalculado.xlsx', 'a.xlsx']);
  });
  it('--sobrescribir replaces an unrelated file, and an input given by name is still read', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'a.xlsx'), cleanBytes);
    writeFileSync(join(dir, 'otro.xlsx'), wrongBytes);
    const out = join(dir, 'otro.xlsx');
    const refused = await runCli(['--out', out, join(dir, 'a.xlsx')]);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain(`${out} ya existe y no es una copia de poi-check`);
    expect((await runCli(['--fecha-corte', '2023-08-15', '--sobrescribir', '--out', out, join(dir, 'a.xlsx')])).code).toBe(0);
    expect(activityCode(out)).toMatch(/^AOI1/);
  });
});

describe('--out with one file', () => {
  it('an existing folder receives <nombre>.recalculado.xlsx; a missing folder is refused before any work', async () => {
    const dir = folder();
    const input = join(dir, 'a.xlsx');
    writeFileSync(input, cleanBytes);
    const out = join(dir, 'salida');
    mkdirSync(out);
    expect((await runCli(['--fecha-corte', '2023-08-15', '--out', out, input])).code).toBe(0);
    expect(readdirSync(out)).toEqual(['a.recalculado.xlsx']);
    const missing = await runCli(['--out', join(dir, 'no', 'copia.xlsx'), input]);
    expect(missing.code).toBe(2);
    expect(missing.err).toBe(`poi-check: La carpeta ${join(dir, 'no')} de --out no existe: créela o indique otra ruta para la copia.\n`);
  });
});

describe('row 2: two inputs with one name', () => {
  it('d1/reporte.xlsx and d2/reporte.xlsx get two copies, each of its own input', async () => {
    const dir = folder();
    mkdirSync(join(dir, 'd1'));
    mkdirSync(join(dir, 'd2'));
    writeFileSync(join(dir, 'd1', 'reporte.xlsx'), cleanBytes);
    writeFileSync(join(dir, 'd2', 'reporte.xlsx'), wrongBytes);
    const out = join(dir, 'salida');
    const r = await runCli(['--json', '--fecha-corte', '2023-08-15', '--out', out, join(dir, 'd1', 'reporte.xlsx'), join(dir, 'd2', 'reporte.xlsx')]);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out).map((x: { copy: string }) => x.copy)).toEqual([join(out, 'reporte.recalculado.xlsx'), join(out, 'reporte.recalculado-2.xlsx')]);
    expect(activityCode(join(out, 'reporte.recalculado.xlsx'))).toMatch(/^AOI1/);
    expect(activityCode(join(out, 'reporte.recalculado-2.xlsx'))).toMatch(/^AOI2/);
  });
  it('the same file given twice gets two copies, both whole', async () => {
    const dir = folder();
    const input = join(dir, 'a.xlsx');
    writeFileSync(input, cleanBytes);
    const out = join(dir, 'salida');
    const r = await runCli(['--json', '--fecha-corte', '2023-08-15', '--out', out, input, input]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).map((x: { copy: string }) => x.copy)).toEqual([join(out, 'a.recalculado.xlsx'), join(out, 'a.recalculado-2.xlsx')]);
    expect(readdirSync(out).map((f) => sheetNames(join(out, f)))).toEqual([
      ['Reporte POI', 'Observaciones', 'Resumen'],
      ['Reporte POI', 'Observaciones', 'Resumen'],
    ]);
  });
  it('rep.xlsx and rep.XLSX (one file on a case-insensitive disk) get two copies', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'rep.xlsx'), cleanBytes);
    writeFileSync(join(dir, 'rep.XLSX'), wrongBytes);
    const out = join(dir, 'salida');
    const r = await runCli(['--fecha-corte', '2023-08-15', '--out', out, dir]);
    expect(r.out).toContain('2 archivos');
    expect(readdirSync(out).sort()).toEqual(['rep.recalculado-2.xlsx', 'rep.recalculado.xlsx']);
    const codes = readdirSync(out).map((f) => String(activityCode(join(out, f))).slice(0, 4));
    expect(codes.sort()).toEqual(['AOI1', 'AOI2']);
  });
  it('--out spelled as the input in another case is refused, naming both', async () => {
    const dir = folder();
    const input = join(dir, 'rep.xlsx');
    writeFileSync(input, cleanBytes);
    const r = await runCli(['--out', join(dir, 'REP.xlsx'), input]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`--out no puede ser el archivo de entrada: ${join(dir, 'REP.xlsx')} es ${input}`);
    expect(readdirSync(dir)).toEqual(['rep.xlsx']);
  });
});

describe('row 5: a folder or a file that cannot be read', () => {
  it('gives one Spanish line with the cause, exit 2, JSON with --json', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'a.xlsx'), cleanBytes);
    // Root reads any folder: the operating system's refusal is injected.
    const spy = jest.spyOn(fs, 'readdirSync').mockImplementation(() => {
      throw Object.assign(new Error(`EACCES: permission denied, scandir '${dir}'`), { code: 'EACCES', syscall: 'scandir' });
    });
    try {
      const r = await runCli(['--json', dir]);
      expect(r.code).toBe(2);
      expect(r.err).toBe(`poi-check: No se pudo leer la carpeta ${dir}: no tiene permiso (pida acceso o use otra carpeta) [EACCES].\n`);
      expect(JSON.parse(r.out)).toEqual({ file: dir, error: expect.stringContaining('no tiene permiso') });
    } finally {
      spy.mockRestore();
    }
  });
  it('a file that cannot be opened names the cause, and the other files are still checked', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'a.xlsx'), cleanBytes);
    writeFileSync(join(dir, 'b.xlsx'), cleanBytes);
    const real = fs.openSync;
    const spy = jest.spyOn(fs, 'openSync').mockImplementation(((path: fs.PathLike, ...rest: never[]) => {
      if (String(path).endsWith('a.xlsx')) throw Object.assign(new Error(`EACCES: permission denied, open '${String(path)}'`), { code: 'EACCES' });
      return (real as (...args: unknown[]) => number)(path, ...rest);
    }) as typeof fs.openSync);
    try {
      const r = await runCli(['--fecha-corte', '2023-08-15', dir]);
      expect(r.code).toBe(2);
      expect(r.err).toBe(`poi-check: No se pudo abrir ${join(dir, 'a.xlsx')}: no tiene permiso (pida acceso o use otra carpeta) [EACCES].\n`);
      expect(r.out).toContain('2 archivos: 1 sin errores, 0 con errores, 1 no se pudieron leer.');
    } finally {
      spy.mockRestore();
    }
  });
});

describe('row 6: devices and pipes are refused before reading', () => {
  it.each(['/dev/zero', '/dev/urandom'])('%s', async (device) => {
    const r = await runCli(['--json', device]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${device} no es un archivo común`);
    expect(JSON.parse(r.out).error).toContain('no es un archivo común');
  });
  it('a named pipe with no writer (reading it would block forever)', async () => {
    const fifo = join(folder(), 'tubo.xlsx');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const r = await runCli([fifo]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('no es un archivo común (es un dispositivo, una tubería o un socket)');
  });
  it('--out onto a device is refused too', async () => {
    const input = join(folder(), 'a.xlsx');
    writeFileSync(input, cleanBytes);
    const r = await runCli(['--sobrescribir', '--out', '/dev/null', input]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('/dev/null ya existe y no es un archivo común');
  });
});

describe('row 7: terminal escapes in cell text and file names', () => {
  const ESC = '\u001b';
  const hostile = `${ESC}]0;titulo${String.fromCharCode(7)}${ESC}[2J\u009b31m\u202e`;
  const dir = folder();
  const input = join(dir, `unidad${ESC}[2J.xlsx`);
  writeFileSync(
    input,
    workbookBytes({ objectives: [oei('01', [aei('01.01', [ao({ code: 'AOI1', prog: [1, 0, 0, 0, 0, 0], exec: [`1${hostile}`, 0, 0, 0, 0, 0] })])])] }),
  );
  // eslint-disable-next-line no-control-regex -- the characters a terminal would obey
  const raw = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202e]/;

  it('the text report shows them as \\x1b, never raw', async () => {
    const r = await runCli(['--fecha-corte', '2023-08-15', input]);
    expect(r.out).toContain('text-in-number-cell');
    expect(r.out).not.toMatch(raw);
    expect(r.out).toContain('«1\\x1b]0;titulo\\x07\\x1b[2J\\x9b31m\\u202e»');
    expect(r.out).toContain('unidad\\x1b[2J.xlsx');
  });
  it('the one-line error on stderr too', async () => {
    const r = await runCli([join(dir, `falta${ESC}[2J.xlsx`)]);
    expect(r.err).not.toMatch(raw);
    expect(r.err).toContain('falta\\x1b[2J.xlsx');
  });
  it('--json escapes them and keeps the same text', async () => {
    const r = await runCli(['--json', '--fecha-corte', '2023-08-15', input]);
    expect(r.out).not.toMatch(raw);
    const json = JSON.parse(r.out);
    expect(json.file).toBe(input);
    expect(json.issues[0].message).toContain(hostile);
  });
});

describe('row 9: a batch --out that is a file', () => {
  it('names the file and the cause in Spanish instead of a raw EEXIST', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'a.xlsx'), cleanBytes);
    writeFileSync(join(dir, 'b.xlsx'), wrongBytes);
    const out = join(dir, 'salida.xlsx');
    writeFileSync(out, 'no soy carpeta');
    const r = await runCli(['--out', out, join(dir, 'a.xlsx'), join(dir, 'b.xlsx')]);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`poi-check: --out ${out} es un archivo, no una carpeta: con varios archivos o una carpeta, --out indica la carpeta donde se escriben las copias.\n`);
  });
  it('a file name as --out for a folder of reports is refused, no folder named copia.xlsx made', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'a.xlsx'), cleanBytes);
    const out = join(folder(), 'copia.xlsx');
    const r = await runCli(['--out', out, dir]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`--out es la carpeta de las copias: ${out} parece un archivo`);
    expect(existsSync(out)).toBe(false);
  });
  it('a folder that cannot be created names the cause', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'a.xlsx'), cleanBytes);
    writeFileSync(join(dir, 'archivo'), '');
    const out = join(dir, 'archivo', 'salida');
    const r = await runCli(['--out', out, dir]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`No se pudo crear la carpeta de --out ${out}: una parte de la ruta es un archivo, no una carpeta [ENOTDIR]`);
  });
});

describe('row 10: --json with wrong arguments still prints JSON', () => {
  it.each([
    [['--json', '--bogus', 'x.xlsx'], 'Opción no reconocida: --bogus'],
    [['--json', '--fecha-corte', '2023-02-30', 'x.xlsx'], 'La fecha de corte «2023-02-30» no es válida'],
    [['--json'], 'Indique al menos un archivo'],
    [['--json', '--fecha-corte'], 'Falta el valor de --fecha-corte'],
  ])('%j', async (args, message) => {
    const r = await runCli(args as string[]);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.out)).toEqual({ error: expect.stringContaining(message), code: 2 });
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toContain(message);
  });
  it('--help with --json is JSON too', async () => {
    const r = await runCli(['--json', '--help']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).usage).toContain('Uso: poi-check');
  });
  it('a refusal of the whole run (an --out conflict) too', async () => {
    const input = join(folder(), 'a.xlsx');
    writeFileSync(input, cleanBytes);
    const r = await runCli(['--json', '--out', input, input]);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.out)).toEqual({ error: expect.stringContaining('--out no puede ser el archivo de entrada'), code: 2 });
  });
});

describe('row 13: smaller things', () => {
  const input = join(folder(), 'a.xlsx');
  writeFileSync(input, cleanBytes);

  it.each([
    [['--out', '', input], '--out no puede estar vacío'],
    [['--hoja', '', input], '--hoja no puede estar vacío'],
    [['--fecha-corte'], 'Falta el valor de --fecha-corte: por ejemplo --fecha-corte 2023-08-15'],
    [['--json=si', input], '--json no lleva valor'],
  ])('%j', async (args, message) => {
    const r = await runCli(args as string[]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(message);
    expect(r.err).not.toMatch(/<value>|argument|Option/);
  });
  it('a config saved with a UTF-8 BOM (Notepad) is accepted', async () => {
    const config = join(folder(), 'config.json');
    writeFileSync(config, '\uFEFF' + JSON.stringify({ rules: { 'stated-percent': 'off' } }), 'utf8');
    const wrong = join(folder(), 'w.xlsx');
    writeFileSync(wrong, wrongBytes);
    const r = await runCli(['--json', '--fecha-corte', '2023-08-15', '--config', config, wrong]);
    expect(r.err).toBe('');
    expect(JSON.parse(r.out).issues).toEqual([]);
  });
  it('a missing config is called missing, a bad one not JSON', async () => {
    const missing = join(folder(), 'no-existe.json');
    expect((await runCli(['--config', missing, input])).err).toBe(`poi-check: No se encontró el archivo de configuración ${missing}. Revise la ruta y el nombre.\n`);
    const bad = join(folder(), 'mala.json');
    writeFileSync(bad, '{rules: ');
    expect((await runCli(['--config', bad, input])).err).toContain(`La configuración ${bad} no es un JSON válido`);
  });
});
