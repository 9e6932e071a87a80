/**
 * openXlsx: recognise the file, read the ZIP directory, refuse oversized packages before
 * inflating anything, then map the workbook. Sheets are parsed only when asked for.
 */
import type { Grid } from '../../engine/grid/cell';
import { dateStyleFlags } from './date-styles';
import { assertNotOds, assertZipLike } from './detect';
import { XlsxError, guarded, inPart, messages } from './errors';
import { parseSharedStrings } from './shared-strings';
import { oneBytePerCharacter, readWorksheet, type SheetContext, type SheetMemo } from './sheet-reader';
import { findSheet, loadWorkbook, readPartText, type SheetState, type ToolRole, type WorkbookModel } from './workbook';
import { decodeXml } from './xml';
import { assertPlausibleRatios, DEFAULT_MAX_ENTRIES, DEFAULT_MAX_PART_BYTES, inflateEntry, readZip, type ZipArchive } from './zip';

export interface SheetInfo {
  readonly name: string;
  readonly state: SheetState;
  /** Set when the tool wrote this sheet (its mark, not its name): see writePlannedCopy. */
  readonly toolRole?: ToolRole;
}

export interface ReadSheetOptions {
  /**
   * Read only rows 0 … maxRows-1: the scanner stops at the first row past them, so
   * recognising a layout never reads a huge foreign sheet whole.
   */
  readonly maxRows?: number;
}

export interface XlsxPackage {
  /** In workbook order. */
  readonly sheets: readonly SheetInfo[];
  /**
   * Throws XlsxError('sheet-not-found') for an unknown name, XlsxError for a damaged part,
   * XlsxInternalError for a defect of ours.
   */
  readSheet(name: string, options?: ReadSheetOptions): Grid;
}

export interface XlsxLimits {
  /** Sum of the declared uncompressed sizes of all parts; default 1.5 GB. */
  maxUncompressedBytes?: number;
  /** Largest part that is inflated (a sheet, the shared strings); default 256 MB. */
  maxPartBytes?: number;
  /** Most ZIP entries; default 65,000. */
  maxEntries?: number;
}

export const DEFAULT_MAX_UNCOMPRESSED_BYTES = 1.5e9;
/**
 * Sheet texts kept between the tops read to choose the report sheet and the whole read that
 * follows, each with as many bytes (its UTF-8 bytes, or the codes the scanner makes, see
 * SheetContext.bytes): their sizes summed, the newest kept whatever its size. A few ordinary
 * sheets and a report of 50,000 AO fit, a workbook of many huge sheets is inflated again.
 */
const KEPT_TOPS_SIZE = 128_000_000;

/** A sheet part as read: its text, the UTF-8 bytes it was decoded from when one per character (SheetContext.bytes), what its reads share. */
interface SheetText {
  readonly text: string;
  readonly bytes: Uint8Array | undefined;
  readonly memo: SheetMemo;
}

const sizeOf = (t: SheetText): number => 2 * t.text.length;
export { DEFAULT_MAX_ENTRIES, DEFAULT_MAX_PART_BYTES };

export function openXlsx(data: Uint8Array, limits?: XlsxLimits): XlsxPackage {
  const model = guarded(() => openModel(data, limits), 'abrir el libro');
  let shared: Omit<SheetContext, 'maxRows' | 'memo'> | undefined;
  // The texts of the sheets read with maxRows, oldest first: choosing the report sheet reads
  // the top of every sheet, then the chosen one whole, which then needs no second inflate
  // nor second scan of its merges, wherever it stands in the workbook.
  const tops = new Map<string, SheetText>();
  let topsLength = 0;
  return {
    sheets: model.sheets.map((s) => (s.toolRole ? { name: s.name, state: s.state, toolRole: s.toolRole } : { name: s.name, state: s.state })),
    readSheet(name: string, options?: ReadSheetOptions): Grid {
      return guarded(() => {
        const sheet = findSheet(model, name);
        const maxRows = options?.maxRows;
        if (maxRows !== undefined && !(maxRows >= 0)) throw new RangeError(`maxRows inválido: ${maxRows}`);
        const part = sheet.part;
        if (!part) return { rows: [], merges: [] };
        const kept = tops.get(part);
        const read = kept ?? readSheetText(model.zip, part);
        if (maxRows === undefined) {
          // The whole sheet is read: the tops have served.
          tops.clear();
          topsLength = 0;
        } else if (!kept && read) {
          tops.set(part, read);
          topsLength += sizeOf(read);
          // Beyond the budget the oldest go; the newest always stays.
          for (const [p, top] of tops) {
            if (topsLength <= KEPT_TOPS_SIZE || p === part) break;
            tops.delete(p);
            topsLength -= sizeOf(top);
          }
        }
        if (!read) return { rows: [], merges: [] };
        shared ??= sheetContext(model);
        const { text, bytes, memo } = read;
        return inPart(part, () => readWorksheet(text, part, { ...shared!, memo, ...(bytes ? { bytes } : {}), ...(maxRows === undefined ? {} : { maxRows }) }));
      }, `leer la hoja «${name}»`);
    },
  };
}

/** A sheet part as read (readPartText, keeping the bytes the text came from); undefined when the package lacks it. */
function readSheetText(zip: ZipArchive, part: string): SheetText | undefined {
  const entry = zip.find(part);
  if (!entry) return undefined;
  const bytes = inflateEntry(zip, entry);
  const xml = decodeXml(bytes);
  // Other bytes would be kept for nothing: the scanner then makes its codes from the text.
  return { text: xml.text, bytes: oneBytePerCharacter(xml.text, bytes) ? bytes : undefined, memo: {} };
}

/** Shared by the reader and the patcher: every check a received file must pass. */
export function openModel(data: Uint8Array, limits?: XlsxLimits): WorkbookModel {
  assertZipLike(data);
  const zip = readZip(data, { maxEntries: limits?.maxEntries, maxPartBytes: limits?.maxPartBytes });
  assertNotOds(zip);
  assertSize(zip, limits?.maxUncompressedBytes ?? DEFAULT_MAX_UNCOMPRESSED_BYTES);
  assertPlausibleRatios(zip);
  return loadWorkbook(zip);
}

/** Declared sizes are checked before inflating; inflating never exceeds them (see zip.ts). */
function assertSize(zip: ZipArchive, limit: number): void {
  let total = 0;
  for (const e of zip.entries) total += e.size;
  if (total > limit) throw new XlsxError('too-large', messages.tooLarge(total, limit), `${total} > ${limit}`);
}

/** What every sheet of the workbook is read with: shared strings, date styles. */
function sheetContext(model: WorkbookModel): SheetContext {
  return { sharedStrings: readSharedStrings(model), dateStyles: readDateStyles(model), date1904: model.date1904 };
}

function readSharedStrings(model: WorkbookModel): readonly string[] {
  const part = model.sharedStringsPart;
  if (!part) return [];
  const text = readPartText(model.zip, part);
  return text ? parseSharedStrings(text.text, part) : [];
}

function readDateStyles(model: WorkbookModel): Uint8Array | undefined {
  const part = model.stylesPart;
  if (!part) return undefined;
  const text = readPartText(model.zip, part);
  return text ? dateStyleFlags(text.text, part) : undefined;
}
