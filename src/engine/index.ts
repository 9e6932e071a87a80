/** The engine's one public entry: grid in → model, figures, observations, patch out. */
export { analyze, InvalidOptionsError, HEADER_NOT_FOUND } from './analyze';
export type { Analysis, AnalyzeOptions, ProgrammedPhase } from './analysis';
export { generatedReport, GENERATED_REPORT_SHEET } from './report/generated-report';
export type { GeneratedSheet } from './report/generated-report';
export { findLayout } from './layout/find-layout';
export { CHOOSE_THE_SHEET, EXPECTED_LAYOUT, noSheetRecognised, sheetNotRecognised } from './not-recognised';
export { isIsoDate, localIsoDate, trackingDeadline } from './compute/deadlines';
export { observationsTable, summaryTable } from './report/build-tables';
export { OBSERVATIONS_SHEET, SUMMARY_SHEET } from './report/tables';
export type { Table, TableCell } from './report/tables';
export { RULES } from './rules';
export type { Rule, RuleMeta } from './rules/define-rule';
export { toA1, fromA1, columnLetters } from './grid/a1';
export type { CellValue, Grid, Address, CellRange } from './grid/cell';
export type * from './model';
export type * from './figures';
export type { Observation, Severity } from './observation';
export type { ComputedCell, Patch, PatchCell, ComputedKind } from './patch/types';
