/**
 * The package's map: where the workbook part is (via `_rels/.rels`), its sheets in order
 * with their parts (via the workbook's `.rels`), and the shared strings part.
 */
import { XlsxError, messages } from './errors';
import { isRelType, parseContentTypes, parseRelationships, relsPartFor, resolveTarget, type Relationship } from './opc';
import { decodeXml, parseXml, prefixedAttr, type Attributes, type XmlText } from './xml';
import { inflateEntry, type ZipArchive } from './zip';

export type SheetState = 'visible' | 'hidden' | 'veryHidden';

/** The tool's own mark on a sheet it wrote (shared with the Office host). */
export const TOOL_MARK_NAME = 'SemaforoPOI.hoja';
export type ToolRole = 'observaciones' | 'resumen' | 'reporte';
const TOOL_ROLES: readonly string[] = ['observaciones', 'resumen', 'reporte'];

export interface SheetEntry {
  readonly name: string;
  readonly state: SheetState;
  readonly sheetId: number;
  readonly rId: string;
  /** Zip entry name of the sheet's part; undefined when the relationship is missing. */
  readonly part: string | undefined;
  /** Last segment of the relationship type: 'worksheet', 'chartsheet', 'dialogsheet'… */
  readonly kind: string;
  /** Set when the sheet carries the tool's mark (a sheet-scoped defined name, see TOOL_MARK_NAME). */
  readonly toolRole?: ToolRole;
}

export interface WorkbookModel {
  readonly zip: ZipArchive;
  readonly workbookPart: string;
  readonly workbookRels: readonly Relationship[];
  readonly sheets: readonly SheetEntry[];
  readonly sharedStringsPart: string | undefined;
  readonly stylesPart: string | undefined;
  /** `<workbookPr date1904="1">`: date serials count from 1904-01-01. */
  readonly date1904: boolean;
}

const MAIN_CONTENT_TYPES = [
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
  'application/vnd.ms-excel.sheet.macroEnabled.main+xml',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml',
  'application/vnd.ms-excel.template.macroEnabled.main+xml',
];

/** Inflates and decodes a part; undefined when the package has no such entry. */
export function readPartText(zip: ZipArchive, part: string): XmlText | undefined {
  const entry = zip.find(part);
  return entry ? decodeXml(inflateEntry(zip, entry)) : undefined;
}

export function loadWorkbook(zip: ZipArchive): WorkbookModel {
  const workbookPart = findWorkbookPart(zip);
  // An .xlsb has the same package structure, with binary parts.
  if (workbookPart.toLowerCase().endsWith('.bin')) throw new XlsxError('no-workbook', messages.xlsb(), workbookPart);
  const relsText = readPartText(zip, relsPartFor(workbookPart));
  const workbookRels = relsText ? parseRelationships(relsText.text, relsPartFor(workbookPart)) : [];
  const text = readPartText(zip, workbookPart);
  if (!text) throw new XlsxError('no-workbook', messages.noWorkbook(), `${workbookPart} missing`);
  const sheets = parseSheets(text.text, workbookPart, workbookRels);
  const sst = workbookRels.find((r) => !r.external && isRelType(r.type, 'sharedStrings'));
  const styles = workbookRels.find((r) => !r.external && isRelType(r.type, 'styles'));
  return {
    zip,
    workbookPart,
    workbookRels,
    sheets: sheets.list,
    sharedStringsPart: sst ? resolveTarget(workbookPart, sst.target) : undefined,
    stylesPart: styles ? resolveTarget(workbookPart, styles.target) : undefined,
    date1904: sheets.date1904,
  };
}

