import type { Analysis, AnalyzeOptions } from './analysis';
import { computeFigures } from './compute';
import { isIsoDate } from './compute/deadlines';
import type { Grid } from './grid/cell';
import { findLayout } from './layout/find-layout';
import { sheetNotRecognised } from './not-recognised';
import type { Observation } from './observation';
import { parseSheet } from './parse/parse-sheet';
import { buildPatch, computedCells } from './patch/build-patch';
import { RULES } from './rules';
import { runRules } from './rules/run-rules';

/** A misuse of the engine (not a problem in the data, which is an observation). */
export class InvalidOptionsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidOptionsError';
  }
}

export const HEADER_NOT_FOUND = 'header-not-found';

/**
 * Reads a POI report sheet, computes every figure, checks every rule and returns the
 * cells to write. Pure: the grid is not changed.
 *
 * @example
 * const analysis = analyze(grid, { fechaCorte: '2023-08-15', sheet: 'Reporte POI' });
 * analysis.figures?.totals.physicalAverage; // 83.7
 * analysis.patch.cells;                     // [{ a1: 'M14', value: 5, old: null, … }]
 */
export function analyze(grid: Grid, options: AnalyzeOptions): Analysis {
  if (!isIsoDate(options.fechaCorte)) {
    throw new InvalidOptionsError(`fechaCorte debe ser una fecha AAAA-MM-DD: ${options.fechaCorte}`);
  }
  const sheet = options.sheet ?? 'Hoja1';
  const layout = findLayout(grid);
  if (!layout) {
    const observation: Observation = {
      rule: HEADER_NOT_FOUND,
      messageId: HEADER_NOT_FOUND,
      severity: 'error',
      sheet,
      cell: 'A1',
      row: 1,
      message: sheetNotRecognised(sheet),
    };
    return { sheet, fechaCorte: options.fechaCorte, model: null, figures: null, computed: [], patch: { cells: [] }, observations: [observation] };
  }
  const model = parseSheet(grid, layout);
  const figures = computeFigures(model, options.fechaCorte);
  const computed = computedCells(model, figures);
  return {
    sheet,
    fechaCorte: options.fechaCorte,
    model,
    figures,
    computed,
    patch: buildPatch(grid, computed),
    observations: runRules(RULES, model, figures, { sheet, grid, fechaCorte: options.fechaCorte, severities: options.severities }),
  };
}
