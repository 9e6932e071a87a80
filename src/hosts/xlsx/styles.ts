/**
 * Cell styles for the sheets we write (bold, font size, number format, fill, alignment,
 * wrap, thin borders). Two flavours:
 * - `NewStyles` writes a complete styles part for a workbook built from scratch;
 * - `AppendedStyles` adds what it needs to an existing styles part by splicing at the END
 *   of `<fonts>`, `<fills>`, `<borders>`, `<numFmts>` and `<cellXfs>`, so every existing
 *   index keeps its meaning; it reuses an identical entry when one exists, so running
 *   twice adds nothing new.
 */
import type { TableCell } from '../../engine/report/tables';
import { MAIN_NS, XML_DECLARATION } from './sheet-writer';
import { escapeXml, unescapeXml } from './xml';
import { applySplices, childrenNamed, findElement, getAttr, openTag, prefixOf, setAttr, type ElementSpan, type Splice } from './xml-locator';
import { MalformedXml } from './errors';

/** Excel's built-in number formats that need no `<numFmt>` entry. */
const BUILTIN_FORMATS: Readonly<Record<string, number>> = {
  General: 0,
  '0': 1,
  '0.00': 2,
  '#,##0': 3,
  '#,##0.00': 4,
  '0%': 9,
  '0.00%': 10,
  '0.00E+00': 11,
  '@': 49,
};
const FIRST_CUSTOM_FORMAT = 164;

/** The style fields of a table cell this host renders. */
export type CellStyleHints = Pick<TableCell, 'bold' | 'format' | 'fill' | 'align' | 'verticalAlign' | 'wrap' | 'border' | 'fontSize'>;

export function wantsStyle(cell: TableCell): boolean {
  const h = cell;
  return Boolean(h.bold || h.fill || h.align || h.verticalAlign || h.wrap || h.border || h.fontSize) || (h.format !== undefined && h.format !== 'General');
}

function styleKey(cell: TableCell): string {
  const h = cell;
  return `${h.bold ? 'b' : ''}|${h.format ?? ''}|${h.fill ?? ''}|${h.align ?? ''}|${h.verticalAlign ?? ''}|${h.wrap ? 'w' : ''}|${h.border ? 'x' : ''}|${h.fontSize ?? ''}`;
}

interface MemoEntry {
  readonly format: string | undefined;
  readonly fill: string | undefined;
  readonly fontSize: number | undefined;
  readonly index: number;
}

/** bold, wrap, border and the two alignments as one small number; -1 for an alignment we do not know. */
function flagsOf(h: TableCell): number {
  const al = h.align;
  const a = al === undefined ? 0 : al === 'right' ? 3 : al === 'center' ? 2 : al === 'left' ? 1 : -1;
  const va = h.verticalAlign;
  const v = va === undefined ? 0 : va === 'top' ? 1 : va === 'center' ? 2 : -1;
  if (a < 0 || v < 0) return -1;
  return (h.bold ? 1 : 0) | (h.wrap ? 2 : 0) | (h.border ? 4 : 0) | (a << 3) | (v << 5);
}

/**
 * A cell's style index found again without building its key: ~700,000 cells of a generated
 * report share a few dozen styles. Buckets by the flags, then the few string fields compared.
 */
class StyleMemo {
  private readonly buckets: (MemoEntry[] | undefined)[] = [];

  get(h: TableCell): number | undefined {
    const f = flagsOf(h);
    const bucket = f < 0 ? undefined : this.buckets[f];
    if (!bucket) return undefined;
    for (let i = 0; i < bucket.length; i++) {
      const e = bucket[i];
      if (e.format === h.format && e.fill === h.fill && e.fontSize === h.fontSize) return e.index;
    }
    return undefined;
  }

  set(h: TableCell, index: number): void {
    const f = flagsOf(h);
    if (f >= 0) (this.buckets[f] ??= []).push({ format: h.format, fill: h.fill, fontSize: h.fontSize, index });
  }
}

/** A fill colour as Excel's ARGB (`FFD9E1F2`); a misuse for anything but 6 hex digits. */
export function argb(fill: string): string {
  if (!/^[0-9A-Fa-f]{6}$/.test(fill)) throw new RangeError(`Color de relleno inválido «${fill}»: se esperan 6 dígitos hexadecimales (RRGGBB).`);
  return `FF${fill.toUpperCase()}`;
}

