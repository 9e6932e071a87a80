/**
 * The slice of Office.js the Office host uses, and nothing more. Each interface is a
 * `Pick<Excel.X, …>` of the members we touch, with the methods that return Office objects
 * re-declared to return these narrow types instead.
 *
 * Two compile-time ties keep this honest:
 * - the real `Excel.RequestContext` must be assignable to `ExcelContext` (checked below), so a
 *   member named here that Office.js does not have, or has with another type, fails the build;
 * - the test fake (`test/hosts/office/fake-excel.ts`) `implements` these interfaces without a
 *   cast, so the fake can only offer what Office.js offers, typed as Office.js types it.
 */

export interface ExcelContext {
  readonly workbook: WorkbookApi;
  readonly application: ApplicationApi;
  sync(): Promise<void>;
}

/** `Excel.run`, with or without run options (`mergeUndoGroup`, ExcelApi 1.20). */
export interface ExcelRun {
  <T>(batch: (context: ExcelContext) => Promise<T>): Promise<T>;
  <T>(options: Pick<Excel.RunOptions, 'mergeUndoGroup'>, batch: (context: ExcelContext) => Promise<T>): Promise<T>;
}

export type ApplicationApi = Pick<
  Excel.Application,
  'suspendApiCalculationUntilNextSync' | 'suspendScreenUpdatingUntilNextSync' | 'calculate'
>;

export interface WorkbookApi {
  readonly worksheets: WorksheetsApi;
  readonly protection: WorkbookProtectionApi;
}

export interface WorkbookProtectionApi extends Pick<Excel.WorkbookProtection, 'protected'> {
  load(propertyNames: 'protected'): this;
}

export interface WorksheetsApi {
  readonly items: WorksheetApi[];
  load(propertyNames: string): this;
  getItem(key: string): WorksheetApi;
  getItemOrNullObject(key: string): WorksheetApi;
  getActiveWorksheet(): WorksheetApi;
  add(name?: string): WorksheetApi;
}

export interface WorksheetApi extends Pick<Excel.Worksheet, 'name' | 'isNullObject' | 'visibility' | 'delete' | 'activate'> {
  readonly names: NamesApi;
  readonly protection: WorksheetProtectionApi;
  readonly charts: ChartsApi;
  readonly freezePanes: Pick<Excel.WorksheetFreezePanes, 'freezeRows'>;
  load(propertyNames: string): this;
  getRange(address?: string): RangeApi;
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): RangeApi;
  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeApi;
  getRanges(address?: string): RangeAreasApi;
}

export interface WorksheetProtectionApi extends Pick<Excel.WorksheetProtection, 'protected'> {
  load(propertyNames: 'protected'): this;
}

export interface NamesApi {
  add(name: string, reference: string, comment?: string): NamedItemApi;
  getItemOrNullObject(name: string): NamedItemApi;
}

export interface NamedItemApi extends Pick<Excel.NamedItem, 'formula' | 'visible' | 'isNullObject' | 'delete'> {
  load(propertyNames: string): this;
}

export type FillApi = Pick<Excel.RangeFill, 'color' | 'clear'>;

export interface RangeFormatApi extends Pick<Excel.RangeFormat, 'autofitColumns' | 'columnWidth'> {
  readonly fill: FillApi;
  readonly font: Pick<Excel.RangeFont, 'bold'>;
}

export interface RangeApi
  extends Pick<
    Excel.Range,
    'values' | 'numberFormat' | 'formulas' | 'address' | 'rowIndex' | 'columnIndex' | 'rowCount' | 'columnCount' | 'isNullObject' | 'select' | 'merge'
  > {
  readonly format: RangeFormatApi;
  readonly conditionalFormats: ConditionalFormatsApi;
  load(propertyNames: string): this;
  getMergedAreasOrNullObject(): RangeAreasApi;
}

export interface RangeAreasApi extends Pick<Excel.RangeAreas, 'address' | 'areaCount' | 'isNullObject'> {
  readonly conditionalFormats: ConditionalFormatsApi;
  load(propertyNames: string): this;
}

export interface ConditionalFormatsApi {
  readonly items: ConditionalFormatApi[];
  load(propertyNames: string): this;
  add(type: 'Custom'): ConditionalFormatApi;
}

export interface ConditionalFormatApi extends Pick<Excel.ConditionalFormat, 'type' | 'delete' | 'stopIfTrue'> {
  readonly custom: CustomConditionalFormatApi;
  readonly customOrNullObject: CustomConditionalFormatApi;
}

export interface CustomConditionalFormatApi extends Pick<Excel.CustomConditionalFormat, 'isNullObject'> {
  readonly rule: Pick<Excel.ConditionalFormatRule, 'formula'>;
  readonly format: { readonly fill: Pick<Excel.ConditionalRangeFill, 'color'> };
}

export interface ChartsApi {
  add(type: 'BarClustered', sourceData: RangeApi, seriesBy?: 'Columns'): ChartApi;
}

export interface ChartApi {
  readonly title: Pick<Excel.ChartTitle, 'text'>;
  readonly legend: Pick<Excel.ChartLegend, 'visible'>;
  setPosition(startCell: string, endCell?: string): void;
}

/** The real Office.js objects fit the narrow types: a member renamed or retyped here fails the build. */
type Fits<Real extends Narrow, Narrow> = Real;
export type RealContextFits = Fits<Excel.RequestContext, ExcelContext>;
export type RealRunFits = Fits<typeof Excel.run, ExcelRun>;

/**
 * `Excel.run`, looked up when called (Office.js may load after this module), with or without
 * run options.
 */
export const excelRun: ExcelRun = <T>(
  first: Pick<Excel.RunOptions, 'mergeUndoGroup'> | ((context: ExcelContext) => Promise<T>),
  second?: (context: ExcelContext) => Promise<T>,
): Promise<T> => {
  if (typeof first === 'function') return Excel.run(first);
  if (!second) throw new TypeError('Excel.run needs a batch function.');
  return Excel.run(first, second);
};
