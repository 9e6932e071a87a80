/**
 * openXlsx: recognise the file, read the ZIP directory, refuse oversized packages before
 * inflating anything, then map the workbook. Sheets are parsed only when asked for.
 */
import type { Grid } from '../../engine/grid/cell';
import { assertNotOds, assertZipLike } from './detect';
import { XlsxError, messages } from './errors';
import { parseSharedStrings } from './shared-strings';
import { readWorksheet } from './sheet-reader';
import { findSheet, loadWorkbook, readPartText, type SheetState, type WorkbookModel } from './workbook';
import { readZip, type ZipArchive } from './zip';

export interface SheetInfo {
  readonly name: string;
  readonly state: SheetState;
}

export interface XlsxPackage {
  /** In workbook order. */
  readonly sheets: readonly SheetInfo[];
  /** Throws XlsxError('sheet-not-found') for an unknown name. */
  readSheet(name: string): Grid;
}

export interface XlsxLimits {
  /** Sum of the declared uncompressed sizes of all parts; default 1.5 GB. */
  maxUncompressedBytes?: number;
}

export const DEFAULT_MAX_UNCOMPRESSED_BYTES = 1.5e9;

export function openXlsx(data: Uint8Array, limits?: XlsxLimits): XlsxPackage {
  const model = guarded(() => openModel(data, limits));
  let sharedStrings: readonly string[] | undefined;
  return {
    sheets: model.sheets.map((s) => ({ name: s.name, state: s.state })),
    readSheet(name: string): Grid {
      return guarded(() => {
        const sheet = findSheet(model, name);
        const text = sheet.part ? readPartText(model.zip, sheet.part) : undefined;
        if (!text || !sheet.part) return { rows: [], merges: [] };
        sharedStrings ??= readSharedStrings(model);
        return readWorksheet(text.text, sheet.part, sharedStrings);
      });
    },
  };
}

/** Shared by the reader and the patcher: every check a received file must pass. */
export function openModel(data: Uint8Array, limits?: XlsxLimits): WorkbookModel {
  assertZipLike(data);
  const zip = readZip(data);
  assertNotOds(zip);
  assertSize(zip, limits?.maxUncompressedBytes ?? DEFAULT_MAX_UNCOMPRESSED_BYTES);
  return loadWorkbook(zip);
}

/** Declared sizes are checked before inflating; inflating never exceeds them (see zip.ts). */
function assertSize(zip: ZipArchive, limit: number): void {
  let total = 0;
  for (const e of zip.entries) total += e.size;
  if (total > limit) throw new XlsxError('too-large', messages.tooLarge(total, limit), `${total} > ${limit}`);
}

function readSharedStrings(model: WorkbookModel): readonly string[] {
  if (!model.sharedStringsPart) return [];
  const text = readPartText(model.zip, model.sharedStringsPart);
  return text ? parseSharedStrings(text.text, model.sharedStringsPart) : [];
}

/** Every failure leaves as an XlsxError: unexpected ones mean a damaged file. */
export function guarded<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof XlsxError) throw e;
    throw new XlsxError('bad-xml', messages.badXml('desconocida'), (e as Error)?.message ?? String(e));
  }
}