export function fillXml(p: string, fill: string): string {
  return `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="${argb(fill)}"/><${p}bgColor indexed="64"/></${p}patternFill></${p}fill>`;
}

export function thinBorderXml(p: string): string {
  const side = (n: string): string => `<${p}${n} style="thin"><${p}color indexed="64"/></${p}${n}>`;
  return `<${p}border>${side('left')}${side('right')}${side('top')}${side('bottom')}<${p}diagonal/></${p}border>`;
}

interface XfIds {
  readonly numFmtId: number;
  readonly fontId: number;
  readonly fillId: number;
  readonly borderId: number;
}

/** The same text for the bold/format styles as before fills and alignment existed (so copies stay stable). */
function xfXml(p: string, ids: XfIds, cell?: TableCell): string {
  const h: CellStyleHints = cell ?? {};
  const applyFmt = ids.numFmtId ? ' applyNumberFormat="1"' : '';
  const applyFont = ids.fontId ? ' applyFont="1"' : '';
  const applyFill = ids.fillId ? ' applyFill="1"' : '';
  const applyBorder = ids.borderId ? ' applyBorder="1"' : '';
  const alignment = [
    h.align ? ` horizontal="${h.align}"` : '',
    h.verticalAlign ? ` vertical="${h.verticalAlign}"` : '',
    h.wrap ? ' wrapText="1"' : '',
  ].join('');
  const head = `<${p}xf numFmtId="${ids.numFmtId}" fontId="${ids.fontId}" fillId="${ids.fillId}" borderId="${ids.borderId}" xfId="0"${applyFmt}${applyFont}${applyFill}${applyBorder}`;
  return alignment ? `${head} applyAlignment="1"><${p}alignment${alignment}/></${p}xf>` : `${head}/>`;
}

/** Throws RangeError for a style hint no cell can have (checked before writing anything). */
export function assertValidStyle(cell: TableCell): void {
  const fill = cell.fill;
  if (fill && !VALID_FILLS.has(fill)) {
    argb(fill);
    if (VALID_FILLS.size < 256) VALID_FILLS.add(fill);
  }
  validFontSize(cell.fontSize);
}

/** Fills already checked (a report repeats a handful over hundreds of thousands of cells). */
const VALID_FILLS = new Set<string>();

function validFontSize(size: number | undefined): number | undefined {
  if (size === undefined) return undefined;
  if (!(size >= 1 && size <= 409)) throw new RangeError(`Tamaño de letra inválido: ${size}`);
  return size;
}

// ---------------------------------------------------------------- a new styles part

export class NewStyles {
  private readonly formats: string[] = [];
  private readonly xfs: string[] = [xfXml('', { numFmtId: 0, fontId: 0, fillId: 0, borderId: 0 })];
  private readonly byKey = new Map<string, number>();
  /** Fonts after the default (0) and its bold copy (1). */
  private readonly fonts: string[] = [];
  /** Fills after the two Excel requires (none, gray125). */
  private readonly fills: string[] = [];
  private bordered = false;

  private readonly memo = new StyleMemo();

  readonly styleOf = (cell: TableCell): number | undefined => {
    if (!wantsStyle(cell)) return undefined;
    const known = this.memo.get(cell);
    if (known !== undefined) return known;
    const key = styleKey(cell);
    let index = this.byKey.get(key);
    if (index === undefined) {
      const h = cell;
      const ids = { numFmtId: this.formatId(h.format), fontId: this.fontId(h), fillId: this.fillId(h.fill), borderId: h.border ? 1 : 0 };
      if (h.border) this.bordered = true;
      index = this.xfs.push(xfXml('', ids, cell)) - 1;
      this.byKey.set(key, index);
    }
    this.memo.set(cell, index);
    return index;
  };

  private fontId(h: CellStyleHints): number {
    const size = validFontSize(h.fontSize);
    if (size === undefined || size === 11) return h.bold ? 1 : 0;
    const font = newFont(Boolean(h.bold), size);
    let i = this.fonts.indexOf(font);
    if (i < 0) i = this.fonts.push(font) - 1;
    return 2 + i;
  }

  private fillId(fill: string | undefined): number {
    if (!fill) return 0;
    const xml = fillXml('', fill);
    let i = this.fills.indexOf(xml);
    if (i < 0) i = this.fills.push(xml) - 1;
    return 2 + i;
  }

  private formatId(format: string | undefined): number {
    if (format === undefined) return 0;
    const builtin = BUILTIN_FORMATS[format];
    if (builtin !== undefined) return builtin;
    let i = this.formats.indexOf(format);
    if (i < 0) i = this.formats.push(format) - 1;
    return FIRST_CUSTOM_FORMAT + i;
  }

