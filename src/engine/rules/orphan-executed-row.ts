import type { PoiModel } from '../model';
import { defineRule } from './define-rule';

/** Rows where the report's structure says something: to find what precedes an EJECUTADO row. */
function structuralRows(model: PoiModel): Map<number, string> {
  const rows = new Map<number, string>();
  for (const o of model.objectives) rows.set(o.label.at.row, 'objective');
  for (const s of model.strategicActions) {
    rows.set(s.label.at.row, 'strategic-action');
    if (s.physicalLine) rows.set(s.physicalLine.row, 'line');
    if (s.financialLine) rows.set(s.financialLine.row, 'line');
  }
  const activities = model.activities;
  for (let i = 0; i < activities.length; i++) {
    const a = activities[i];
    if (a.programmed) rows.set(a.programmed.row, 'activity');
    if (a.executed) rows.set(a.executed.row, 'activity');
  }
  for (const s of model.strayRows) rows.set(s.row, s.reason);
  return rows;
}

export default defineRule({
  meta: {
    id: 'orphan-executed-row',
    severity: 'error',
    category: 'structure',
    spec: 'poi-rules.md §1 (AO, 2 rows)',
    description: 'Una fila EJECUTADO no tiene su fila PROGRAMADO encima.',
    rationale: 'Lo ejecutado sin su PROGRAMADO no pertenece a ninguna AO: no se suma en ninguna cifra del reporte.',
    example: 'Dos filas EJECUTADO seguidas, o una fila EJECUTADO justo debajo de la fila de una AEI.',
    messages: {
      orphan:
        'Esta fila EJECUTADO no tiene su fila PROGRAMADO encima, así que no se cuenta: agregue encima la fila PROGRAMADO de la AO (con su rótulo «AOI… - NOMBRE») o quite la fila sobrante.',
    },
  },
  create: (context) => {
    let rows: Map<number, string> | null = null;
    return {
      stray(stray) {
        if (stray.reason !== 'executed-without-programmed') return;
        rows ??= structuralRows(context.model);
        // Under a PROGRAMADO row without label the pair is one problem, reported by missing-activity-label.
        const previous = Math.max(-1, ...[...rows.keys()].filter((r) => r < stray.row));
        if (rows.get(previous) === 'programmed-without-label') return;
        context.flag({ row: stray.row, col: context.model.layout.columns.progEje }, 'orphan');
      },
    };
  },
});
