import rule from '../../../src/engine/rules/activity-after-totals';
import type { CellValue } from '../../../src/engine/grid/cell';
import { ruleTester } from './rule-tester';
import { sheet } from './sheets';

/** Pastes, below the traffic light table (row 23), a second header block (rows 25–26) and `count` AO from row 27. */
const secondBlock =
  (count: number) =>
  (rows: CellValue[][]): void => {
    const [header, months, programmed, executed] = [rows[3], rows[4], rows[7], rows[8]];
    rows.push([], [...header], [...months]);
    for (let i = 0; i < count; i++) {
      const p = [...programmed];
      p[0] = `AOI3012640090${i} - OTRA ACTIVIDAD`;
      rows.push(p, [...executed]);
    }
  };

ruleTester(rule, {
  valid: [
    sheet(),
    sheet({}, {}, {}),
    { name: 'a second header block with no AO below the totals', spec: sheet(), edit: (rows) => void rows.push([], [...rows[3]], [...rows[4]]) },
    {
      name: 'a total line misplaced above the first AO closes nothing',
      spec: sheet({}, {}),
      edit: (rows) => void rows.splice(6, 0, ['TOTAL DE EJECUCIÓN FINANCIERA', ...new Array<CellValue>(20).fill(null)]),
    },
  ],
  invalid: [
    {
      name: 'an AO below a second header block after the totals',
      spec: sheet(),
      edit: secondBlock(1),
      errors: [{ cell: 'A27', messageId: 'one', message: 'La AO AOI30126400900 está debajo de los totales del reporte (fila 11)', found: 'AOI30126400900' }],
    },
    {
      name: 'a whole second report: one observation',
      spec: sheet(),
      edit: secondBlock(3),
      errors: [{ cell: 'A27', messageId: 'many', message: 'La AO AOI30126400900 y 2 AO más están debajo de los totales del reporte (fila 11)' }],
    },
  ],
});
