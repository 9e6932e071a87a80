/**
 * A copy of a received workbook in which only the edited cells of one sheet changed, plus
 * the sheets the tool adds. Every other ZIP entry is copied with its original compressed
 * bytes; the edited parts are spliced, never re-serialised.
 *
 * - `writePlannedCopy` (the recompute plan's way): the tool replaces only sheets it made,
 *   known by its mark (a hidden sheet-scoped defined name `SemaforoPOI.hoja` whose formula
 *   is the role in quotes, the same mark the Office host writes), never by name; a name
 *   taken by a planner's sheet gets another (`Observaciones (2)`) and a notice says so.
 * - `writePatchedCopy` (older callers): a sheet of the same name is rewritten in place.
 */
import type { CellRange } from '../../engine/grid/cell';
import type { Table } from '../../engine/report/tables';
import type { ToolSheetRole } from '../../app/plan';
import type { CellEdit } from './sheet-patch';
import { patchSheetXml } from './sheet-patch';
import { XlsxError, guarded, inPart, messages } from './errors';
import { openModel } from './open';
import { directoryOf, isRelType, parseRelationships, relativeTarget, relsPartFor, resolveTarget } from './opc';
import { CHART_CONTENT_TYPE, CHART_REL, DRAWING_CONTENT_TYPE, DRAWING_REL, renderChart, renderDrawing, type SheetChart } from './chart-parts';
import {
  EditablePart,
  addOverride,
  addRelationship,
  addSheetEntry,
  freeRelationshipId,
  overrideContentType,
  removeCalcChainEntries,
  removeOverride,
  removeRelationship,
  setFullCalcOnLoad,
  addSheetMarks,
} from './package-edit';
import { assertUniqueSheetNames, assertValidSheetName, sheetNameProblem } from './sheet-name';
import { MAIN_NS, XML_DECLARATION, writeWorksheet } from './sheet-writer';
import { AppendedStyles, assertValidStyle, wantsStyle } from './styles';
import { findSheet, readPartText, TOOL_MARK_NAME, type SheetEntry, type WorkbookModel } from './workbook';
import { encodeXml, escapeXml, type XmlText } from './xml';
import { findElement, getAttr, openTag, prefixOf } from './xml-locator';
import { DeflatingPart, normalizePartName, writeZip, type DeflatedContent, type ZipItem } from './zip';
import { XmlBytes } from './xml-bytes';

export type { CellEdit } from './sheet-patch';
export type { SheetChart } from './chart-parts';

export interface NewSheet {
  readonly name: string;
  readonly table: Table;
  readonly columnWidths?: readonly number[];
  readonly freezeRows?: number;
  /** Merged areas (one-cell areas are ignored). */
  readonly merges?: readonly CellRange[];
  /** A native bar chart over cells of this sheet (not written in strict-OOXML workbooks). */
  readonly chart?: SheetChart;
}

/** A sheet of the tool's own, written by writePlannedCopy: a NewSheet with its role. */
export interface PlannedSheet extends NewSheet {
  readonly role: ToolSheetRole;
}

export interface PlannedCopy {
  readonly bytes: Uint8Array;
  /** The names the tool's sheets were written under, in the order given. */
  readonly sheetNames: readonly string[];
  /** One Spanish sentence per sheet that could not take its preferred name. */
  readonly notices: readonly string[];
}

/** A sheet to write, and what becomes of the workbook's sheets for it. */
interface SheetWrite {
  readonly spec: NewSheet;
  readonly name: string;
  /** An existing sheet rewritten in place (keeps its entry, rId and mark). */
  readonly replaces: SheetEntry | undefined;
  /** The mark to add with a new sheet. */
  readonly role: ToolSheetRole | undefined;
}

const WORKSHEET_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';

/**
 * Throws XlsxError for a file that cannot be read, and RangeError for a misuse (an edit
 * outside the sheet, a non-finite number, an invalid or clashing new sheet name).
 */
export function writePatchedCopy(
  data: Uint8Array,
  sheet: string,
  edits: readonly CellEdit[],
  addSheets: readonly NewSheet[] = [],
): Uint8Array {
  validateInputs(edits, addSheets);
  const model = guarded(() => openModel(data), 'abrir el libro');
  const target = reportSheet(model, sheet);
  const writes = addSheets.map((s) => ({ spec: s, name: s.name, replaces: sheetToReplace(model, target, s.name), role: undefined }));
  return guarded(() => new CopyBuilder(model, target).build(edits, writes), 'escribir la copia');
}

