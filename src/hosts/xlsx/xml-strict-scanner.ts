/**
 * The readers' strict scanner, for the plain XML of the two big parts of a report (the sheet's cells
 * and the shared strings). It exists for speed only: saxes builds tag and attribute objects
 * and calls handlers per event, several times slower than reading the text in place. The
 * readers built on it (sheet-reader.ts, shared-strings.ts) accept only the plain dialect
 * Excel and openpyxl write, validate every character they consume, and decline (-1) on
 * anything else, so saxes, the general and authoritative parser, reads such parts instead
 * and is the one that refuses damaged XML.
 * The writers locate elements with the lenient splice locator instead (xml-locator.ts).
 */
import { unescapeXml } from './xml';

const TAB = 9;
const LF = 10;
const CR = 13;
const SPACE = 32;
const BANG = 33;
const QUOTE = 34;
const AMP = 38;
const APOS = 39;
const DOT = 46;
const SLASH = 47;
const LT = 60;
const EQUALS = 61;
const GT = 62;
const QUESTION = 63;
const BRACKET = 93;

/** s.startsWith(name, p), several times faster in hot loops (no runtime call). */
export function at(s: string, p: number, name: string): boolean {
  for (let k = 0; k < name.length; k++) if (s.charCodeAt(p + k) !== name.charCodeAt(k)) return false;
  return true;
}

export function isSpace(c: number): boolean {
  return c === SPACE || c === LF || c === TAB || c === CR;
}

/** After an element name: the tag goes on (space), ends (`>`) or closes itself (`/`). */
export function nameEnds(c: number): boolean {
  return c === SPACE || c === GT || c === SLASH || c === LF || c === TAB || c === CR;
}

/**
 * A character taken as is in text and attribute values: the same under XML 1.0 and 1.1,
 * never normalised (no CR, no NEL/LS, no C1 controls), never a surrogate or U+FFFE/FFFF.
 */
function plainChar(c: number): boolean {
  return (c >= SPACE && c < 0x7f) || (c >= 0xa0 && c < 0xd800 && c !== 0x2028);
}

/** XML 1.0 Char, for character references. */
function xmlChar(n: number): boolean {
  return n === TAB || n === LF || n === CR || (n >= 0x20 && n <= 0xd7ff) || (n >= 0xe000 && n <= 0xfffd) || (n >= 0x10000 && n <= 0x10ffff);
}

/**
 * True when [from, to) holds no comment, CDATA, DOCTYPE or processing instruction, except
 * an XML 1.0 declaration at the very start: every `<` in it then opens or closes a tag, so
 * a tag found by searching the text there is a real one.
 */
export function onlyElements(s: string, from: number, to: number): boolean {
  for (let i = s.indexOf('<', from); i >= 0 && i < to; i = s.indexOf('<', i + 1)) {
    const c = s.charCodeAt(i + 1);
    if (c === BANG) return false;
    if (c === QUESTION) {
      if (i !== 0 || !s.startsWith('<?xml', 0)) return false;
      const end = s.indexOf('?>', 2);
      if (end < 0 || s.indexOf('<', 1) < end) return false;
      const decl = s.slice(0, end);
      // XML 1.1 normalises other line ends and allows other characters: saxes reads it.
      if (!decl.includes('version="1.0"') && !decl.includes("version='1.0'")) return false;
      i = end;
    }
  }
  return true;
}

const TEXT_ATTRS = ['xml:space'];
const RUN_PROPERTIES = ['rFont', 'charset', 'family', 'b', 'i', 'strike', 'outline', 'shadow', 'condense', 'extend', 'color', 'sz', 'u', 'vertAlign', 'scheme'];
const RUN_PROPERTY_ATTRS = ['val', 'rgb', 'theme', 'tint', 'indexed', 'auto'];
const PHONETIC_RUN_ATTRS = ['sb', 'eb'];
const PHONETIC_PROPERTY_ATTRS = ['fontId', 'type', 'alignment'];
export const NO_ATTRS: readonly string[] = [];

/**
 * The scanning primitives. Each method takes the index where its construct continues and
 * returns the index after it, or -1 to decline; none throws on any input (past the end,
 * charCodeAt gives NaN, which every test rejects).
 */
export class StrictScanner {
  /** Set by `attrs`: the tag ended with `/>`. */
  selfClosing = false;
  /** Set by `attrs`: bit i = names[i] was present; its value is s[valueStart[i], valueEnd[i]). */
  protected seen = 0;
  protected readonly valueStart = new Int32Array(16);
  protected readonly valueEnd = new Int32Array(16);
  /** Set by `chars`: the text held an entity or a character reference. */
  protected amp = false;
  /** Set by `richText` and its parts: the text read. */
  text = '';

  constructor(readonly s: string) {}

