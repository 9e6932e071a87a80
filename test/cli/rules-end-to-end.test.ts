/**
 * The rule catalogue through the whole command: a workbook built to hold one inconsistency
 * of each family gives each observation on its exact cell in `poi-check --json`.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/poi-check';
import { buildWorkbook } from '../../src/hosts/xlsx';
import { aei, ao, oei, poiSheet } from '../fixtures/poi-sheet';

const m = (n: number) => [n, n, n, n, n, n];

it('reports each inconsistency with its exact cell', async () => {
  // Rows: AO1 8–9, AO2 10–11, AO3 12–13, AO4 14–15, AO5 16–17, AEI line 18.
  const sheet = poiSheet({
    objectives: [
      oei('01', [
        aei(
          '01.01',
          [
            ao({ code: 'AOI1', prog: m(1), exec: ['uno', 1, 1, 1, 1, 1] }),
            ao({ code: 'AOI2', prog: [-1, 1, 1, 1, 1, 1], exec: m(1) }),
            ao({ code: 'AOI3', aggregation: 'Acumulado anul', prog: m(1), exec: m(1) }),
            ao({ code: 'AOI1', prog: m(1), exec: m(1) }),
            ao({ code: 'AOI5', prog: m(1), exec: [1, 1, 1, 1, 1, '1'], percent: 57 }),
          ],
          { line: { namesCode: 'AEI.01.09' } },
        ),
      ]),
    ],
  });
  const path = join(mkdtempSync(join(tmpdir(), 'poi-rules-')), 'reporte.xlsx');
  writeFileSync(path, buildWorkbook([sheet.sheetSpec()]));
  let out = '';
  const code = await main(['--json', '--fecha-corte', '2023-08-15', path], { out: (t) => (out += t), err: () => undefined });
  const issues = (JSON.parse(out).issues as { rule: string; cell: string; severity: string }[]).map((i) => `${i.rule} ${i.cell} ${i.severity}`);
  expect(issues).toEqual(
    expect.arrayContaining([
      'text-in-number-cell G9 error',
      'negative-value G10 error',
      'unknown-aggregation-type E12 error',
      'duplicate-activity-code A14 warning',
      'stated-percent N16 error',
      'number-stored-as-text L17 warning',
      'misnamed-strategic-action-line A18 error',
    ]),
  );
  expect(code).toBe(1);
});