/**
 * The copy the recompute plan asks for: `edits` in `sheet`, and each tool sheet written
 * over the sheet that carries its role's mark, or added (with the mark) under its name,
 * or under `Name (2)`, `Name (3)`… when a sheet the tool did not make holds that name.
 * Throws as writePatchedCopy does.
 */
export function writePlannedCopy(data: Uint8Array, sheet: string, edits: readonly CellEdit[], toolSheets: readonly PlannedSheet[]): PlannedCopy {
  validateInputs(edits, toolSheets);
  const model = guarded(() => openModel(data), 'abrir el libro');
  const target = reportSheet(model, sheet);
  const writes = planSheets(model, target, toolSheets);
  const bytes = guarded(() => new CopyBuilder(model, target).build(edits, writes), 'escribir la copia');
  const notices = writes.filter((w) => !w.replaces && w.name !== w.spec.name).map((w) => renamedNotice(w.spec.name, w.name, w.role));
  return { bytes, sheetNames: writes.map((w) => w.name), notices };
}

function reportSheet(model: WorkbookModel, sheet: string): SheetEntry & { part: string } {
  const report = findSheet(model, sheet);
  if (!report.part || report.kind !== 'worksheet') {
    throw new XlsxError('sheet-not-found', messages.sheetNotFound(sheet, worksheetNames(model)), `${sheet} is a ${report.kind}`);
  }
  return { ...report, part: report.part };
}

function planSheets(model: WorkbookModel, report: SheetEntry, specs: readonly PlannedSheet[]): SheetWrite[] {
  const taken = new Set(model.sheets.map((s) => s.name.toLowerCase()));
  const claimed = new Set<SheetEntry>();
  return specs.map((spec) => {
    // The first worksheet with this role's mark (a copy of it carries the mark too).
    const own = model.sheets.find((s) => s.toolRole === spec.role && s.name !== report.name && !claimed.has(s) && s.part && s.kind === 'worksheet');
    if (own) {
      claimed.add(own);
      return { spec, name: own.name, replaces: own, role: spec.role };
    }
    const name = freeSheetName(spec.name, taken);
    taken.add(name.toLowerCase());
    return { spec, name, replaces: undefined, role: spec.role };
  });
}

/** `name`, or `name (2)`, `name (3)`… shortened to Excel's 31 characters. */
function freeSheetName(name: string, taken: ReadonlySet<string>): string {
  if (!taken.has(name.toLowerCase())) return name;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const candidate = name.slice(0, 31 - suffix.length).replace(/'+$/, '') + suffix;
    if (!taken.has(candidate.toLowerCase()) && !sheetNameProblem(candidate)) return candidate;
  }
}

const ROLE_WRITTEN: Record<ToolSheetRole, string> = {
  observaciones: 'las observaciones se escribieron',
  resumen: 'el resumen se escribió',
  reporte: 'el reporte se escribió',
};

function renamedNotice(wanted: string, used: string, role: ToolSheetRole | undefined): string {
  const what = role ? ROLE_WRITTEN[role] : 'la hoja nueva se escribió';
  return `El libro ya tenía una hoja «${wanted}» que no creó el Semáforo POI; se dejó intacta y ${what} en la hoja «${used}».`;
}

function validateInputs(edits: readonly CellEdit[], addSheets: readonly NewSheet[]): void {
  for (const e of edits) {
    if (typeof e.value === 'number' && !Number.isFinite(e.value)) {
      throw new RangeError(`Valor no finito (${e.value}) para la fila ${e.row}, columna ${e.col}`);
    }
  }
  addSheets.forEach((s) => assertValidSheetName(s.name));
  assertUniqueSheetNames(addSheets.map((s) => s.name));
  for (const s of addSheets) {
    for (const row of s.table) {
      if (!row) continue;
      for (let c = 0; c < row.length; c++) {
        const cell = row[c];
        if (!cell) continue;
        if (typeof cell.value === 'number' && !Number.isFinite(cell.value)) {
          throw new RangeError(`Valor no finito (${cell.value}) en la hoja «${s.name}»`);
        }
        assertValidStyle(cell);
      }
    }
    for (const m of s.merges ?? []) {
      if (!validArea(m)) throw new RangeError(`Área combinada inválida en la hoja «${s.name}»: ${JSON.stringify(m)}`);
    }
    const c = s.chart;
    if (c && ![c.nameCell, c.categories, c.values, c.anchor].every(validArea)) throw new RangeError(`Gráfico con un rango inválido en la hoja «${s.name}»: ${JSON.stringify(c)}`);
  }
}

