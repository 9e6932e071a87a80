/**
 * Splice-level edits of the package's bookkeeping parts: workbook.xml (`<sheets>`,
 * `<calcPr>`), the workbook's `.rels`, `[Content_Types].xml` and calcChain.xml. Each edit
 * adds or removes whole elements and leaves the rest of the text as it was.
 */
import type { Address } from '../../engine/grid/cell';
import { toA1 } from '../../engine/grid/a1';
import { encodeXml, escapeXml, localName, unescapeXml, type XmlText } from './xml';
import { applySplices, childElements, findElement, getAttr, openTag, prefixOf, setAttr, type ElementSpan, type Splice } from './xml-locator';
import { MalformedXml, inPart } from './errors';

/** A part's text plus pending splices against it. */
export class EditablePart {
  private readonly splices: Splice[] = [];

  constructor(
    readonly part: string,
    readonly source: XmlText,
  ) {}

  get xml(): string {
    return this.source.text;
  }

  splice(s: Splice): void {
    this.splices.push(s);
  }

  get changed(): boolean {
    return this.splices.length > 0;
  }

  /** Bytes of the edited part, in the part's own encoding. */
  bytes(): Uint8Array {
    return encodeXml(applySplices(this.source.text, this.splices), this.source);
  }

  root(): ElementSpan {
    return inPart(this.part, () => {
      const root = findElement(this.xml, firstElementName(this.xml));
      if (!root) throw new MalformedXml('sin elemento raíz');
      return root;
    });
  }

  children(local?: string): ElementSpan[] {
    const all = inPart(this.part, () => childElements(this.xml, this.root()));
    return local ? all.filter((c) => localName(c.qname) === local) : all;
  }

  /** Appends text at the end of a (non self-closing) element, or opens a self-closing one. */
  appendTo(el: ElementSpan, text: string): void {
    if (!el.selfClosing) return this.splice({ start: el.closeStart, end: el.closeStart, text });
    const tag = openTag(this.xml, el).replace(/\s*\/>$/, '>');
    this.splice({ start: el.start, end: el.end, text: `${tag}${text}</${el.qname}>` });
  }

  remove(el: ElementSpan): void {
    this.splice({ start: el.start, end: el.end, text: '' });
  }
}

function firstElementName(xml: string): string {
  const m = /<([A-Za-z_][\w.-]*(?::[\w.-]+)?)[\s/>]/.exec(xml.replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->/g, (s) => ' '.repeat(s.length)));
  if (!m) throw new MalformedXml('XML sin elementos');
  return localName(m[1]);
}

// ---------------------------------------------------------------- workbook.xml

/** Elements that come before `<calcPr>` in CT_Workbook; calcPr goes right after the last present. */
const BEFORE_CALC_PR = ['fileVersion', 'fileSharing', 'workbookPr', 'AlternateContent', 'revisionPtr', 'absPath', 'workbookProtection', 'bookViews', 'sheets', 'functionGroups', 'externalReferences', 'definedNames'];

/** `fullCalcOnLoad="1"`: Excel recomputes formulas that depend on the cells we changed. */
export function setFullCalcOnLoad(wb: EditablePart): void {
  const children = wb.children();
  const calcPr = children.find((c) => localName(c.qname) === 'calcPr');
  if (calcPr) {
    const tag = openTag(wb.xml, calcPr);
    if (getAttr(tag, 'fullCalcOnLoad') !== '1') wb.splice({ start: calcPr.start, end: calcPr.openEnd, text: setAttr(tag, 'fullCalcOnLoad', '1') });
    return;
  }
  const p = prefixOf(wb.root().qname);
  const before = children.filter((c) => BEFORE_CALC_PR.includes(localName(c.qname)));
  const at = before.length ? before[before.length - 1].end : wb.root().openEnd;
  wb.splice({ start: at, end: at, text: `<${p}calcPr fullCalcOnLoad="1"/>` });
}

/** Adds `<sheet>` at the end of `<sheets>`, its id under the producer's relationship prefix. */
export function addSheetEntry(wb: EditablePart, name: string, sheetId: number, rId: string): void {
  const sheets = wb.children('sheets')[0];
  if (!sheets) throw new MalformedXml('workbook.xml sin <sheets>');
  const existing = sheets.selfClosing ? [] : childElements(wb.xml, sheets);
  const sample = existing.length ? openTag(wb.xml, existing[0]) : '';
  const root = openTag(wb.xml, wb.root());
  const onRoot = relationshipPrefix(root);
  const prefix = relationshipPrefix(sample) ?? onRoot ?? 'r';
  const ns = prefix === onRoot ? '' : ` xmlns:${prefix}="${getAttr(sample, `xmlns:${prefix}`) ?? REL_NS}"`;
  const p = prefixOf(sheets.qname);
  wb.appendTo(sheets, `<${p}sheet name="${escapeXml(name)}" sheetId="${sheetId}"${ns} ${prefix}:id="${rId}"/>`);
}

/** Elements that come before `<definedNames>` in CT_Workbook. */
const BEFORE_DEFINED_NAMES = ['fileVersion', 'fileSharing', 'workbookPr', 'AlternateContent', 'revisionPtr', 'absPath', 'workbookProtection', 'bookViews', 'sheets', 'functionGroups', 'externalReferences'];

