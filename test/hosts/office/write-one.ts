/**
 * The patch alone, or one tool sheet alone, carried out as a recompute plan through
 * applyPlan: the host's two writes tested one at a time.
 */
import type { CellRange } from '../../../src/engine/grid/cell';
import type { ComputedCell, PatchCell } from '../../../src/engine/patch/types';
import { OBSERVATIONS_SHEET, SUMMARY_SHEET, type Table } from '../../../src/engine/report/tables';
import type { ChartSpec, RecomputePlan, ToolSheet, ToolSheetRole } from '../../../src/app/plan';
import { applyPlan, type OfficeApplyResult } from '../../../src/hosts/office/apply-plan';
import type { ExcelContext } from '../../../src/hosts/office/excel-api';

function roleForName(name: string): ToolSheetRole {
  if (name === OBSERVATIONS_SHEET) return 'observaciones';
  if (name === SUMMARY_SHEET) return 'resumen';
  return 'reporte';
}

export async function writePatch(
  context: ExcelContext,
  sheetName: string,
  patch: readonly PatchCell[],
  computed: readonly ComputedCell[],
  merges: readonly CellRange[],
  options: { budgetBytes?: number; onProgress?: (fraction: number) => void } = {},
): Promise<OfficeApplyResult> {
  const plan: RecomputePlan = { sheet: sheetName, fechaCorte: '', cells: { sheet: sheetName, cells: patch, computed, merges }, sheets: [], status: '', message: '' };
  return applyPlan(context, plan, { ...options, merges });
}

export async function writeTableSheet(
  context: ExcelContext,
  sheetName: string,
  table: Table,
  options: { preface?: string; chart?: ChartSpec; budgetBytes?: number } = {},
): Promise<OfficeApplyResult> {
  const sheet: ToolSheet = { role: roleForName(sheetName), name: sheetName, table, preface: options.preface, chart: options.chart };
  const plan: RecomputePlan = { sheet: '', fechaCorte: '', cells: null, sheets: [sheet], status: '', message: '' };
  return applyPlan(context, plan, { budgetBytes: options.budgetBytes });
}