  xml(): string {
    const numFmts = this.formats.length
      ? `<numFmts count="${this.formats.length}">${this.formats
          .map((f, i) => `<numFmt numFmtId="${FIRST_CUSTOM_FORMAT + i}" formatCode="${escapeXml(f)}"/>`)
          .join('')}</numFmts>`
      : '';
    const fonts = [newFont(false, 11), newFont(true, 11), ...this.fonts];
    const fills = ['<fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>', ...this.fills];
    const borders = ['<border><left/><right/><top/><bottom/><diagonal/></border>', ...(this.bordered ? [thinBorderXml('')] : [])];
    return [
      XML_DECLARATION,
      `<styleSheet xmlns="${MAIN_NS}">`,
      numFmts,
      `<fonts count="${fonts.length}">${fonts.join('')}</fonts>`,
      `<fills count="${1 + fills.length}">${fills.join('')}</fills>`,
      `<borders count="${borders.length}">${borders.join('')}</borders>`,
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>',
      `<cellXfs count="${this.xfs.length}">${this.xfs.join('')}</cellXfs>`,
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>',
      '<dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>',
      '</styleSheet>',
    ].join('');
  }
}

function newFont(bold: boolean, size: number): string {
  return `<font>${bold ? '<b/>' : ''}<sz val="${size}"/><color rgb="FF000000"/><name val="Calibri"/><family val="2"/></font>`;
}

// ---------------------------------------------------------------- appending to an existing part

/**
 * Works on the original text; `result()` returns the spliced text, or undefined when no
 * style was needed (then the part is copied untouched).
 */
/** Children of one list element (`<fonts>`, `<fills>`…) and those we append to it. */
class AppendList {
  readonly existing: string[];
  readonly added: string[] = [];

  constructor(
    xml: string,
    readonly span: ElementSpan | undefined,
    child: string,
  ) {
    this.existing = span && !span.selfClosing ? childrenNamed(xml, span, child).map((c) => xml.slice(c.start, c.end)) : [];
  }

  /** Whether entries can be appended (the list element exists with content). */
  get open(): boolean {
    return this.span !== undefined && !this.span.selfClosing;
  }

  /** The index of an identical entry, or of this one appended. */
  indexOf(entry: string): number {
    const found = this.existing.indexOf(entry);
    if (found >= 0) return found;
    const pending = this.added.indexOf(entry);
    if (pending >= 0) return this.existing.length + pending;
    return this.existing.length + this.added.push(entry) - 1;
  }
}

export class AppendedStyles {
  private readonly byKey = new Map<string, number>();
  private readonly newFormats: { id: number; code: string }[] = [];
  private readonly cellXfs: ElementSpan;
  private readonly numFmts: ElementSpan | undefined;
  private readonly fonts: AppendList;
  private readonly fills: AppendList;
  private readonly borders: AppendList;
  private readonly xfs: AppendList;
  private readonly existingFormats: Map<string, number>;
  private existingFormatCount = 0;

  constructor(private readonly xml: string) {
    const fonts = findElement(xml, 'fonts');
    const cellXfs = findElement(xml, 'cellXfs');
    if (!fonts || !cellXfs || fonts.selfClosing || cellXfs.selfClosing) {
      throw new MalformedXml('styles.xml sin <fonts> o <cellXfs>');
    }
    this.cellXfs = cellXfs;
    this.numFmts = findElement(xml, 'numFmts');
    this.fonts = new AppendList(xml, fonts, 'font');
    this.fills = new AppendList(xml, findElement(xml, 'fills'), 'fill');
    this.borders = new AppendList(xml, findElement(xml, 'borders'), 'border');
    this.xfs = new AppendList(xml, cellXfs, 'xf');
    this.existingFormats = this.readFormats();
  }

  private readonly memo = new StyleMemo();

