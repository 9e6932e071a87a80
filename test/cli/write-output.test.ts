/**
 * Issue 18, row 13: a full disk is named, and SIGINT/SIGTERM never leave the hidden `.tmp`
 * copy behind. The signal tests run the real command in a child process whose `fs.writeSync`
 * sends the signal to itself while the copy is being written.
 */
import { spawnSync } from 'node:child_process';
import fs, { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/poi-check';
import { FileProblem } from '../../src/cli/read-input';
import { writeAtomically, type WriteFs } from '../../src/cli/write-output';
import { buildWorkbook, openXlsx } from '../../src/hosts/xlsx';
import { aei, ao, oei, poiSheet } from '../fixtures/poi-sheet';

const ROOT = join(__dirname, '..', '..');
const workbook = (): Uint8Array =>
  buildWorkbook([poiSheet({ objectives: [oei('01', [aei('01.01', [ao({ code: 'AOI1', prog: [1, 0, 0, 0, 0, 0], exec: [1, 0, 0, 0, 0, 0] })])])] }).sheetSpec('Reporte POI')]);

const enospc = (): Error => Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', syscall: 'write' });

describe('a full disk', () => {
  it('is named, with the file, and the partial temporary file is removed', () => {
    const dir = mkdtempSync(join(tmpdir(), 'poi-lleno-'));
    const out = join(dir, 'copia.xlsx');
    let written = 0;
    // The disk fills after 1,000 bytes of a 10,000-byte copy.
    const full: WriteFs = {
      ...fs,
      writeSync: ((fd: number, bytes: Uint8Array, offset: number, length: number) => {
        if (written >= 1000) throw enospc();
        const n = fs.writeSync(fd, bytes, offset, Math.min(length, 1000 - written));
        written += n;
        return n;
      }) as WriteFs['writeSync'],
    };
    let error: unknown;
    try {
      writeAtomically(out, new Uint8Array(10_000), full);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(FileProblem);
    expect((error as Error).message).toBe(`No se pudo escribir ${out}: el disco está lleno (libere espacio o use otro disco) [ENOSPC].`);
    expect(readdirSync(dir)).toEqual([]);
  });
  it('through the command: one Spanish line, exit 2, no copy', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'poi-lleno-'));
    const input = join(dir, 'a.xlsx');
    writeFileSync(input, workbook());
    const out = join(dir, 'copia.xlsx');
    const spy = jest.spyOn(fs, 'writeSync').mockImplementation(() => {
      throw enospc();
    });
    let err = '';
    let code: number;
    try {
      code = await main(['--out', out, input], { out: () => undefined, err: (t) => (err += t + '\n') });
    } finally {
      spy.mockRestore();
    }
    expect(code).toBe(2);
    expect(err).toBe(`poi-check: No se pudo escribir ${out}: el disco está lleno (libere espacio o use otro disco) [ENOSPC].\n`);
    expect(readdirSync(dir)).toEqual(['a.xlsx']);
  });
});

describe('SIGINT and SIGTERM while a copy is written', () => {
  // Preloaded in the child: the first write into a `.tmp` file sends the signal to the process.
  const preload = join(mkdtempSync(join(tmpdir(), 'poi-senal-')), 'signal-mid-write.js');
  writeFileSync(
    preload,
    `const fs = require('node:fs');
const openSync = fs.openSync, writeSync = fs.writeSync, tmp = new Set();
let sent = false;
fs.openSync = (p, ...rest) => { const fd = openSync(p, ...rest); if (String(p).endsWith('.tmp')) tmp.add(fd); return fd; };
fs.writeSync = (fd, ...rest) => {
  if (tmp.has(fd) && !sent) { sent = true; process.kill(process.pid, process.env.POI_TEST_SIGNAL); }
  return writeSync(fd, ...rest);
};
`,
  );

  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ])('%s: exit %d, no .tmp left, the copy whole, the next file not started', (signal, status) => {
    const dir = mkdtempSync(join(tmpdir(), 'poi-senal-'));
    writeFileSync(join(dir, 'a.xlsx'), workbook());
    writeFileSync(join(dir, 'b.xlsx'), workbook());
    const out = join(dir, 'salida');
    const r = spawnSync(
      process.execPath,
      ['--require', preload, '--import', 'tsx', join(ROOT, 'src', 'cli', 'poi-check.ts'), '--fecha-corte', '2023-08-15', '--out', out, dir],
      { cwd: ROOT, encoding: 'utf8', env: { ...process.env, POI_TEST_SIGNAL: signal } },
    );
    expect(r.signal).toBeNull();
    expect(r.status).toBe(status);
    expect(r.stderr).toBe(`poi-check: interrumpido (${signal}): las copias ya escritas están completas.\n`);
    expect(readdirSync(out)).toEqual(['a.recalculado.xlsx']);
    expect(openXlsx(new Uint8Array(readFileSync(join(out, 'a.recalculado.xlsx')))).sheets.map((s) => s.name)).toEqual(['Reporte POI', 'Observaciones', 'Resumen']);
    expect(existsSync(join(out, 'b.recalculado.xlsx'))).toBe(false);
  });
});