/** The officeDocument relationship; failing that, the content type of a workbook part. */
function findWorkbookPart(zip: ZipArchive): string {
  const rootRels = readPartText(zip, '_rels/.rels');
  if (rootRels) {
    const rel = parseRelationships(rootRels.text, '_rels/.rels').find(
      (r) => !r.external && isRelType(r.type, 'officeDocument'),
    );
    if (rel) return resolveTarget('', rel.target);
  }
  const types = readPartText(zip, '[Content_Types].xml');
  if (types) {
    for (const [part, type] of parseContentTypes(types.text).overrides) {
      if (MAIN_CONTENT_TYPES.includes(type)) return part;
    }
  }
  throw new XlsxError('no-workbook', messages.noWorkbook(), 'no officeDocument relationship');
}

function parseSheets(text: string, part: string, rels: readonly Relationship[]): { list: SheetEntry[]; date1904: boolean } {
  const byId = new Map(rels.map((r) => [r.id, r]));
  const sheets: SheetEntry[] = [];
  let root: string | undefined;
  let date1904 = false;
  const relPrefixes: string[] = [];
  // The tool's mark: <definedName name="SemaforoPOI.hoja" localSheetId="i">"observaciones"</definedName>
  const marks = new Map<number, ToolRole>();
  let mark: { sheet: number; text: string } | undefined;
  parseXml(text, part, {
    open(name, a) {
      if (root === undefined) {
        root = name;
        relPrefixes.push(...relationshipPrefixes(a));
      }
      // Also matches an extension's x15:workbookPr, which has no date1904: never unset it.
      if (name === 'workbookPr' && (a.date1904 === '1' || a.date1904 === 'true')) date1904 = true;
      if (name === 'definedName') {
        const sheet = Number(a.localSheetId);
        mark = a.name === TOOL_MARK_NAME && a.localSheetId !== undefined && Number.isInteger(sheet) ? { sheet, text: '' } : undefined;
      }
      if (name !== 'sheet') return;
      const rId = relationshipId(a, relPrefixes) ?? '';
      const rel = byId.get(rId);
      sheets.push({
        name: a.name ?? '',
        state: a.state === 'hidden' || a.state === 'veryHidden' ? a.state : 'visible',
        sheetId: Number(a.sheetId) || 0,
        rId,
        part: rel && !rel.external ? resolveTarget(part, rel.target) : undefined,
        kind: rel ? rel.type.slice(rel.type.lastIndexOf('/') + 1) : 'missing',
      });
    },
    text(t) {
      if (mark) mark.text += t;
    },
    close(name) {
      if (name !== 'definedName' || !mark) return;
      const role = /^\s*"([a-z]+)"\s*$/.exec(mark.text)?.[1];
      if (role && TOOL_ROLES.includes(role)) marks.set(mark.sheet, role as ToolRole);
      mark = undefined;
    },
  });
  // A .docx or .pptx also has an officeDocument relationship: the root tells them apart.
  if (root !== 'workbook') throw new XlsxError('no-workbook', messages.noWorkbook(), `root element ${root ?? '(none)'}`);
  const list = sheets.map((s, i) => (marks.has(i) ? { ...s, toolRole: marks.get(i) } : s));
  return { list, date1904 };
}

/** Prefixes bound to the relationships namespace (transitional or strict) by these attributes. */
function relationshipPrefixes(a: Attributes): string[] {
  const out: string[] = [];
  for (const k in a) if (k.startsWith('xmlns:') && /\/relationships$/.test(a[k])) out.push(k.slice(6));
  return out;
}

/** `r:id` under whatever prefix the producer bound (on the root or on the element itself). */
function relationshipId(a: Attributes, rootPrefixes: readonly string[]): string | undefined {
  for (const p of [...relationshipPrefixes(a), ...rootPrefixes]) if (a[`${p}:id`] !== undefined) return a[`${p}:id`];
  return prefixedAttr(a, 'id');
}

export function findSheet(model: WorkbookModel, name: string): SheetEntry {
  const sheet =
    model.sheets.find((s) => s.name === name) ??
    model.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  if (!sheet) {
    throw new XlsxError('sheet-not-found', messages.sheetNotFound(name, model.sheets.map((s) => s.name)));
  }
  return sheet;
}
