/**
 * The Analyzer seam: where the engine runs. In the CLI and the web page's worker it runs in
 * the same thread; the pane hands it to a Web Worker (analyzer-worker.ts) so a 10,000-AO
 * report does not freeze Excel's pane. What comes back is plain data (it crosses a worker
 * boundary): the pane's summary and the recompute plan.
 */
import { analyze } from '../engine/analyze';
import type { AnalyzeOptions } from '../engine/analysis';
import type { Grid } from '../engine/grid/cell';
import { buildPlan } from './build-plan';
import type { AnalysisSummary } from './contract';
import type { RecomputePlan } from './plan';
import { toSummary } from './summary';

export type AnalyzeRequest = AnalyzeOptions & {
  readonly sheet: string;
  /**
   * Only the summary is wanted (a validation, the re-check after a write): the plan comes back
   * empty. For 10,000 AO the plan is ~50,000 cells; not sending it back across the worker
   * boundary spares the pane's thread a pause of a few hundred ms.
   */
  readonly summaryOnly?: boolean;
};

export interface AnalyzedSheet {
  readonly summary: AnalysisSummary;
  readonly plan: RecomputePlan;
}

export interface Analyzer {
  analyze(grid: Grid, request: AnalyzeRequest): Promise<AnalyzedSheet>;
}

/** The engine and the plan builder, synchronously (what a worker runs). */
export function analyzeSheet(grid: Grid, request: AnalyzeRequest): AnalyzedSheet {
  const analysis = analyze(grid, request);
  const plan = buildPlan(analysis, { merges: grid.merges });
  return { summary: toSummary(analysis), plan: request.summaryOnly ? { ...plan, cells: null, sheets: [] } : plan };
}

/** The engine on the calling thread. */
export const inThreadAnalyzer: Analyzer = {
  analyze: (grid, request) => Promise.resolve().then(() => analyzeSheet(grid, request)),
};
