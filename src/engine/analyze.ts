import type { Analysis, AnalyzeOptions } from './analysis';
import type { Figures } from './figures';
import { computeFigures } from './compute';
import { isIsoDate } from './compute/deadlines';
import { flatHeaderProblem } from './flat/find-flat-layout';
import { parseFlat, PROGRAMMED_PHASES } from './flat/parse-flat';
import { defaultPeriod, parsePeriod, reportPeriod } from './flat/period';
import type { AnalysisPeriod } from './flat/types';
import type { Grid } from './grid/cell';
import { findLayout } from './layout/find-layout';
import type { Layout, PoiModel } from './model';
import { sheetNotRecognised } from './not-recognised';
import type { Observation } from './observation';
import { parseSheet } from './parse/parse-sheet';
import { buildPatch, computedCells, countCellsToWrite } from './patch/build-patch';
import type { ComputedCell, Patch } from './patch/types';
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

/** Throws InvalidOptionsError for a bad fecha de corte, period or phase. */
export function checkOptions(options: AnalyzeOptions): void {
  if (!isIsoDate(options.fechaCorte)) {
    throw new InvalidOptionsError(`fechaCorte debe ser una fecha AAAA-MM-DD: ${options.fechaCorte}`);
  }
  if (options.period !== undefined && parsePeriod(options.period) === null) {
    throw new InvalidOptionsError(
      `El periodo «${options.period}» no es válido: use S1 (enero–junio), S2 (julio–diciembre), anual, o un mes 01–12 (de enero a ese mes).`,
    );
  }
  if (options.programmedPhase !== undefined && !PROGRAMMED_PHASES.includes(options.programmedPhase)) {
    throw new InvalidOptionsError(`La fase de programación «${String(options.programmedPhase)}» no es válida: use RE, CS, AJ o A.`);
  }
}

/** The period of a flat export: the one asked for, else the one a planner means on the fecha de corte. */
export function exportPeriod(layout: Layout, options: AnalyzeOptions): AnalysisPeriod {
  if (options.period !== undefined) return parsePeriod(options.period)!;
  return defaultPeriod(layout.year ?? Number(options.fechaCorte.slice(0, 4)), options.fechaCorte);
}

/** The observation for a sheet with no POI layout; names what an almost-export lacks. */
export function headerNotFound(grid: Grid, sheet: string): Observation {
  const problem = flatHeaderProblem(grid);
  if (problem) {
    const found = problem.found.length > 0 ? ` (se encontró ${problem.found.join(', ')})` : '';
    const verb = problem.missing.length > 1 || problem.missing[0].startsWith('los ') ? 'faltan' : 'falta';
    return {
      rule: HEADER_NOT_FOUND,
      messageId: 'flat-export-incomplete',
      severity: 'error',
      sheet,
      cell: `A${problem.row + 1}`,
      row: problem.row + 1,
      message: `La hoja parece una exportación del Aplicativo CEPLAN${found}, pero ${verb} ${problem.missing.join(' y ')} en el encabezado. Descargue de nuevo la exportación completa («Exporta POI») o restituya esas columnas con su título.`,
    };
  }
  return {
    rule: HEADER_NOT_FOUND,
    messageId: HEADER_NOT_FOUND,
    severity: 'error',
    sheet,
    cell: 'A1',
    row: 1,
    message: sheetNotRecognised(sheet),
  };
}

/**
 * Reads a POI report sheet — the printed Reporte de seguimiento or the Aplicativo's flat
 * export — computes every figure, checks every rule and returns the cells to write (none for
 * a flat export: its figures go into generatedReport()). Pure: the grid is not changed.
 *
 * @example
 * const analysis = analyze(grid, { fechaCorte: '2023-08-15', sheet: 'Reporte POI' });
 * analysis.figures?.totals.physicalAverage; // 83.7
 * analysis.patch.cells;                     // [{ a1: 'M14', value: 5, old: null, … }]
 */
export function analyze(grid: Grid, options: AnalyzeOptions): Analysis {
  checkOptions(options);
  const sheet = options.sheet ?? 'Hoja1';
  const layout = findLayout(grid);
  if (!layout) {
    return {
      sheet,
      fechaCorte: options.fechaCorte,
      layout: null,
      period: null,
      model: null,
      figures: null,
      computed: [],
      patch: { cells: [] },
      cellsToWrite: 0,
      observations: [headerNotFound(grid, sheet)],
    };
  }
  if (layout.kind === 'exportacion') {
    const period = exportPeriod(layout, options);
    const model = parseFlat(grid, layout.flat!, { period, programmedPhase: options.programmedPhase });
    return analyzeModel(model, sheet, options, period, grid);
  }
  return analyzeModel(parseSheet(grid, layout), sheet, options, reportPeriod(layout.months, layout.period), grid);
}

/**
 * Figures, computed cells and rules of a parsed model. A flat export gets no computed cells:
 * nothing is written into it. A printed report's computed cells and patch are built when
 * first read (own getters, so a spread, JSON.stringify or structured clone reads them too): a
 * check alone needs only their count.
 */
export function analyzeModel(model: PoiModel, sheet: string, options: AnalyzeOptions, period: AnalysisPeriod, grid: Grid): Analysis {
  const figures = computeFigures(model, options.fechaCorte);
  const layout = model.layout.kind;
  if (layout !== 'reporte') {
    const observations = rules(model, figures, sheet, options, grid);
    return { sheet, fechaCorte: options.fechaCorte, layout, period, model, figures, computed: [], patch: { cells: [] }, cellsToWrite: 0, observations };
  }
  let computed: readonly ComputedCell[] | null = null;
  let patch: Patch | null = null;
  const computedNow = (): readonly ComputedCell[] => (computed ??= computedCells(model, figures, grid));
  return {
    sheet,
    fechaCorte: options.fechaCorte,
    layout,
    period,
    model,
    figures,
    get computed() {
      return computedNow();
    },
    get patch() {
      return (patch ??= buildPatch(grid, computedNow()));
    },
    cellsToWrite: countCellsToWrite(model, figures, grid),
    observations: rules(model, figures, sheet, options, grid),
  };
}

/** Every rule over the parsed model, with the run options. */
function rules(model: PoiModel, figures: Figures, sheet: string, options: AnalyzeOptions, grid: Grid): Observation[] {
  return runRules(RULES, model, figures, { sheet, fechaCorte: options.fechaCorte, severities: options.severities, grid });
}
