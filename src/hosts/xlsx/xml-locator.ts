/**
 * The writers' splice locator: finds elements in XML text by position, so a patched part
 * keeps every byte it does not need to change, which a parse + re-serialise cannot promise.
 * Matching is by local name, so prefixed dialects (`<x:row>`) work the same. It is lenient
 * (it only needs to find tags); markup it cannot delimit throws MalformedXml.
 * The readers use the strict scanner instead (xml-strict-scanner.ts).
 */
import { MalformedXml } from './errors';
import { escapeXml, localName } from './xml';

export interface ElementSpan {
  /** Qualified name as written (`x:row`). */
  readonly qname: string;
  /** Index of `<`. */
  readonly start: number;
  /** Index just after the open tag's `>`. */
  readonly openEnd: number;
  /** Index of the close tag's `<` (equals openEnd for a self-closing element). */
  readonly closeStart: number;
  /** Index just after the element. */
  readonly end: number;
  readonly selfClosing: boolean;
}

interface Tag {
  readonly kind: 'open' | 'close' | 'other';
  readonly qname: string;
  readonly start: number;
  readonly end: number;
  readonly selfClosing: boolean;
}

/** The markup token starting at `i` (which holds `<`). */
function tagAt(xml: string, i: number): Tag {
  if (xml.startsWith('<!--', i)) return other(i, skipTo(xml, i, '-->'));
  if (xml.startsWith('<![CDATA[', i)) return other(i, skipTo(xml, i, ']]>'));
  if (xml.startsWith('<?', i)) return other(i, skipTo(xml, i, '?>'));
  if (xml.startsWith('<!', i)) return other(i, skipTo(xml, i, '>'));
  const close = xml.charCodeAt(i + 1) === 47; // '/'
  const nameStart = close ? i + 2 : i + 1;
  let j = nameStart;
  while (j < xml.length && !isNameEnd(xml.charCodeAt(j))) j++;
  const end = openTagEnd(xml, j);
  const selfClosing = !close && xml.charCodeAt(end - 2) === 47;
  return { kind: close ? 'close' : 'open', qname: xml.slice(nameStart, j), start: i, end, selfClosing };
}

function other(start: number, end: number): Tag {
  return { kind: 'other', qname: '', start, end, selfClosing: false };
}

function skipTo(xml: string, i: number, marker: string): number {
  const k = xml.indexOf(marker, i);
  if (k < 0) throw new MalformedXml('XML sin cerrar');
  return k + marker.length;
}

function isNameEnd(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 47 || c === 62;
}

/** Index after the tag's `>`, skipping quoted attribute values (they may hold `>`). */
function openTagEnd(xml: string, i: number): number {
  let quote = 0;
  for (; i < xml.length; i++) {
    const c = xml.charCodeAt(i);
    if (quote) {
      if (c === quote) quote = 0;
    } else if (c === 34 || c === 39) quote = c;
    else if (c === 62) return i + 1;
  }
  throw new MalformedXml('Etiqueta XML sin cerrar');
}

/**
 * The first element with this local name whose `<` is in [from, to). `flat` says the
 * element never contains another of the same name, so its end is found with one search.
 */
export function findElement(xml: string, local: string, from = 0, to = xml.length, flat = false): ElementSpan | undefined {
  for (let i = xml.indexOf('<', from); i >= 0 && i < to; i = xml.indexOf('<', i + 1)) {
    const tag = tagAt(xml, i);
    if (tag.kind === 'open' && localName(tag.qname) === local) return spanOf(xml, tag, flat);
    i = tag.end - 1;
  }
  return undefined;
}

function spanOf(xml: string, tag: Tag, flat: boolean): ElementSpan {
  // Plain literals, no spread: this runs once per cell when patching large sheets.
  if (tag.selfClosing) {
    return { qname: tag.qname, start: tag.start, openEnd: tag.end, closeStart: tag.end, end: tag.end, selfClosing: true };
  }
  const close = flat ? findCloseFlat(xml, tag) : findCloseNested(xml, tag);
  return { qname: tag.qname, start: tag.start, openEnd: tag.end, closeStart: close.start, end: close.end, selfClosing: false };
}