  /**
   * An open tag's attributes, from just after its name, through its `>` or `/>`
   * (selfClosing), each one's value span kept by its index in `names` (at most 16).
   * Declines on a name not in `names`, a repeated one, a missing space or `=`, and a value
   * holding `<`, an entity or a character that XML would normalise.
   */
  attrs(p: number, names: readonly string[]): number {
    const s = this.s;
    let seen = 0;
    for (;;) {
      let c = s.charCodeAt(p);
      const spaced = isSpace(c);
      while (isSpace(c)) c = s.charCodeAt(++p);
      if (c === GT) {
        this.seen = seen;
        this.selfClosing = false;
        return p + 1;
      }
      if (c === SLASH) {
        if (s.charCodeAt(p + 1) !== GT) return -1;
        this.seen = seen;
        this.selfClosing = true;
        return p + 2;
      }
      if (!spaced) return -1;
      const nameStart = p;
      while ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 58) || c === 95 || c === 45 || c === DOT) c = s.charCodeAt(++p);
      const i = this.nameIndex(names, nameStart, p);
      if (i < 0 || seen & (1 << i)) return -1;
      seen |= 1 << i;
      while (isSpace(c)) c = s.charCodeAt(++p);
      if (c !== EQUALS) return -1;
      c = s.charCodeAt(++p);
      while (isSpace(c)) c = s.charCodeAt(++p);
      if (c !== QUOTE && c !== APOS) return -1;
      const quote = c;
      const valueStart = ++p;
      for (c = s.charCodeAt(p); c !== quote; c = s.charCodeAt(++p)) {
        if (c === LT || c === AMP || !plainChar(c)) return -1;
      }
      this.valueStart[i] = valueStart;
      this.valueEnd[i] = p;
      p++;
    }
  }

  /** The index in `names` of s[from, to), or -1. */
  nameIndex(names: readonly string[], from: number, to: number): number {
    const length = to - from;
    for (let i = 0; i < names.length; i++) {
      const name = names[i];
      if (name.length === length && at(this.s, from, name)) return i;
    }
    return -1;
  }

  /**
   * Character data from p to the next `<`, whose index it returns. Declines on characters
   * XML refuses or normalises (`\r`), on `]]>`, and on entities other than the five XML
   * ones and well-formed character references; `amp` says one was seen.
   */
  chars(p: number): number {
    const s = this.s;
    let amp = false;
    for (;;) {
      const c = s.charCodeAt(p);
      if (c === LT) {
        this.amp = amp;
        return p;
      }
      if (c === AMP) {
        p = this.reference(p);
        if (p < 0) return -1;
        amp = true;
      } else if (c === GT) {
        if (s.charCodeAt(p - 1) === BRACKET && s.charCodeAt(p - 2) === BRACKET) return -1;
      } else if (!plainChar(c) && c !== LF && c !== TAB) return -1;
      p++;
    }
  }

  /** At `&`: the index of the `;` ending `&lt;`, `&gt;`, `&amp;`, `&quot;`, `&apos;`, `&#N;` or `&#xH;`. */
  private reference(p: number): number {
    const s = this.s;
    const end = s.indexOf(';', p + 1);
    if (end < 0 || end - p > 10) return -1;
    if (s.charCodeAt(p + 1) !== 35 /* # */) {
      const n = end - p - 1;
      const known = n === 2 ? at(s, p + 1, 'lt') || at(s, p + 1, 'gt') : n === 3 ? at(s, p + 1, 'amp') : n === 4 && (at(s, p + 1, 'quot') || at(s, p + 1, 'apos'));
      return known ? end : -1;
    }
    const hex = s.charCodeAt(p + 2) === 120; /* x, lower-case only, as saxes */
    let code = 0;
    let i = hex ? p + 3 : p + 2;
    if (i === end) return -1;
    for (; i < end; i++) {
      const c = s.charCodeAt(i);
      let d: number;
      if (c >= 48 && c <= 57) d = c - 48;
      else if (hex && c >= 97 && c <= 102) d = c - 87;
      else if (hex && c >= 65 && c <= 70) d = c - 55;
      else return -1;
      code = code * (hex ? 16 : 10) + d;
    }
    return xmlChar(code) ? end : -1;
  }

  /** At `<`: `</name>` (space allowed before `>`); the index after it. */
  closeTag(p: number, name: string): number {
    const s = this.s;
    if (s.charCodeAt(p + 1) !== SLASH || !at(s, p + 2, name)) return -1;
    p = this.space(p + 2 + name.length);
    return s.charCodeAt(p) === GT ? p + 1 : -1;
  }

  space(p: number): number {
    const s = this.s;
    while (isSpace(s.charCodeAt(p))) p++;
    return p;
  }

  /**
   * From after the name of a string item (`<si`, `<is`): `<t>`, `<r>` runs (with `<rPr>`),
   * phonetic runs (`<rPh>`, not part of the text) and `<phoneticPr>`, until `</name>`.
   * `text` gets the text, entities decoded but OOXML `_xHHHH_` escapes not (the caller
   * decodes them, as RichTextCollector does).
   */
  richText(p: number, name: string): number {
    const s = this.s;
    p = this.attrs(p, NO_ATTRS);
    if (p < 0) return -1;
    let text = '';
    if (!this.selfClosing) {
      for (;;) {
        p = this.space(p);
        if (s.charCodeAt(p) !== LT) return -1;
        const c = s.charCodeAt(p + 1);
        if (c === 116 /* t */ && nameEnds(s.charCodeAt(p + 2))) {
          p = this.textElement(p + 2);
          if (p < 0) return -1;
          text += this.text;
        } else if (c === 114 /* r */ && nameEnds(s.charCodeAt(p + 2))) {
          p = this.run(p + 2);
          if (p < 0) return -1;
          text += this.text;
        } else if (at(s, p + 1, 'rPh') && nameEnds(s.charCodeAt(p + 4))) {
          p = this.phoneticRun(p + 4);
        } else if (at(s, p + 1, 'phoneticPr') && nameEnds(s.charCodeAt(p + 11))) {
          p = this.attrs(p + 11, PHONETIC_PROPERTY_ATTRS);
          if (!this.selfClosing) return -1;
        } else if (c === SLASH) {
          p = this.closeTag(p, name);
          break;
        } else return -1;
        if (p < 0) return -1;
      }
    }
    this.text = text;
    return p;
  }

  /** From after `<r`: optional `<rPr>`, `<t>`s, `</r>`; the run's text goes to `text`. */
  private run(p: number): number {
    const s = this.s;
    p = this.attrs(p, NO_ATTRS);
    if (p < 0) return -1;
    let text = '';
    if (!this.selfClosing) {
      for (;;) {
        p = this.space(p);
        if (s.charCodeAt(p) !== LT) return -1;
        if (at(s, p + 1, 'rPr') && nameEnds(s.charCodeAt(p + 4))) {
          p = this.runProperties(p + 4);
        } else if (s.charCodeAt(p + 1) === 116 /* t */ && nameEnds(s.charCodeAt(p + 2))) {
          p = this.textElement(p + 2);
          if (p >= 0) text += this.text;
        } else if (s.charCodeAt(p + 1) === SLASH) {
          p = this.closeTag(p, 'r');
          break;
        } else return -1;
        if (p < 0) return -1;
      }
    }
    this.text = text;
    return p;
  }

  /** From after `<rPr`: self-closing font properties (`<b/>`, `<sz val="11"/>`…) until `</rPr>`. */
  private runProperties(p: number): number {
    const s = this.s;
    p = this.attrs(p, NO_ATTRS);
    if (p < 0 || this.selfClosing) return p;
    for (;;) {
      p = this.space(p);
      if (s.charCodeAt(p) !== LT) return -1;
      if (s.charCodeAt(p + 1) === SLASH) return this.closeTag(p, 'rPr');
      const nameStart = p + 1;
      let q = nameStart;
      for (let c = s.charCodeAt(q); (c >= 65 && c <= 90) || (c >= 97 && c <= 122); c = s.charCodeAt(++q));
      if (!nameEnds(s.charCodeAt(q)) || this.nameIndex(RUN_PROPERTIES, nameStart, q) < 0) return -1;
      p = this.attrs(q, RUN_PROPERTY_ATTRS);
      if (p < 0 || !this.selfClosing) return -1;
    }
  }

  /** From after `<rPh`: its `<t>`s (checked, not kept) until `</rPh>`. */
  private phoneticRun(p: number): number {
    const s = this.s;
    p = this.attrs(p, PHONETIC_RUN_ATTRS);
    if (p < 0 || this.selfClosing) return p;
    for (;;) {
      p = this.space(p);
      if (s.charCodeAt(p) !== LT) return -1;
      if (s.charCodeAt(p + 1) === SLASH) return this.closeTag(p, 'rPh');
      if (s.charCodeAt(p + 1) !== 116 /* t */ || !nameEnds(s.charCodeAt(p + 2))) return -1;
      p = this.textElement(p + 2);
      if (p < 0) return -1;
    }
  }

  /** From after `<t`: its text, entities decoded, goes to `text`. */
  private textElement(p: number): number {
    p = this.attrs(p, TEXT_ATTRS);
    if (p < 0) return -1;
    this.text = '';
    if (this.selfClosing) return p;
    const end = this.chars(p);
    if (end < 0) return -1;
    const text = this.s.slice(p, end);
    this.text = this.amp ? unescapeXml(text) : text;
    return this.closeTag(end, 't');
  }
}