/**
 * The tool's marks: one hidden defined name per sheet, scoped to it (`localSheetId` is the
 * sheet's position in `<sheets>`), whose formula is the role as a text constant. Excel keeps
 * it when the sheet is renamed or moved (it renumbers localSheetId), and copies it with the
 * sheet; planners do not see it (hidden).
 */
export function addSheetMarks(wb: EditablePart, name: string, marks: readonly { sheetIndex: number; role: string }[]): void {
  const p = prefixOf(wb.root().qname);
  const items = marks
    .map((m) => `<${p}definedName name="${escapeXml(name)}" localSheetId="${m.sheetIndex}" hidden="1">&quot;${escapeXml(m.role)}&quot;</${p}definedName>`)
    .join('');
  const children = wb.children();
  const existing = children.find((c) => localName(c.qname) === 'definedNames');
  if (existing) {
    // A stale mark left on a position the new sheets take (a tool other than Excel deleted
    // its sheet) would make two names of one scope: Excel calls that damage.
    const taken = new Set(marks.map((m) => String(m.sheetIndex)));
    for (const el of existing.selfClosing ? [] : childElements(wb.xml, existing)) {
      const tag = openTag(wb.xml, el);
      if (localName(el.qname) === 'definedName' && unescapeXml(getAttr(tag, 'name') ?? '') === name && taken.has(getAttr(tag, 'localSheetId') ?? '')) wb.remove(el);
    }
    return wb.appendTo(existing, items);
  }
  const before = children.filter((c) => BEFORE_DEFINED_NAMES.includes(localName(c.qname)));
  const at = before.length ? before[before.length - 1].end : wb.root().openEnd;
  wb.splice({ start: at, end: at, text: `<${p}definedNames>${items}</${p}definedNames>` });
}

/** The prefix an open tag binds to the relationships namespace (transitional or strict). */
function relationshipPrefix(tag: string): string | undefined {
  return /\sxmlns:([\w.-]+)\s*=\s*["'][^"']*\/relationships["']/.exec(tag)?.[1];
}

const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

// ---------------------------------------------------------------- .rels and content types

export function addRelationship(rels: EditablePart, id: string, type: string, target: string): void {
  const root = rels.root();
  const p = prefixOf(root.qname);
  rels.appendTo(root, `<${p}Relationship Id="${escapeXml(id)}" Type="${escapeXml(type)}" Target="${escapeXml(target)}"/>`);
}

export function removeRelationship(rels: EditablePart, id: string): void {
  for (const el of rels.children('Relationship')) {
    if (unescapeXml(getAttr(openTag(rels.xml, el), 'Id') ?? '') === id) rels.remove(el);
  }
}

/** A relationship id not used yet: rId1, rId2, … */
export function freeRelationshipId(used: Iterable<string>): string {
  const taken = new Set(used);
  let n = 1;
  while (taken.has(`rId${n}`)) n++;
  return `rId${n}`;
}

export function addOverride(types: EditablePart, part: string, contentType: string): void {
  const root = types.root();
  const p = prefixOf(root.qname);
  types.appendTo(root, `<${p}Override PartName="/${escapeXml(part)}" ContentType="${escapeXml(contentType)}"/>`);
}

export function removeOverride(types: EditablePart, part: string): void {
  for (const el of types.children('Override')) {
    const name = unescapeXml(getAttr(openTag(types.xml, el), 'PartName') ?? '');
    if (name.replace(/^\//, '').toLowerCase() === part.toLowerCase()) types.remove(el);
  }
}

export function overrideContentType(types: EditablePart, part: string): string | undefined {
  for (const el of types.children('Override')) {
    const tag = openTag(types.xml, el);
    const name = unescapeXml(getAttr(tag, 'PartName') ?? '');
    if (name.replace(/^\//, '').toLowerCase() === part.toLowerCase()) return unescapeXml(getAttr(tag, 'ContentType') ?? '');
  }
  return undefined;
}

// ---------------------------------------------------------------- calcChain.xml

/**
 * Removes the calc-chain entries of cells that no longer hold a formula (Excel reports a
 * damaged file otherwise). An entry's sheet (`i`) defaults to the previous entry's, so a
 * kept entry gets an explicit `i` when a removal would change what it inherits.
 * Returns false when no entry is left (the caller then drops the part).
 */
export function removeCalcChainEntries(chain: EditablePart, sheetId: number, cells: readonly Address[]): boolean {
  const drop = new Set(cells.map((a) => toA1(a)));
  let current = '';
  let lastKept = '';
  let kept = 0;
  for (const el of chain.children('c')) {
    const tag = openTag(chain.xml, el);
    const i = getAttr(tag, 'i');
    if (i !== undefined) current = i;
    const r = (getAttr(tag, 'r') ?? '').replace(/\$/g, '').toUpperCase();
    if (Number(current) === sheetId && drop.has(r)) {
      chain.remove(el);
      continue;
    }
    if (i === undefined && current !== lastKept) chain.splice({ start: el.start, end: el.openEnd, text: setAttr(tag, 'i', current) });
    lastKept = current;
    kept++;
  }
  return kept > 0;
}
