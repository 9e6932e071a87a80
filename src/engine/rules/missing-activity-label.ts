import { toA1 } from '../grid/a1';
import { defineRule } from './define-rule';

export default defineRule({
  meta: {
    id: 'missing-activity-label',
    severity: 'error',
    category: 'structure',
    spec: 'poi-rules.md §1 (AO, row 1: `AOI… - NAME`)',
    description: 'Una fila PROGRAMADO no tiene el rótulo de su AO («AOI… - NOMBRE») en la primera columna.',
    rationale:
      'Sin el código de la AO no se puede leer el par PROGRAMADO/EJECUTADO: esa AO queda fuera de todas las cifras del reporte.',
    example: 'Fila 30: PROGRAMADO con sus meses, pero la columna A vacía o con «Limpieza pública» sin código.',
    messages: {
      blank:
        'Esta fila PROGRAMADO no tiene el rótulo de la AO en {cell}: escriba «AOI… - NOMBRE DE LA AO». Mientras falte, esta AO y su EJECUTADO no se cuentan.',
      unreadable:
        '«{text}» no es un rótulo de AO (se espera «AOI… - NOMBRE DE LA AO»): corríjalo. Mientras tanto, esta AO y su EJECUTADO no se cuentan.',
    },
  },
  create: (context) => ({
    stray(stray) {
      if (stray.reason !== 'programmed-without-label') return;
      const at = { row: stray.row, col: context.model.layout.columns.label };
      // The parser records 'PROGRAMADO' as the text of a row whose label cell is blank.
      const text = stray.text.trim();
      if (text === '' || text === 'PROGRAMADO') context.flag(at, 'blank', { cell: toA1(at) });
      else context.flag(at, 'unreadable', { text }, { found: text });
    },
  }),
});