const closeTagPatterns = new Map<string, RegExp>();

function findCloseFlat(xml: string, tag: Tag): { start: number; end: number } {
  let re = closeTagPatterns.get(tag.qname);
  if (!re) closeTagPatterns.set(tag.qname, (re = new RegExp(`</${escapeRegExp(tag.qname)}\\s*>`, 'g')));
  re.lastIndex = tag.end;
  const m = re.exec(xml);
  if (!m) throw new MalformedXml(`Falta </${tag.qname}>`);
  return { start: m.index, end: m.index + m[0].length };
}

function findCloseNested(xml: string, tag: Tag): { start: number; end: number } {
  let depth = 1;
  for (let i = xml.indexOf('<', tag.end); i >= 0; i = xml.indexOf('<', i + 1)) {
    const t = tagAt(xml, i);
    if (t.qname === tag.qname && t.kind === 'open' && !t.selfClosing) depth++;
    if (t.qname === tag.qname && t.kind === 'close' && --depth === 0) return { start: t.start, end: t.end };
    i = t.end - 1;
  }
  throw new MalformedXml(`Falta </${tag.qname}>`);
}

/**
 * Direct children of an element, in order. `flat`: children never nest an element of their
 * own name (rows, cells), which makes finding their ends one search each.
 */
export function childElements(xml: string, parent: ElementSpan, flat = false): ElementSpan[] {
  const out: ElementSpan[] = [];
  let i = parent.openEnd;
  while (i < parent.closeStart) {
    const lt = xml.indexOf('<', i);
    if (lt < 0 || lt >= parent.closeStart) break;
    const tag = tagAt(xml, lt);
    if (tag.kind === 'open') {
      const span = spanOf(xml, tag, flat);
      out.push(span);
      i = span.end;
    } else i = tag.end;
  }
  return out;
}

/** Children with this local name. */
export function childrenNamed(xml: string, parent: ElementSpan, local: string): ElementSpan[] {
  return childElements(xml, parent).filter((c) => localName(c.qname) === local);
}

export function openTag(xml: string, span: ElementSpan): string {
  return xml.slice(span.start, span.openEnd);
}

const attrPatterns = new Map<string, RegExp>();

/** Raw (still escaped) value of an attribute in an open tag, by exact qualified name. */
export function getAttr(tag: string, name: string): string | undefined {
  let re = attrPatterns.get(name);
  if (!re) attrPatterns.set(name, (re = new RegExp(`\\s${escapeRegExp(name)}\\s*=\\s*("([^"]*)"|'([^']*)')`)));
  const m = re.exec(tag);
  if (!m) return undefined;
  return m[2] ?? m[3];
}

/** The open tag with the attribute set (replaced in place, or added before `>`/`/>`). */
export function setAttr(tag: string, name: string, value: string): string {
  const re = new RegExp(`([\\s]${escapeRegExp(name)}\\s*=\\s*)("[^"]*"|'[^']*')`);
  const v = `"${escapeXml(value)}"`;
  if (re.test(tag)) return tag.replace(re, (_, head: string) => head + v);
  const cut = tag.endsWith('/>') ? tag.length - 2 : tag.length - 1;
  return `${tag.slice(0, cut).replace(/\s+$/, '')} ${name}=${v}${tag.slice(cut)}`;
}

/** The element's prefix with its colon (`x:`), or ''. */
export function prefixOf(qname: string): string {
  const i = qname.indexOf(':');
  return i < 0 ? '' : qname.slice(0, i + 1);
}

export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Applies non-overlapping replacements (ranges in the original text) in one pass. */
export interface Splice {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export function applySplices(xml: string, splices: readonly Splice[]): string {
  const sorted = [...splices].sort((a, b) => a.start - b.start || a.end - b.end);
  const parts: string[] = [];
  let at = 0;
  for (const s of sorted) {
    if (s.start < at) throw new Error('applySplices: overlapping edits');
    parts.push(xml.slice(at, s.start), s.text);
    at = s.end;
  }
  parts.push(xml.slice(at));
  return parts.join('');
}