function validArea(m: CellRange): boolean {
  const { top, left, bottom, right } = m;
  const ok = Number.isInteger(top) && Number.isInteger(left) && Number.isInteger(bottom) && Number.isInteger(right) && top >= 0 && left >= 0;
  return ok && bottom <= 1_048_575 && right <= 16_383 && bottom >= top && right >= left;
}

function worksheetNames(model: WorkbookModel): string[] {
  return model.sheets.filter((s) => s.kind === 'worksheet').map((s) => s.name);
}

/** writePatchedCopy: an existing sheet of that name (added by an earlier run) is rewritten in place. */
function sheetToReplace(model: WorkbookModel, report: SheetEntry, name: string): SheetEntry | undefined {
  const existing = model.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  if (!existing) return undefined;
  if (existing.rId === report.rId && existing.name === report.name) throw new RangeError(`La hoja añadida «${name}» tendría el nombre de la hoja del reporte.`);
  if (!existing.part || existing.kind !== 'worksheet') {
    throw new RangeError(`Ya existe una hoja «${existing.name}» que no es de cálculo; elija otro nombre.`);
  }
  return existing;
}

/** A part's new bytes, or its DEFLATE stream when it was deflated as it was written. */
type PartContent = Uint8Array | DeflatedContent;

class CopyBuilder {
  private readonly changed = new Map<string, PartContent>();
  private readonly removed = new Set<string>();
  private readonly appended: { name: string; content: PartContent }[] = [];
  private readonly workbook: EditablePart;
  private readonly rels: EditablePart;
  private readonly types: EditablePart;
  /** The entries of the received file, by normalised name. */
  private readonly existing: ReadonlySet<string>;

  constructor(
    private readonly model: WorkbookModel,
    private readonly report: SheetEntry & { part: string },
  ) {
    this.workbook = this.editable(model.workbookPart);
    this.rels = this.editable(relsPartFor(model.workbookPart));
    this.types = this.editable('[Content_Types].xml');
    // The report sheet is inflated only to be edited; unedited (a flat export) it is copied
    // as it is, but a part too large to read is refused all the same.
    const entry = model.zip.find(report.part);
    if (!entry) throw new XlsxError('no-workbook', messages.noWorkbook(), `${report.part} missing`);
    const limit = model.zip.maxPartBytes;
    if (entry.size > limit) throw new XlsxError('too-large', messages.partTooLarge(entry.name, entry.size, limit), `${entry.name}: ${entry.size} > ${limit}`);
    this.existing = new Set(model.zip.entries.map((e) => normalizePartName(e.name)));
  }

  build(edits: readonly CellEdit[], writes: readonly SheetWrite[]): Uint8Array {
    // No edit (a flat export, whose report is generated beside it): the sheet is copied as it
    // is, without locating its elements (seconds on a 279-column export).
    if (edits.length > 0) {
      const reportText = this.read(this.report.part);
      const patch = inPart(this.report.part, () => patchSheetXml(reportText.text, edits));
      if (patch.xml !== reportText.text) this.change(this.report.part, encodeXml(patch.xml, reportText));
      if (patch.droppedFormulas.length) this.dropFromCalcChain(patch.droppedFormulas);
    }
    inPart(this.workbook.part, () => {
      this.addSheets(writes);
      setFullCalcOnLoad(this.workbook);
    });
    for (const part of [this.workbook, this.rels, this.types]) if (part.changed) this.change(part.part, part.bytes());
    return this.zip();
  }

  private zip(): Uint8Array {
    const { zip } = this.model;
    const items: ZipItem[] = [];
    for (const entry of zip.entries) {
      const key = normalizePartName(entry.name);
      if (this.removed.has(key)) continue;
      const content = this.changed.get(key);
      items.push(content ? newItem(entry.name, content) : { kind: 'copy', entry });
    }
    for (const a of this.appended) items.push(newItem(a.name, a.content));
    return writeZip(items, zip, zip.comment);
  }

