import { buildPlan, statusLine, summaryOnly } from '../../src/app/build-plan';
import { analyze } from '../../src/engine';
import type { Grid } from '../../src/engine/grid/cell';
import { sheetNotRecognised } from '../../src/engine/not-recognised';
import { aei, ao, oei, poiSheet } from '../fixtures/poi-sheet';

const FECHA = '2023-08-15';
const SHEET = 'Reporte POI';

/** Two AEI; one AO states a wrong %, the computed cells are blank (so there is a patch). */
function reportGrid(): Grid {
  return poiSheet({
    objectives: [
      oei('01', [
        aei('01.01', [ao({ prog: [1, 1, 1, 1, 1, 1], exec: [1, 1, 1, 1, 1, 1], finProg: [10, 0, 0, 0, 0, 0], finExec: [10, 0, 0, 0, 0, 0] })]),
        aei('01.02', [ao({ prog: [4, 0, 0, 0, 0, 0], exec: [1, 0, 0, 0, 0, 0], percent: 90 })]),
      ]),
    ],
  }).toGrid();
}

describe('buildPlan', () => {
  const grid = reportGrid();
  const analysis = analyze(grid, { fechaCorte: FECHA, sheet: SHEET });
  const plan = buildPlan(analysis, { merges: grid.merges });

  it('writes the changed computed cells of the analysed sheet, with every computed cell and the merges', () => {
    expect(analysis.patch.cells.length).toBeGreaterThan(0);
    expect(plan.cells).toEqual({ sheet: SHEET, cells: analysis.patch.cells, computed: analysis.computed, merges: grid.merges });
  });

  it('adds Observaciones (headed by the status line) and Resumen (with the AEI chart), in that order', () => {
    expect(plan.sheets.map((s) => [s.role, s.name])).toEqual([
      ['observaciones', 'Observaciones'],
      ['resumen', 'Resumen'],
    ]);
    const [obs, summary] = plan.sheets;
    expect(obs.preface).toBe(plan.status);
    expect(obs.table[0].map((c) => c.value)).toEqual(['Regla', 'Severidad', 'Celda', 'Fila', 'Mensaje', 'Esperado', 'Encontrado']);
    expect(obs.table.slice(1).map((r) => r[2].link)).toEqual(analysis.observations.map((o) => ({ sheet: SHEET, cell: o.cell })));
    expect(summary.chart?.points.map((p) => p.category)).toEqual(analysis.model?.strategicActions.map((a) => a.code));
    expect(summary.chart?.points.map((p) => p.value)).toEqual(analysis.figures?.strategicActions.map((a) => a.physical));
  });

  it('says what the run did: the status line and the message', () => {
    const n = analysis.patch.cells.length;
    const errors = analysis.observations.filter((o) => o.severity === 'error').length;
    expect(errors).toBeGreaterThan(0);
    expect(plan.status).toBe(statusLine(analysis, n));
    expect(plan.status).toContain(`· ${n} celdas recalculadas · `);
    expect(plan.status).toContain(`(${errors} errores, `);
    expect(plan.message).toBe(`Se escribieron ${n} celdas calculadas y las hojas Observaciones y Resumen.`);
  });

  it('on an already recomputed sheet, writes no cell but still the tool’s sheets', () => {
    const edited = { ...grid, rows: grid.rows.map((r) => (r ? [...r] : r)) };
    for (const c of analysis.patch.cells) (edited.rows[c.at.row] as unknown[])[c.at.col] = c.value;
    const again = buildPlan(analyze(edited, { fechaCorte: FECHA, sheet: SHEET }));
    expect(again.cells?.cells).toEqual([]);
    expect(again.sheets).toHaveLength(2);
    expect(again.status).toContain('ninguna celda cambió');
    expect(again.message).toBe('Ninguna celda calculada cambió; se escribieron las hojas Observaciones y Resumen.');
  });

  it('writes nothing at all when the layout is not recognised, and says why', () => {
    const notes = buildPlan(analyze({ rows: [['Notas']], merges: [] }, { fechaCorte: FECHA, sheet: 'Notas' }));
    expect(notes.cells).toBeNull();
    expect(notes.sheets).toEqual([]);
    expect(notes.message).toBe(sheetNotRecognised('Notas'));
    expect(notes.status).toContain('no se reconoció el formato del reporte');
  });

  it('summaryOnly keeps Resumen alone and no cell', () => {
    const only = summaryOnly(plan);
    expect(only.cells).toBeNull();
    expect(only.sheets.map((s) => s.role)).toEqual(['resumen']);
    expect(only.message).toBe('Se escribió la hoja Resumen.');
  });
});
