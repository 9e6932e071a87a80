import { columnLetters } from '../grid/a1';
import { defineRule } from './define-rule';
import { shortMonth } from './known-values';

export default defineRule({
  meta: {
    id: 'noncontiguous-month-columns',
    severity: 'error',
    category: 'structure',
    spec: 'poi-rules.md §1 (header: FISICO and FINANCIERO over the month columns)',
    description: 'Las columnas de meses de FISICO o de FINANCIERO no van seguidas: hay una columna intercalada, o un mes falta o está fuera de orden.',
    rationale:
      'Los acumulados suman los meses del encabezado: lo que haya en una columna intercalada no se suma, y un mes que falta deja fuera su avance.',
    example: 'FISICO: Ene, Feb, Mar, (columna sin título), Abr, May, Jun; o Ene, Feb, Abr.',
    messages: {
      gap: 'Entre {before} y {after} del bloque {block} hay una columna que no es un mes ({columns}): lo que contenga no se suma. Quite esa columna o junte los meses.',
      order:
        'En el bloque {block}, después de {before} viene {after}: falta {missing} o los meses están desordenados. Escriba los meses del periodo seguidos y en orden.',
    },
  },
  create: (context) => ({
    end() {
      const { months, financialMonths, monthLabelRow, columns } = context.model.layout;
      const blocks = [
        ['FISICO', columns.physicalMonths, months],
        ['FINANCIERO', columns.financialMonths, financialMonths],
      ] as const;
      for (const [block, cols, numbers] of blocks) {
        for (let i = 1; i < cols.length; i++) {
          const at = { row: monthLabelRow, col: cols[i] };
          const before = shortMonth(numbers[i - 1]);
          const after = shortMonth(numbers[i]);
          if (cols[i] !== cols[i - 1] + 1) {
            const first = columnLetters(cols[i - 1] + 1);
            const last = columnLetters(cols[i] - 1);
            const gap = first === last ? first : `${first}–${last}`;
            context.flag(at, 'gap', { before, after, block, columns: gap });
          }
          if (numbers[i] !== numbers[i - 1] + 1) {
            const missing = shortMonth((numbers[i - 1] % 12) + 1);
            context.flag(at, 'order', { before, after, block, missing }, { expected: missing, found: after });
          }
        }
      }
    },
  }),
});