  private addSheets(writes: readonly SheetWrite[]): void {
    if (writes.length === 0) return;
    const styles = this.stylesFor(writes.map((w) => w.spec));
    const mainNs = inPart(this.workbook.part, () => spreadsheetNamespace(this.workbook.xml, 'workbook'));
    const relType = this.model.workbookRels.find((r) => r.id === this.report.rId)?.type ?? '';
    const contentType = overrideContentType(this.types, this.report.part) ?? WORKSHEET_CONTENT_TYPE;
    const usedIds = this.model.workbookRels.map((r) => r.id);
    const usedParts = new Set(this.model.zip.entries.map((e) => normalizePartName(e.name)));
    let sheetId = Math.max(0, ...this.model.sheets.map((s) => s.sheetId)) + 1;
    // New sheets go after the existing ones: their index is their mark's localSheetId.
    let index = this.model.sheets.length;
    const marks: { sheetIndex: number; role: string }[] = [];
    for (const w of writes) {
      const old = w.replaces;
      const part = old?.part ?? freePartName(directoryOf(this.report.part), usedParts);
      const drawingRId = this.drawingFor(part, w, mainNs === MAIN_NS, usedParts);
      // Deflated as it is written: a generated report's XML (tens of MB) never exists whole.
      const deflating = new DeflatingPart();
      const out = new XmlBytes(deflating.push);
      writeWorksheet(out, w.spec, { mainNs, styleOf: styles?.appender.styleOf, drawingRId });
      out.close();
      const xml = deflating.content();
      if (old?.part) {
        this.change(old.part, xml);
        continue;
      }
      const rId = freeRelationshipId(usedIds);
      usedIds.push(rId);
      addSheetEntry(this.workbook, w.name, sheetId++, rId);
      addRelationship(this.rels, rId, relType, relativeTarget(this.model.workbookPart, part));
      addOverride(this.types, part, contentType);
      this.appended.push({ name: part, content: xml });
      if (w.role) marks.push({ sheetIndex: index, role: w.role });
      index++;
    }
    if (marks.length) addSheetMarks(this.workbook, TOOL_MARK_NAME, marks);
    const styled = styles && inPart(styles.part, () => styles.appender.result());
    if (styles && styled !== undefined) this.change(styles.part, encodeXml(styled, styles.text));
  }

  /**
   * The sheet's relationships for its chart: the drawings a rewritten sheet had (an earlier
   * run's chart) go with their charts, so a rerun leaves no orphan parts; a new chart gets
   * a drawing and a chart part under free numbers. Returns the drawing's relationship id.
   */
  private drawingFor(sheetPart: string, w: SheetWrite, allowed: boolean, usedParts: Set<string>): string | undefined {
    const relsPart = relsPartFor(sheetPart);
    const relsText = this.existing.has(normalizePartName(relsPart)) ? readPartText(this.model.zip, relsPart) : undefined;
    const rels = relsText && new EditablePart(relsPart, relsText);
    const ids: string[] = [];
    if (rels) {
      for (const r of inPart(relsPart, () => parseRelationships(rels.xml, relsPart))) {
        if (!r.external && isRelType(r.type, 'drawing')) {
          this.dropDrawing(resolveTarget(sheetPart, r.target));
          removeRelationship(rels, r.id);
        } else ids.push(r.id);
      }
    }
    const chart = w.spec.chart;
    let rId: string | undefined;
    if (chart && allowed) {
      const dir = directoryOf(this.model.workbookPart);
      const drawing = freeNumberedPart(`${dir}drawings/drawing`, usedParts);
      const chartPart = freeNumberedPart(`${dir}charts/chart`, usedParts);
      rId = freeRelationshipId(ids);
      this.put(chartPart, encodeXml(renderChart(chart, w.name, w.spec.table)));
      this.put(drawing, encodeXml(renderDrawing(chart.anchor, 'rId1', chart.title)));
      this.put(relsPartFor(drawing), encodeXml(relsXml('rId1', CHART_REL, relativePath(drawing, chartPart))));
      addOverride(this.types, drawing, DRAWING_CONTENT_TYPE);
      addOverride(this.types, chartPart, CHART_CONTENT_TYPE);
      if (rels) addRelationship(rels, rId, DRAWING_REL, relativePath(sheetPart, drawing));
      else this.put(relsPart, encodeXml(relsXml(rId, DRAWING_REL, relativePath(sheetPart, drawing))));
    }
    if (rels?.changed) this.change(relsPart, rels.bytes());
    return rId;
  }

  /** Removes a drawing, its charts and their style parts (each chart is the drawing's own). */
  private dropDrawing(part: string): void {
    const dropped = (p: string): boolean => {
      if (!this.existing.has(normalizePartName(p)) || this.removed.has(normalizePartName(p))) return false;
      this.removed.add(normalizePartName(p));
      removeOverride(this.types, p);
      return true;
    };
    const relsOf = (p: string): { part: string; target: string; type: string }[] => {
      const rp = relsPartFor(p);
      const text = this.existing.has(normalizePartName(rp)) ? readPartText(this.model.zip, rp) : undefined;
      if (!text) return [];
      this.removed.add(normalizePartName(rp));
      return inPart(rp, () => parseRelationships(text.text, rp))
        .filter((r) => !r.external)
        .map((r) => ({ part: resolveTarget(p, r.target), target: r.target, type: r.type }));
    };
    if (!dropped(part)) return;
    // Images a drawing holds may be shared with other drawings: they stay.
    for (const chart of relsOf(part).filter((r) => isRelType(r.type, 'chart'))) {
      if (!dropped(chart.part)) continue;
      for (const style of relsOf(chart.part)) if (/chart(Style|ColorStyle)$/.test(style.type)) dropped(style.part);
    }
  }

