/**
 * writePatchedCopy: a copy of a received workbook in which only the edited cells of one
 * sheet changed, plus the sheets the tool adds. Every other ZIP entry is copied with its
 * original compressed bytes; the edited parts are spliced, never re-serialised.
 */
import type { Table } from '../../engine/report/tables';
import type { CellEdit } from './sheet-patch';
import { patchSheetXml } from './sheet-patch';
import { XlsxError, messages } from './errors';
import { guarded, openModel } from './open';
import { directoryOf, isRelType, relativeTarget, relsPartFor, resolveTarget } from './opc';
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
} from './package-edit';
import { assertUniqueSheetNames, assertValidSheetName } from './sheet-name';
import { MAIN_NS, renderWorksheet } from './sheet-writer';
import { AppendedStyles } from './styles';
import { findSheet, readPartText, type SheetEntry, type WorkbookModel } from './workbook';
import { encodeXml, type XmlText } from './xml';
import { findElement, getAttr, openTag, prefixOf } from './xml-scan';
import { normalizePartName, writeZip, type ZipItem } from './zip';

export type { CellEdit } from './sheet-patch';

export interface NewSheet {
  readonly name: string;
  readonly table: Table;
  readonly columnWidths?: readonly number[];
  readonly freezeRows?: number;
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
  const model = guarded(() => openModel(data));
  const report = findSheet(model, sheet);
  if (!report.part || report.kind !== 'worksheet') {
    throw new XlsxError('sheet-not-found', messages.sheetNotFound(sheet, worksheetNames(model)), `${sheet} is a ${report.kind}`);
  }
  const target = { ...report, part: report.part };
  const replaced = addSheets.map((s) => sheetToReplace(model, report, s.name));
  return guarded(() => new CopyBuilder(model, target).build(edits, addSheets, replaced));
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
      for (const cell of row ?? []) {
        if (cell && typeof cell.value === 'number' && !Number.isFinite(cell.value)) {
          throw new RangeError(`Valor no finito (${cell.value}) en la hoja «${s.name}»`);
        }
      }
    }
  }
}

function worksheetNames(model: WorkbookModel): string[] {
  return model.sheets.filter((s) => s.kind === 'worksheet').map((s) => s.name);
}

/** An existing sheet of that name (added by an earlier run) is rewritten in place. */
function sheetToReplace(model: WorkbookModel, report: SheetEntry, name: string): SheetEntry | undefined {
  const existing = model.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  if (!existing) return undefined;
  if (existing === report) throw new RangeError(`La hoja añadida «${name}» tendría el nombre de la hoja del reporte.`);
  if (!existing.part || existing.kind !== 'worksheet') {
    throw new RangeError(`Ya existe una hoja «${existing.name}» que no es de cálculo; elija otro nombre.`);
  }
  return existing;
}

class CopyBuilder {
  private readonly changed = new Map<string, Uint8Array>();
  private readonly removed = new Set<string>();
  private readonly appended: { name: string; content: Uint8Array }[] = [];
  private readonly workbook: EditablePart;
  private readonly rels: EditablePart;
  private readonly types: EditablePart;
  private readonly reportText: XmlText;

  constructor(
    private readonly model: WorkbookModel,
    private readonly report: SheetEntry & { part: string },
  ) {
    this.workbook = this.editable(model.workbookPart);
    this.rels = this.editable(relsPartFor(model.workbookPart));
    this.types = this.editable('[Content_Types].xml');
    this.reportText = this.read(report.part);
  }

  build(edits: readonly CellEdit[], addSheets: readonly NewSheet[], replaced: readonly (SheetEntry | undefined)[]): Uint8Array {
    const patch = patchSheetXml(this.reportText.text, edits);
    if (patch.xml !== this.reportText.text) this.change(this.report.part, encodeXml(patch.xml, this.reportText));
    if (patch.droppedFormulas.length) this.dropFromCalcChain(patch.droppedFormulas);
    this.addSheets(addSheets, replaced);
    setFullCalcOnLoad(this.workbook);
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
      items.push(content ? { kind: 'new', name: entry.name, content } : { kind: 'copy', entry });
    }
    for (const a of this.appended) items.push({ kind: 'new', ...a });
    return writeZip(items, zip, zip.comment);
  }

  private addSheets(specs: readonly NewSheet[], replaced: readonly (SheetEntry | undefined)[]): void {
    if (specs.length === 0) return;
    const styles = this.stylesFor(specs);
    const mainNs = sheetNamespace(this.reportText.text);
    const relType = this.model.workbookRels.find((r) => r.id === this.report.rId)?.type ?? '';
    const contentType = overrideContentType(this.types, this.report.part) ?? WORKSHEET_CONTENT_TYPE;
    const usedIds = this.model.workbookRels.map((r) => r.id);
    const usedParts = new Set(this.model.zip.entries.map((e) => normalizePartName(e.name)));
    let sheetId = Math.max(0, ...this.model.sheets.map((s) => s.sheetId)) + 1;
    specs.forEach((spec, i) => {
      const xml = encodeXml(renderWorksheet(spec, { mainNs, styleOf: styles?.appender.styleOf }));
      const old = replaced[i];
      if (old?.part) return this.change(old.part, xml);
      const part = freePartName(directoryOf(this.report.part), usedParts);
      const rId = freeRelationshipId(usedIds);
      usedIds.push(rId);
      addSheetEntry(this.workbook, spec.name, sheetId++, rId);
      addRelationship(this.rels, rId, relType, relativeTarget(this.model.workbookPart, part));
      addOverride(this.types, part, contentType);
      this.appended.push({ name: part, content: xml });
    });
    const styled = styles?.appender.result();
    if (styles && styled !== undefined) this.change(styles.part, encodeXml(styled, styles.text));
  }

  /** Bold and number formats are appended to styles.xml only when a new cell uses them. */
  private stylesFor(specs: readonly NewSheet[]): { part: string; text: XmlText; appender: AppendedStyles } | undefined {
    const wanted = specs.some((s) => s.table.some((row) => (row ?? []).some((c) => c && (c.bold || c.format))));
    const rel = this.model.workbookRels.find((r) => !r.external && isRelType(r.type, 'styles'));
    if (!wanted || !rel) return undefined;
    const part = resolveTarget(this.model.workbookPart, rel.target);
    const text = readPartText(this.model.zip, part);
    return text ? { part, text, appender: new AppendedStyles(text.text) } : undefined;
  }

  private dropFromCalcChain(cells: Parameters<typeof removeCalcChainEntries>[2]): void {
    const rel = this.model.workbookRels.find((r) => !r.external && isRelType(r.type, 'calcChain'));
    if (!rel) return;
    const part = resolveTarget(this.model.workbookPart, rel.target);
    const text = readPartText(this.model.zip, part);
    if (!text) return;
    const chain = new EditablePart(part, text);
    if (removeCalcChainEntries(chain, this.report.sheetId, cells)) {
      if (chain.changed) this.change(part, chain.bytes());
      return;
    }
    // No formula left in the chain: drop the part and what points at it; Excel rebuilds it.
    this.removed.add(normalizePartName(part));
    removeRelationship(this.rels, rel.id);
    removeOverride(this.types, part);
  }

  private change(part: string, content: Uint8Array): void {
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

/** The spreadsheet namespace the report sheet uses (transitional or strict), whatever its prefix. */
function sheetNamespace(xml: string): string {
  const root = findElement(xml, 'worksheet');
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
