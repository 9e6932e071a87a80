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
import { nameEnds, onlyElements, StrictScanner } from './xml-strict-scanner';

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
    PLAIN_ITEM.lastIndex = p;
    const plain = PLAIN_ITEM.exec(text);
    if (plain) {
      out.push(plain[1]);
      p = PLAIN_ITEM.lastIndex;
    } else {
      if (text.charCodeAt(p) !== 60 || text.charCodeAt(p + 1) !== 115 || text.charCodeAt(p + 2) !== 105 || !nameEnds(text.charCodeAt(p + 3))) break;
      p = scanner.richText(p + 3, 'si');
      if (p < 0) return undefined;
      out.push(decodeOoxmlString(scanner.text));
    }
    if (text.charCodeAt(p) !== 60) p = scanner.space(p);
  }
  // saxes checks the rest; the general reader acts on <si> only, so none may be left.
  const rest = countElements(text, part, [0, first, p, text.length], ['si']);
  return rest?.get('si') === 0 ? out : undefined;
}

/**
 * An item as almost every producer writes it, `<si><t>…</t></si>` (the `<t>` maybe with
 * `xml:space="preserve"`), its text (group 1) of characters StrictScanner.chars takes as is,
 * but `&` (entities), `>` (`]]>`) and a `_` that starts an `_xHHHH_` escape: what the
 * scanner would read the same. One character per step, so a failed match never backtracks
 * far. A native regex: most items are read before the optimizer has compiled a char loop,
 * which runs interpreted until then. Anything else goes to the scanner.
 */
const PLAIN_ITEM = /<si><t(?: xml:space="preserve")?>((?:[\t\n\x20-\x25\x27-\x3b\x3d\x3f-\x5e\x60-\x7e\xa0-\u2027\u2029-\ud7ff]|_(?!x[0-9A-Fa-f]{4}_))*)<\/t><\/si>/y;