  /** A part written whole: replaces an entry of that name, or is appended. */
  private put(part: string, content: Uint8Array): void {
    if (this.existing.has(normalizePartName(part)) && !this.removed.has(normalizePartName(part))) this.change(part, content);
    else this.appended.push({ name: part, content });
  }

  /** Bold and number formats are appended to styles.xml only when a new cell uses them. */
  private stylesFor(specs: readonly NewSheet[]): { part: string; text: XmlText; appender: AppendedStyles } | undefined {
    const wanted = specs.some((s) => s.table.some((row) => (row ?? []).some((c) => c && wantsStyle(c))));
    const rel = this.model.workbookRels.find((r) => !r.external && isRelType(r.type, 'styles'));
    if (!wanted || !rel) return undefined;
    const part = resolveTarget(this.model.workbookPart, rel.target);
    const text = readPartText(this.model.zip, part);
    return text ? { part, text, appender: inPart(part, () => new AppendedStyles(text.text)) } : undefined;
  }

  private dropFromCalcChain(cells: Parameters<typeof removeCalcChainEntries>[2]): void {
    const rel = this.model.workbookRels.find((r) => !r.external && isRelType(r.type, 'calcChain'));
    if (!rel) return;
    const part = resolveTarget(this.model.workbookPart, rel.target);
    const text = readPartText(this.model.zip, part);
    if (!text) return;
    const chain = new EditablePart(part, text);
    if (inPart(part, () => removeCalcChainEntries(chain, this.report.sheetId, cells))) {
      if (chain.changed) this.change(part, chain.bytes());
      return;
    }
    // No formula left in the chain: drop the part and what points at it; Excel rebuilds it.
    this.removed.add(normalizePartName(part));
    removeRelationship(this.rels, rel.id);
    removeOverride(this.types, part);
  }

  private change(part: string, content: PartContent): void {
    this.changed.set(normalizePartName(part), content);
  }

  private read(part: string): XmlText {
    const text = readPartText(this.model.zip, part);
    if (!text) throw new XlsxError('no-workbook', messages.noWorkbook(), `${part} missing`);
    return text;
  }

  private editable(part: string): EditablePart {
    return new EditablePart(part, this.read(part));
  }
}

function newItem(name: string, content: PartContent): ZipItem {
  // isView, not instanceof: bytes from another realm (a test's jsdom, an iframe) are bytes too.
  return ArrayBuffer.isView(content) ? { kind: 'new', name, content } : { kind: 'deflated', name, ...content };
}

/**
 * The spreadsheet namespace of the package (transitional or strict), whatever its prefix,
 * from the workbook part: a package is one or the other throughout, and the report sheet
 * itself (tens of MB in a flat export) need not be inflated for it.
 */
function spreadsheetNamespace(xml: string, rootName: string): string {
  // flat: the root never nests another of its name, so its end is one search.
  const root = findElement(xml, rootName, 0, xml.length, true);
  if (!root) return MAIN_NS;
  const p = prefixOf(root.qname);
  return getAttr(openTag(xml, root), p ? `xmlns:${p.slice(0, -1)}` : 'xmlns') ?? MAIN_NS;
}

function freePartName(dir: string, used: Set<string>): string {
  for (let n = 1; ; n++) {
    const name = `${dir}sheet${n}.xml`;
    if (!used.has(normalizePartName(name))) {
      used.add(normalizePartName(name));
      return name;
    }
  }
}

function freeNumberedPart(stem: string, used: Set<string>): string {
  for (let n = 1; ; n++) {
    const name = `${stem}${n}.xml`;
    if (!used.has(normalizePartName(name))) {
      used.add(normalizePartName(name));
      return name;
    }
  }
}

/** `xl/worksheets/sheet5.xml` → `xl/drawings/drawing1.xml`: `../drawings/drawing1.xml`. */
function relativePath(source: string, target: string): string {
  const from = directoryOf(source).split('/').filter(Boolean);
  const to = target.split('/');
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  return [...from.slice(common).map(() => '..'), ...to.slice(common)].join('/');
}

function relsXml(id: string, type: string, target: string): string {
  return (
    `${XML_DECLARATION}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
    `<Relationship Id="${id}" Type="${type}" Target="${escapeXml(target)}"/></Relationships>`
  );
}
