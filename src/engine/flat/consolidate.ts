import type { Analysis, AnalyzeOptions } from '../analysis';
import { analyzeModel, checkOptions, exportPeriod, headerNotFound } from '../analyze';
import { computeFigures } from '../compute';
import type { Grid } from '../grid/cell';
import { toA1 } from '../grid/a1';
import { findLayout } from '../layout/find-layout';
import type { Activity, Layout, Objective, PoiModel, StrategicAction } from '../model';
import type { Observation } from '../observation';
import { compareCodes, parseFlat } from './parse-flat';
import type { AnalysisPeriod, FlatActivity } from './types';

/** One export of a consolidation. */
export interface ExportInput {
  /** The file name, as the user gave it; observations carry it. */
  readonly file: string;
  readonly sheet: string;
  readonly grid: Grid;
}

export interface ExportFileResult {
  readonly file: string;
  readonly sheet: string;
  /** False when the sheet is not a flat export (its observation says why). */
  readonly recognised: boolean;
  readonly activities: number;
}

/** Several exports analysed as one entity: figures over all, one generated report. */
export interface ConsolidatedAnalysis extends Analysis {
  readonly files: readonly ExportFileResult[];
}

export const DUPLICATE_ACROSS_FILES = 'export-duplicate-activity';
export const CONSOLIDATED_SHEET = 'Consolidado';

/**
 * Reads several flat exports (one per unit, usually) as one entity: each file's rules run on
 * its own sheet (observations carry `file`), an AO (UE ID + Actividad Operativa ID) found in
 * two files is flagged and counted in both, and the figures and the generated report cover
 * every AO of every file. A file that is not a flat export gets its header observation and
 * is left out.
 */
export function analyzeExports(inputs: readonly ExportInput[], options: AnalyzeOptions): ConsolidatedAnalysis {
  checkOptions(options);
  const observations: Observation[] = [];
  const files: ExportFileResult[] = [];
  const models: { input: ExportInput; model: PoiModel }[] = [];
  let period: AnalysisPeriod | null = null;
  for (const input of inputs) {
    const layout = findLayout(input.grid);
    if (!layout || layout.kind !== 'exportacion') {
      const o = layout ? notAnExport(input) : headerNotFound(input.grid, input.sheet);
      observations.push({ ...o, file: input.file });
      files.push({ file: input.file, sheet: input.sheet, recognised: false, activities: 0 });
      continue;
    }
    period ??= exportPeriod(layout, options);
    const model = parseFlat(input.grid, layout.flat!, { period, programmedPhase: options.programmedPhase, file: input.file });
    const own = analyzeModel(model, input.sheet, options, period, input.grid);
    observations.push(...own.observations.map((o) => ({ ...o, file: input.file })));
    files.push({ file: input.file, sheet: input.sheet, recognised: true, activities: model.activities.length });
    models.push({ input, model });
  }
  const duplicateSeverity = options.severities?.[DUPLICATE_ACROSS_FILES] ?? 'warning';
  if (duplicateSeverity !== 'off') observations.push(...duplicatesAcrossFiles(models).map((o) => ({ ...o, severity: duplicateSeverity })));
  const base = { sheet: CONSOLIDATED_SHEET, fechaCorte: options.fechaCorte, computed: [], patch: { cells: [] }, cellsToWrite: 0, files } as const;
  const order = new Map(inputs.map((i, k) => [i.file, k]));
  const sorted = observations
    .map((o, k) => ({ o, k }))
    .sort((a, b) => (order.get(a.o.file ?? '') ?? 0) - (order.get(b.o.file ?? '') ?? 0) || a.k - b.k)
    .map((x) => x.o);
  if (models.length === 0) return { ...base, layout: null, period: null, model: null, figures: null, observations: sorted };
  const model = mergeModels(models.map((m) => m.model));
  return { ...base, layout: 'exportacion', period, model, figures: computeFigures(model, options.fechaCorte), observations: sorted };
}

function notAnExport(input: ExportInput): Observation {
  return {
    rule: 'header-not-found',
    messageId: 'printed-not-export',
    severity: 'error',
    sheet: input.sheet,
    cell: 'A1',
    row: 1,
    message: `La hoja «${input.sheet}» es un Reporte de seguimiento impreso, no una exportación del Aplicativo: para consolidar, use la exportación («Exporta POI») de cada unidad.`,
  };
}

function duplicatesAcrossFiles(models: readonly { input: ExportInput; model: PoiModel }[]): Observation[] {
  const seen = new Map<string, { file: string; row: number }>();
  const out: Observation[] = [];
  for (const { input, model } of models) {
    model.activities.forEach((a, i) => {
      const source = model.flat!.activities[i];
      const key = `${source.ueId}\u0000${a.code}`;
      const first = seen.get(key);
      if (!first) {
        seen.set(key, { file: input.file, row: source.rows[0] });
        return;
      }
      if (first.file === input.file) return;
      out.push({
        rule: DUPLICATE_ACROSS_FILES,
        messageId: 'duplicate',
        severity: 'warning',
        sheet: input.sheet,
        file: input.file,
        cell: toA1(a.label.at),
        row: a.label.at.row + 1,
        message: `La AO ${a.code} de la UE ${source.ueId || '(sin UE ID)'} ya está en «${first.file}» (fila ${first.row + 1}): se contó en ambos archivos. Quite una de las dos exportaciones o verifique que no se haya exportado dos veces la misma unidad.`,
        found: a.code,
      });
    });
  }
  return out;
}

/** One model from several exports: OEI and AEI by code across files, AO in file order within an AEI. */
function mergeModels(models: readonly PoiModel[]): PoiModel {
  const byCode = compareCodes;
  const objectives = new Map<string, Objective>();
  const actions = new Map<string, { action: StrategicAction; parts: { activity: Activity; source: FlatActivity }[] }>();
  for (const m of models) {
    for (const o of m.objectives) if (!objectives.has(o.code)) objectives.set(o.code, o);
    for (const s of m.strategicActions) {
      const key = `${s.objectiveCode}\u0000${s.code}`;
      let entry = actions.get(key);
      if (!entry) actions.set(key, (entry = { action: s, parts: [] }));
      for (const a of s.activities) entry.parts.push({ activity: a, source: m.flat!.activities[a.index] });
    }
  }
  const activities: Activity[] = [];
  const sources: FlatActivity[] = [];
  const strategicActions: StrategicAction[] = [];
  const keys = [...actions.keys()].sort((x, y) => {
    const a = actions.get(x)!.action;
    const b = actions.get(y)!.action;
    return byCode(a.objectiveCode ?? '', b.objectiveCode ?? '') || byCode(a.code, b.code);
  });
  for (const key of keys) {
    const { action, parts } = actions.get(key)!;
    const own = parts.map(({ activity, source }) => {
      const a: Activity = { ...activity, index: activities.length };
      activities.push(a);
      sources.push(source);
      return a;
    });
    strategicActions.push({ ...action, index: strategicActions.length, activities: own });
  }
  const objectiveList = [...objectives.keys()].sort(byCode).map((code) => ({
    ...objectives.get(code)!,
    strategicActions: strategicActions.filter((s) => s.objectiveCode === code),
  }));
  const first = models[0];
  const layout: Layout = { ...first.layout, year: models.map((m) => m.layout.year).find((y) => y !== null) ?? null };
  return {
    ...first,
    layout,
    objectives: objectiveList,
    strategicActions,
    activities,
    flat: { ...first.flat!, activities: sources },
  };
}
