/**
 * The .xlsx host: read a workbook into the engine's Grid, write a patched copy that
 * changes only the edited cells (plus the tool's sheets), and build new workbooks.
 * Browser-safe: Uint8Array in and out, no Node APIs. Built on fflate (ZIP) and saxes (XML);
 * on Node, `useNodeCodec()` (node-codec.ts, deliberately not re-exported here) swaps in native zlib.
 */
export { XlsxError, XlsxInternalError, type XlsxErrorCode } from './errors';
export {
  openXlsx,
  DEFAULT_MAX_ENTRIES,
  DEFAULT_MAX_PART_BYTES,
  DEFAULT_MAX_UNCOMPRESSED_BYTES,
  type ReadSheetOptions,
  type SheetInfo,
  type XlsxPackage,
  type XlsxLimits,
} from './open';
export {
  writePatchedCopy,
  writePlannedCopy,
  type CellEdit,
  type NewSheet,
  type PlannedCopy,
  type PlannedSheet,
} from './patched-copy';
export { buildWorkbook, type SheetSpec } from './build-workbook';
export { setZipCodec, fflateCodec, type ZipCodec } from './codec';
export { TOOL_MARK_NAME, type ToolRole } from './workbook';
