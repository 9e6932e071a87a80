/**
 * Cell styles for the sheets we write (bold, number format). Two flavours:
 * - `NewStyles` writes a complete styles part for a workbook built from scratch;
 * - `AppendedStyles` adds what it needs to an existing styles part by splicing at the END
 *   of `<fonts>`, `<numFmts>` and `<cellXfs>`, so every existing index keeps its meaning;
 *   it reuses an identical entry when one exists, so running twice adds nothing new.
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

function wantsStyle(cell: TableCell): boolean {
  return Boolean(cell.bold) || (cell.format !== undefined && cell.format !== 'General');
}

function styleKey(cell: TableCell): string {
  return `${cell.bold ? 'b' : ''}|${cell.format ?? ''}`;
}

function xfXml(p: string, numFmtId: number, fontId: number): string {
  const applyFmt = numFmtId ? ' applyNumberFormat="1"' : '';
  const applyFont = fontId ? ' applyFont="1"' : '';
  return `<${p}xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="0" borderId="0" xfId="0"${applyFmt}${applyFont}/>`;
}

// ---------------------------------------------------------------- a new styles part

export class NewStyles {
  private readonly formats: string[] = [];
  private readonly xfs: string[] = [xfXml('', 0, 0)];
  private readonly byKey = new Map<string, number>();

  readonly styleOf = (cell: TableCell): number | undefined => {
    if (!wantsStyle(cell)) return undefined;
    const key = styleKey(cell);
    let index = this.byKey.get(key);
    if (index === undefined) {
      index = this.xfs.push(xfXml('', this.formatId(cell.format), cell.bold ? 1 : 0)) - 1;
      this.byKey.set(key, index);
    }
    return index;
  };

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
    const font = (bold: boolean): string =>
      `<font>${bold ? '<b/>' : ''}<sz val="11"/><color rgb="FF000000"/><name val="Calibri"/><family val="2"/></font>`;
    return [
      XML_DECLARATION,
      `<styleSheet xmlns="${MAIN_NS}">`,
      numFmts,
      `<fonts count="2">${font(false)}${font(true)}</fonts>`,
      '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>',
      '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>',
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>',
      `<cellXfs count="${this.xfs.length}">${this.xfs.join('')}</cellXfs>`,
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>',
      '<dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>',
      '</styleSheet>',
    ].join('');
  }
}

// ---------------------------------------------------------------- appending to an existing part

/**
 * Works on the original text; `result()` returns the spliced text, or undefined when no
 * style was needed (then the part is copied untouched).
 */
export class AppendedStyles {
  private readonly byKey = new Map<string, number>();
  private readonly newFonts: string[] = [];
  private readonly newFormats: { id: number; code: string }[] = [];
  private readonly newXfs: string[] = [];
  private readonly fonts: ElementSpan;
  private readonly cellXfs: ElementSpan;
  private readonly numFmts: ElementSpan | undefined;
  private readonly existingFonts: string[];
  private readonly existingXfs: string[];
  private readonly existingFormats: Map<string, number>;
  private existingFormatCount = 0;
  private boldFontId: number | undefined;

  constructor(private readonly xml: string) {
    const fonts = findElement(xml, 'fonts');
    const cellXfs = findElement(xml, 'cellXfs');
    if (!fonts || !cellXfs || fonts.selfClosing || cellXfs.selfClosing) {
      throw new MalformedXml('styles.xml sin <fonts> o <cellXfs>');
    }
    this.fonts = fonts;
    this.cellXfs = cellXfs;
    this.numFmts = findElement(xml, 'numFmts');
    this.existingFonts = childrenNamed(xml, fonts, 'font').map((s) => xml.slice(s.start, s.end));
    this.existingXfs = childrenNamed(xml, cellXfs, 'xf').map((s) => xml.slice(s.start, s.end));
    this.existingFormats = this.readFormats();
  }

  readonly styleOf = (cell: TableCell): number | undefined => {
    if (!wantsStyle(cell)) return undefined;
    const key = styleKey(cell);
    let index = this.byKey.get(key);
    if (index === undefined) {
      index = this.xfIndex(xfXml(prefixOf(this.cellXfs.qname), this.formatId(cell.format), cell.bold ? this.boldFont() : 0));
      this.byKey.set(key, index);
    }
    return index;
  };

  result(): string | undefined {
    const splices: Splice[] = [];
    if (this.newFonts.length) splices.push(...this.appendTo(this.fonts, this.newFonts, this.existingFonts.length));
    if (this.newXfs.length) splices.push(...this.appendTo(this.cellXfs, this.newXfs, this.existingXfs.length));
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

  /** Font 0 (the workbook's default font) made bold, so bold cells look like the rest. */
  private boldFont(): number {
    if (this.boldFontId !== undefined) return this.boldFontId;
    const base = this.existingFonts[0] ?? '<font/>';
    const p = prefixOf(base.slice(1, base.search(/[\s/>]/)));
    const bold = /<([\w.-]+:)?b[\s/>]/.test(base)
      ? base
      : base.endsWith('/>')
        ? `${base.slice(0, -2)}><${p}b/></${p}font>`
        : base.replace(/^(<[^>]*>)/, `$1<${p}b/>`);
    const found = this.existingFonts.indexOf(bold);
    this.boldFontId = found >= 0 ? found : this.existingFonts.length + this.newFonts.push(bold) - 1;
    return this.boldFontId;
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

  private xfIndex(xf: string): number {
    const found = this.existingXfs.indexOf(xf);
    if (found >= 0) return found;
    const pending = this.newXfs.indexOf(xf);
    if (pending >= 0) return this.existingXfs.length + pending;
    return this.existingXfs.length + this.newXfs.push(xf) - 1;
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
