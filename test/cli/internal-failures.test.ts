/**
 * Issue 18, rows 4 and "every error path": what the command does when the analysis is far
 * larger than usual or the tool itself fails. checkFile is wrapped so a test can make it
 * return a huge analysis or throw; the rest of the command runs for real.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as checkFileModule from '../../src/cli/check-file';
import { main, type Io } from '../../src/cli/poi-check';
import { buildWorkbook, XlsxError } from '../../src/hosts/xlsx';
import { aei, ao, oei, poiSheet } from '../fixtures/poi-sheet';

jest.mock('../../src/cli/check-file', () => {
  const actual = jest.requireActual('../../src/cli/check-file');
  return { ...actual, checkFile: jest.fn(actual.checkFile) };
});
const checkFile = checkFileModule.checkFile as jest.MockedFunction<typeof checkFileModule.checkFile>;
const realCheckFile = jest.requireActual('../../src/cli/check-file').checkFile as typeof checkFileModule.checkFile;

const input = join(mkdtempSync(join(tmpdir(), 'poi-interno-')), 'a.xlsx');
writeFileSync(
  input,
  buildWorkbook([poiSheet({ objectives: [oei('01', [aei('01.01', [ao({ code: 'AOI1', prog: [1, 0, 0, 0, 0, 0], exec: [1, 0, 0, 0, 0, 0] })])])] }).sheetSpec('Reporte POI')]),
);

async function runCli(args: string[], io?: Partial<Io>): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { out: (t) => (out += t + '\n'), err: (t) => (err += t + '\n'), ...io });
  return { code, out, err };
}

afterEach(() => {
  checkFile.mockImplementation(realCheckFile);
  delete process.env.POI_CHECK_DEBUG;
});

describe('row 4: --json on output larger than one JavaScript string', () => {
  it('streams valid JSON instead of dying with RangeError: Invalid string length', async () => {
    // 5,600 observations of 100,000 characters: > 512 MB of JSON, past V8's string limit,
    // while the objects share one message string (little memory).
    const message = 'x'.repeat(100_000);
    checkFile.mockImplementation((request) => {
      const result = realCheckFile(request);
      const issue = { rule: 'ruido', messageId: 'ruido', severity: 'warning' as const, sheet: 'Reporte POI', cell: 'A1', row: 1, message };
      return { ...result, analysis: { ...result.analysis, observations: Array.from({ length: 5_600 }, () => issue) } };
    });
    let chars = 0;
    let chunks = 0;
    let head = '';
    let tail = '';
    const r = await runCli(['--json', '--fecha-corte', '2023-08-15', input], {
      write: (chunk) => {
        if (head.length < 300) head += chunk.slice(0, 300);
        tail = (tail + chunk).slice(-300);
        chars += chunk.length;
        chunks++;
      },
    });
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(chars).toBeGreaterThan(2 ** 29);
    expect(chunks).toBeGreaterThan(100);
    expect(head).toMatch(/^\{\n {2}"file": "/);
    expect(tail).toMatch(/x{100}"\n {4}\}\n {2}\],\n {2}"cellsToWrite": \d+\n\}\n$/);
  });
});

describe('every error path: one Spanish line, no stack trace', () => {
  it('an .xlsx error that escapes the check (met while writing the copy) is the file’s own line', async () => {
    checkFile.mockImplementation(() => {
      throw new XlsxError('bad-xml', 'Una parte interna del libro (xl/worksheets/sheet1.xml) está dañada. Abra el archivo en Excel y guárdelo de nuevo.', 'detalle');
    });
    const r = await runCli([input]);
    expect(r.code).toBe(2);
    expect(r.err).toBe('poi-check: a.xlsx: Una parte interna del libro (xl/worksheets/sheet1.xml) está dañada. Abra el archivo en Excel y guárdelo de nuevo.\n');
  });
  it('an unexpected failure is "error interno" with a hint; the detail only with POI_CHECK_DEBUG=1', async () => {
    checkFile.mockImplementation(() => {
      throw new TypeError("Cannot read properties of undefined (reading 'row')");
    });
    const r = await runCli(['--json', input]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^poi-check: a\.xlsx: error interno de poi-check\. Vuelva a intentarlo; si se repite, ejecute de nuevo con POI_CHECK_DEBUG=1/);
    expect(r.err).not.toMatch(/TypeError|Cannot read|\n\s+at /);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(JSON.parse(r.out)).toEqual({ file: input, error: expect.stringContaining('error interno') });

    process.env.POI_CHECK_DEBUG = '1';
    const debug = await runCli([input]);
    expect(debug.code).toBe(2);
    expect(debug.err).toContain("TypeError: Cannot read properties of undefined (reading 'row')");
    expect(debug.err).toMatch(/\n\s+at /);
  });
});
