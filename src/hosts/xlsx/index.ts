/**
 * The .xlsx host: read a workbook into the engine's Grid, write a patched copy that
 * changes only the edited cells (plus added sheets), and build new workbooks.
 * Browser-safe: Uint8Array in and out, no Node APIs. Built on fflate (ZIP) and saxes (XML).
 */
export { XlsxError, type XlsxErrorCode } from './errors';
export { openXlsx, type SheetInfo, type XlsxPackage, type XlsxLimits } from './open';
export { writePatchedCopy, type CellEdit, type NewSheet } from './patched-copy';
export { buildWorkbook, type SheetSpec } from './build-workbook';
