/**
 * Carry out a recompute plan in Excel: the computed cells, then each tool sheet. Minimal
 * version over writePatch and writeTableSheet (the office work replaces it with one that
 * checks before writing and makes the run one undo step); the signature is the seam.
 */
import type { RecomputePlan } from '../../app/plan';
import type { ApplyResult } from '../../app/port';
import { writePatch } from './write-patch';
import { writeTableSheet } from './write-tables';

export interface ApplyPlanOptions {
  readonly onProgress?: (fraction: number) => void;
}

export async function applyPlan(context: Excel.RequestContext, plan: RecomputePlan, options: ApplyPlanOptions = {}): Promise<ApplyResult> {
  const steps = (plan.cells ? 1 : 0) + plan.sheets.length;
  let done = 0;
  const progress = (f: number): void => options.onProgress?.(steps === 0 ? 1 : (done + f) / steps);
  let cellsWritten = 0;
  if (plan.cells) {
    const { sheet, cells, computed, merges } = plan.cells;
    cellsWritten = (await writePatch(context, sheet, cells, computed, merges, { onProgress: progress })).cellsWritten;
    done++;
  }
  for (const sheet of plan.sheets) {
    await writeTableSheet(context, sheet.name, sheet.table, { preface: sheet.preface, chart: sheet.chart });
    done++;
    progress(0);
  }
  return { cellsWritten, sheetsWritten: plan.sheets.map((s) => s.name), notices: [] };
}
