/**
 * Analysis → RecomputePlan: what one «Recalcular y escribir» does, decided once for every
 * front end (the CLI's --out copy, the web page's download, the add-in). Pure.
 */
import type { Analysis } from '../engine/analysis';
import type { CellRange } from '../engine/grid/cell';
import { sheetNotRecognised } from '../engine/not-recognised';
import { observationsTable, summaryTable } from '../engine/report/build-tables';
import { generatedReport } from '../engine/report/generated-report';
import { OBSERVATIONS_SHEET, SUMMARY_SHEET } from '../engine/report/tables';
import type { ChartSpec, RecomputePlan, ToolSheet } from './plan';

export interface PlanOptions {
  /** The merged areas of the analysed sheet, as the host read them. */
  readonly merges?: readonly CellRange[];
}

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/** One line saying what a run did; it heads the Observaciones sheet. */
export function statusLine(a: Analysis, cellsWritten: number | null): string {
  const count = (s: string): number => a.observations.filter((o) => o.severity === s).length;
  const parts = [`Semáforo POI · hoja «${a.sheet}» · fecha de corte ${a.fechaCorte}`];
  if (!a.model) parts.push('no se reconoció el formato del reporte');
  else if (cellsWritten !== null) {
    parts.push(cellsWritten === 0 ? 'ninguna celda cambió' : plural(cellsWritten, 'celda recalculada', 'celdas recalculadas'));
  }
  const n = a.observations.length;
  parts.push(n === 0 ? 'sin observaciones' : `${plural(n, 'observación', 'observaciones')} (${count('error')} errores, ${count('warning')} advertencias)`);
  return parts.join(' · ');
}

/** The Resumen chart: physical execution of every AEI with a number. */
export function aeiChart(a: Analysis): ChartSpec {
  const points = (a.figures?.strategicActions ?? [])
    .filter((s) => typeof s.physical === 'number')
    .map((s) => ({ category: s.strategicAction.code, value: s.physical as number }));
  return { title: 'Ejecución física por AEI (%)', categoryHeader: 'AEI', valueHeader: 'Ejecución física (%)', points };
}

/** Observaciones: the status line, a blank row, then one linked row per observation. */
export function observationsSheet(a: Analysis, status: string): ToolSheet {
  return {
    role: 'observaciones',
    name: OBSERVATIONS_SHEET,
    preface: status,
    table: observationsTable(a),
    columnWidths: [28, 12, 8, 6, 90, 14, 14],
    // The status line, the blank row and the header stay in view.
    freezeRows: 3,
  };
}

/** Resumen: totals, the traffic-light table, the AEI table and their chart. */
export function summarySheet(a: Analysis): ToolSheet {
  return { role: 'resumen', name: SUMMARY_SHEET, table: summaryTable(a), columnWidths: [44, 60, 20, 20], chart: aeiChart(a) };
}

/** The printed report generated from a flat export; null when the sheet already is one. */
export function reportSheet(a: Analysis): ToolSheet | null {
  const g = generatedReport(a);
  if (!g) return null;
  return { role: 'reporte', name: g.name, table: g.table, merges: g.merges, columnWidths: g.columnWidths, freezeRows: g.freezeRows };
}

/** «las hojas Observaciones y Resumen», «la hoja Resumen». */
export function sheetPhrase(names: readonly string[]): string {
  if (names.length === 0) return '';
  if (names.length === 1) return `la hoja ${names[0]}`;
  return `las hojas ${names.slice(0, -1).join(', ')} y ${names[names.length - 1]}`;
}

/** What the user is told once the plan has been carried out. */
export function writtenMessage(cellsWritten: number, sheets: readonly string[]): string {
  const cells = cellsWritten === 0 ? 'Ninguna celda calculada cambió' : `Se escribieron ${plural(cellsWritten, 'celda calculada', 'celdas calculadas')}`;
  const phrase = sheetPhrase(sheets);
  if (!phrase) return `${cells}.`;
  return cellsWritten === 0 ? `${cells}; se ${sheets.length === 1 ? 'escribió' : 'escribieron'} ${phrase}.` : `${cells} y ${phrase}.`;
}

/**
 * The recompute: the changed computed cells of the analysed sheet, then the generated report
 * (flat export only), Observaciones and Resumen. Nothing at all when no layout was recognised.
 */
export function buildPlan(a: Analysis, options: PlanOptions = {}): RecomputePlan {
  if (!a.model) {
    const reason = a.observations[0]?.message ?? sheetNotRecognised(a.sheet);
    return { sheet: a.sheet, fechaCorte: a.fechaCorte, cells: null, sheets: [], status: statusLine(a, null), message: reason };
  }
  const cells = a.patch.cells;
  const status = statusLine(a, cells.length);
  const report = reportSheet(a);
  const sheets = [...(report ? [report] : []), observationsSheet(a, status), summarySheet(a)];
  return {
    sheet: a.sheet,
    fechaCorte: a.fechaCorte,
    cells: { sheet: a.sheet, cells, computed: a.computed, merges: options.merges ?? [] },
    sheets,
    status,
    message: writtenMessage(cells.length, sheets.map((s) => s.name)),
  };
}

/** «Escribir resumen»: the Resumen sheet alone, from a recompute plan (nothing when no layout was recognised). */
export function summaryOnly(plan: RecomputePlan): RecomputePlan {
  const sheets = plan.cells ? plan.sheets.filter((s) => s.role === 'resumen') : [];
  const message = sheets.length > 0 ? `Se escribió ${sheetPhrase(sheets.map((s) => s.name))}.` : plan.message;
  return { ...plan, cells: null, sheets, message };
}
