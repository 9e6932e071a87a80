import { defineRule } from './define-rule';
import { spanishList } from './format';
import { shortMonth } from './known-values';

export default defineRule({
  meta: {
    id: 'financial-months-mismatch',
    severity: 'error',
    category: 'structure',
    spec: 'poi-rules.md §1 (header: FISICO and FINANCIERO over the same month columns)',
    description: 'Los meses del bloque FINANCIERO no son los mismos que los del bloque FISICO.',
    rationale:
      'Ambos bloques cubren el mismo periodo: si un mes falta, sobra o cambia de lugar en uno de ellos, el avance financiero no se compara con el físico del mismo mes.',
    example: 'FISICO Ene–Jun y FINANCIERO Ene–May (falta Jun).',
    messages: {
      mismatch:
        'El bloque FINANCIERO tiene {financial}; el FISICO tiene {physical}. Ambos deben tener los mismos meses en el mismo orden: corrija el encabezado o agregue la columna que falta.',
    },
  },
  create: (context) => ({
    end() {
      const { months, financialMonths, monthLabelRow, columns } = context.model.layout;
      const same = months.length === financialMonths.length && months.every((m, i) => financialMonths[i] === m);
      if (same) return;
      // The first financial month that differs, or the last one when the block is only shorter.
      const differs = financialMonths.findIndex((m, i) => months[i] !== m);
      const index = differs >= 0 ? differs : financialMonths.length - 1;
      const physical = spanishList(months.map(shortMonth));
      const financial = spanishList(financialMonths.map(shortMonth));
      context.flag({ row: monthLabelRow, col: columns.financialMonths[index] }, 'mismatch', { physical, financial }, { expected: physical,
        found: financial });
    },
  }),
});
