import type { CellValue } from '../../../src/engine/grid/cell';
import rule from '../../../src/engine/rules/noncontiguous-month-columns';
import { ruleTester } from './rule-tester';
import { sheet } from './sheets';

/** Inserts an empty column before `col` (0-based) in every row. */
const insertColumn = (col: number) => (rows: CellValue[][]) => {
  for (const r of rows) if (r.length > col) r.splice(col, 0, null);
};

ruleTester(rule, {
  valid: [sheet(), { ...sheet(), months: ['Jul', 'Ago', 'Set', 'Oct', 'Nov', 'Dic'], period: 'SEGUNDO SEMESTRE' }],
  invalid: [
    {
      name: 'an empty column between Abr and May of FISICO',
      spec: sheet(),
      edit: insertColumn(10),
      errors: [{ cell: 'L5', messageId: 'gap', message: 'Entre Abr y May del bloque FISICO hay una columna que no es un mes (K)' }],
    },
    {
      name: 'two columns between Feb and Mar of FINANCIERO',
      spec: sheet(),
      edit: (rows) => {
        insertColumn(16)(rows);
        insertColumn(16)(rows);
      },
      errors: [{ cell: 'S5', messageId: 'gap', message: 'del bloque FINANCIERO hay una columna que no es un mes (Q–R)' }],
    },
    {
      name: 'Mar missing in both blocks',
      spec: { ...sheet(), months: ['Ene', 'Feb', 'Abr', 'May', 'Jun'] },
      errors: [
        { cell: 'I5', messageId: 'order', message: 'En el bloque FISICO, después de Feb viene Abr: falta Mar', expected: 'Mar', found: 'Abr' },
        { cell: 'P5', messageId: 'order', message: 'En el bloque FINANCIERO' },
      ],
    },
  ],
});