  readonly styleOf = (cell: TableCell): number | undefined => {
    if (!wantsStyle(cell)) return undefined;
    const known = this.memo.get(cell);
    if (known !== undefined) return known;
    const key = styleKey(cell);
    let index = this.byKey.get(key);
    if (index === undefined) {
      const h = cell;
      const p = prefixOf(this.cellXfs.qname);
      const ids = {
        numFmtId: this.formatId(h.format),
        fontId: this.fontId(Boolean(h.bold), validFontSize(h.fontSize)),
        // A styles part without fills or borders (allowed, never seen from Excel) keeps the defaults.
        fillId: h.fill && this.fills.open ? this.fills.indexOf(fillXml(p, h.fill)) : 0,
        borderId: h.border && this.borders.open ? this.borders.indexOf(thinBorderXml(p)) : 0,
      };
      index = this.xfs.indexOf(xfXml(p, ids, cell));
      this.byKey.set(key, index);
    }
    this.memo.set(cell, index);
    return index;
  };

  result(): string | undefined {
    const splices: Splice[] = [];
    for (const list of [this.fonts, this.fills, this.borders, this.xfs]) {
      if (list.added.length && list.span) splices.push(...this.appendTo(list.span, list.added, list.existing.length));
    }
    if (this.newFormats.length) splices.push(...this.formatSplices());
    return splices.length ? applySplices(this.xml, splices) : undefined;
  }

  private readFormats(): Map<string, number> {
    const out = new Map<string, number>();
    if (!this.numFmts || this.numFmts.selfClosing) return out;
    for (const s of childrenNamed(this.xml, this.numFmts, 'numFmt')) {
      this.existingFormatCount++;
      const tag = openTag(this.xml, s);
      const code = getAttr(tag, 'formatCode');
      const id = Number(getAttr(tag, 'numFmtId'));
      if (code !== undefined && Number.isFinite(id)) out.set(unescapeXml(code), id);
    }
    return out;
  }

  /**
   * Font 0 (the workbook's default font), made bold and/or resized, so the tool's cells look
   * like the rest of the workbook; font 0 itself for neither.
   */
  private fontId(bold: boolean, size: number | undefined): number {
    if (!bold && size === undefined) return 0;
    const base = this.fonts.existing[0] ?? '<font/>';
    const p = prefixOf(base.slice(1, base.search(/[\s/>]/)));
    let font = base.endsWith('/>') ? `${base.slice(0, -2)}></${p}font>` : base;
    if (bold && !/<([\w.-]+:)?b[\s/>]/.test(font)) font = font.replace(/^(<[^>]*>)/, `$1<${p}b/>`);
    if (size !== undefined) {
      const sz = `<${p}sz val="${size}"/>`;
      font = /<([\w.-]+:)?sz[\s/>][^>]*>/.test(font) ? font.replace(/<([\w.-]+:)?sz[\s/>][^>]*>/, sz) : font.replace(/^(<[^>]*>)/, `$1${sz}`);
    }
    return this.fonts.indexOf(font);
  }

  private formatId(format: string | undefined): number {
    if (format === undefined) return 0;
    const builtin = BUILTIN_FORMATS[format];
    if (builtin !== undefined) return builtin;
    const existing = this.existingFormats.get(format) ?? this.newFormats.find((f) => f.code === format)?.id;
    if (existing !== undefined) return existing;
    const used = [...this.existingFormats.values(), ...this.newFormats.map((f) => f.id)];
    const id = Math.max(FIRST_CUSTOM_FORMAT - 1, ...used) + 1;
    this.newFormats.push({ id, code: format });
    return id;
  }

  /** New children before the close tag, and the `count` attribute brought up to date. */
  private appendTo(parent: ElementSpan, children: string[], existing: number): Splice[] {
    const tag = openTag(this.xml, parent);
    const splices: Splice[] = [{ start: parent.closeStart, end: parent.closeStart, text: children.join('') }];
    if (getAttr(tag, 'count') !== undefined) {
      splices.push({ start: parent.start, end: parent.openEnd, text: setAttr(tag, 'count', String(existing + children.length)) });
    }
    return splices;
  }

  private formatSplices(): Splice[] {
    const p = prefixOf(this.cellXfs.qname);
    const items = this.newFormats.map((f) => `<${p}numFmt numFmtId="${f.id}" formatCode="${escapeXml(f.code)}"/>`);
    const n = this.numFmts;
    if (n && !n.selfClosing) return this.appendTo(n, items, this.existingFormatCount);
    const block = `<${p}numFmts count="${items.length}">${items.join('')}</${p}numFmts>`;
    if (n) return [{ start: n.start, end: n.end, text: block }];
    // numFmts is the first child of styleSheet.
    const root = findElement(this.xml, 'styleSheet');
    if (!root) throw new MalformedXml('styles.xml sin <styleSheet>');
    return [{ start: root.openEnd, end: root.openEnd, text: block }];
  }
}
