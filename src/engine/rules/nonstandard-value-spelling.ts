import type { Located } from '../model';
import type { CellValue } from '../grid/cell';
import { defineRule } from './define-rule';
import { priorityOf } from './known-values';

export default defineRule({
  meta: {
    id: 'nonstandard-value-spelling',
    severity: 'info',
    category: 'values',
    spec: 'poi-rules.md §1 (labels with other case, accents or spaces)',
    description: 'TIPO DE AGREGACIÓN o NIVEL DE PRIORIDAD se reconoce, pero no está escrito como lo escribe CEPLAN.',
    rationale:
      'La herramienta lo lee igual, pero los filtros, las tablas dinámicas y el aplicativo distinguen «Acumulado anual » de «Acumulado Anual».',
    example: '«Acumulado anual » (minúscula y espacio al final) en vez de «Acumulado Anual».',
    messages: {
      aggregation: 'TIPO DE AGREGACIÓN «{found}» se leyó como «{expected}»: escríbalo exactamente así.',
      priority: 'NIVEL DE PRIORIDAD «{found}» se leyó como «{expected}»: escríbalo exactamente así.',
    },
  },
  create: (context) => {
    const check = (cell: Located<CellValue>, canonical: string | null, messageId: 'aggregation' | 'priority'): void => {
      if (canonical === null || typeof cell.value !== 'string' || cell.value === canonical) return;
      context.flag(cell.at, messageId, { found: cell.value, expected: canonical }, { expected: canonical, found: cell.value });
    };
    const { columns } = context.model.layout;
    return {
      activity(f) {
        const { aggregation, aggregationType, priority } = f.activity;
        if (columns.aggregation >= 0) check(aggregation, aggregationType, 'aggregation');
        if (columns.priority >= 0) check(priority, priorityOf(priority.value), 'priority');
      },
    };
  },
});
