/**
 * The shared string table. A string item is plain (`<si><t>`) or rich (`<si><r><t>` runs,
 * concatenated); phonetic runs (`<rPh>`) are reading aids, not part of the text.
 *
 * As for sheets (see sheet-reader.ts), saxes is the general and authoritative reader and a
 * strict scanner reads the plain dialect faster (a ministry's report holds ~60,000 strings
 * at 50,000 AO); the scanner declines on anything it does not know and saxes reads the part.
 */
import { RichTextCollector } from './rich-text';
import { countElements, decodeOoxmlString, parseXml } from './xml';
import { at, nameEnds, onlyElements, StrictScanner } from './xml-strict-scanner';

export function parseSharedStrings(text: string, part: string): string[] {
  return parseSharedStringsFast(text, part) ?? parseSharedStringsSaxes(text, part);
}

export function parseSharedStringsSaxes(text: string, part: string): string[] {
  const out: string[] = [];
  const collector = new RichTextCollector();
  parseXml(text, part, {
    open(name) {
      if (name === 'si') collector.start();
      else collector.open(name);
    },
    close(name) {
      if (name === 'si') out.push(collector.finish());
      else collector.close(name);
    },
    text(t) {
      collector.text(t);
    },
  });
  return out;
}

/**
 * The run of `<si>` items scanned in place, the rest of the part checked by saxes; undefined
 * when the part is not in the plain dialect (the caller then uses saxes). Its result equals
 * parseSharedStringsSaxes'.
 */
export function parseSharedStringsFast(text: string, part: string): string[] | undefined {
  const first = text.indexOf('<si');
  if (first < 0 || !nameEnds(text.charCodeAt(first + 3)) || !onlyElements(text, 0, first)) return undefined;
  const scanner = new StrictScanner(text);
  const out: string[] = [];
  let p = first;
  for (;;) {
    if (text.charCodeAt(p) !== 60 || text.charCodeAt(p + 1) !== 115 || text.charCodeAt(p + 2) !== 105 || !nameEnds(text.charCodeAt(p + 3))) break;
    const plain = plainItem(text, p + 3);
    if (plain >= 0) {
      out.push(plainText);
      p = plain;
    } else {
      p = scanner.richText(p + 3, 'si');
      if (p < 0) return undefined;
      out.push(decodeOoxmlString(scanner.text));
    }
    p = scanner.space(p);
  }
  // saxes checks the rest; the general reader acts on <si> only, so none may be left.
  const rest = countElements(text, part, [0, first, p, text.length], ['si']);
  return rest?.get('si') === 0 ? out : undefined;
}

/** Set by plainItem: the item's text. */
let plainText = '';

/**
 * A character plainItem does not take: what StrictScanner.chars would refuse or check
 * further (controls, `\r`, surrogates, U+2028, U+FFFE/F, C1), and `&` (entities), `>`
 * (`]]>`), `_` (`_xHHHH_` escapes). A native regex: the table is read once, cold, where a
 * char loop would still run in the interpreter.
 */
const NOT_PLAIN = /[^\t\n\x20-\x25\x27-\x3d\x3f-\x5e\x60-\x7e\xa0-\u2027\u2029-\ud7ff]/;

/**
 * From after `<si`: the item as almost every producer writes it, `><t>…</t></si>` (the `<t>`
 * maybe with `xml:space="preserve"`), its text free of the characters NOT_PLAIN names. The
 * index after it (its text in plainText), or -1, and the scanner reads the item.
 */
function plainItem(s: string, p: number): number {
  if (s.charCodeAt(p) !== 62 /* > */ || s.charCodeAt(p + 1) !== 60 /* < */ || s.charCodeAt(p + 2) !== 116 /* t */) return -1;
  p += 3;
  if (s.charCodeAt(p) === 32 && at(s, p, ' xml:space="preserve"')) p += 21;
  if (s.charCodeAt(p) !== 62) return -1;
  const from = p + 1;
  const end = s.indexOf('<', from);
  if (end < 0 || !at(s, end, '</t></si>')) return -1;
  const text = s.slice(from, end);
  if (NOT_PLAIN.test(text)) return -1;
  plainText = text;
  return end + 9;
}
