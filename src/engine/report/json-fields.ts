import type { Analysis } from '../analysis';

/**
 * The fields flat-export.md §2.10 adds to poi-check's JSON, for the CLI (or any front end) to
 * merge into its own objects: top-level `layout` and `period`; per AO (same order as
 * `figures.activities`) `rows` (1-based, all of them), `programmedPhase`,
 * `financialProgrammedPhase` and, when consolidating, `file`; per AEI (same order as
 * `figures.strategicActions`) `oei`. A printed report gets `layout`, `period` and `oei` only.
 */
export function jsonFields(analysis: Analysis): {
  readonly top: Readonly<Record<string, unknown>>;
  readonly activities: readonly Readonly<Record<string, unknown>>[];
  readonly strategicActions: readonly Readonly<Record<string, unknown>>[];
} {
  const { model, figures, period } = analysis;
  const top = {
    layout: analysis.layout,
    period: period ? { code: period.code, months: [...period.months], title: period.title, chosen: period.source } : null,
  };
  if (!model || !figures) return { top, activities: [], strategicActions: [] };
  const flat = model.flat;
  return {
    top,
    activities: figures.activities.map((f) => {
      const s = flat?.activities[f.activity.index];
      if (!s) return {};
      return {
        rows: s.rows.map((r) => r + 1),
        programmedPhase: s.programmedPhase,
        financialProgrammedPhase: s.financialProgrammedPhase,
        ...(s.file !== undefined ? { file: s.file } : {}),
      };
    }),
    strategicActions: figures.strategicActions.map((s) => ({ oei: s.strategicAction.objectiveCode })),
  };
}
