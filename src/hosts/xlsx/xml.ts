/**
 * XML text helpers: decoding a part (UTF-8 or UTF-16, BOM kept for re-encoding), escaping,
 * OOXML's `_xHHHH_` string escapes, and a streaming parse over saxes that hands out local
 * names, so `x:c` and `c` are the same element whatever prefix the producer chose.
 */
import { SaxesParser } from 'saxes';
import { MalformedXml, XlsxError, messages } from './errors';

export type XmlEncoding = 'utf-8' | 'utf-16le' | 'utf-16be';

export interface XmlText {
  readonly text: string;
  readonly encoding: XmlEncoding;
  readonly bom: boolean;
}

export function decodeXml(bytes: Uint8Array): XmlText {
  const { encoding, bom } = sniffEncoding(bytes);
  // fatal: false: a stray invalid byte should not make a whole report unreadable.
  const text = new TextDecoder(encoding, { fatal: false, ignoreBOM: false }).decode(bytes);
  return { text, encoding, bom };
}

function sniffEncoding(b: Uint8Array): { encoding: XmlEncoding; bom: boolean } {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { encoding: 'utf-8', bom: true };
  if (b[0] === 0xff && b[1] === 0xfe) return { encoding: 'utf-16le', bom: true };
  if (b[0] === 0xfe && b[1] === 0xff) return { encoding: 'utf-16be', bom: true };
  if (b[0] === 0x3c && b[1] === 0x00) return { encoding: 'utf-16le', bom: false };
  if (b[0] === 0x00 && b[1] === 0x3c) return { encoding: 'utf-16be', bom: false };
  return { encoding: 'utf-8', bom: false };
}

/** Encodes text back the way the part was stored (same encoding, BOM if it had one). */
export function encodeXml(text: string, like: Pick<XmlText, 'encoding' | 'bom'> = { encoding: 'utf-8', bom: false }): Uint8Array {
  if (like.encoding === 'utf-8') {
    const body = new TextEncoder().encode(text);
    if (!like.bom) return body;
    const out = new Uint8Array(body.length + 3);
    out.set([0xef, 0xbb, 0xbf]);
    out.set(body, 3);
    return out;
  }
  const le = like.encoding === 'utf-16le';
  const start = like.bom ? 2 : 0;
  const out = new Uint8Array(start + text.length * 2);
  if (like.bom) out.set(le ? [0xff, 0xfe] : [0xfe, 0xff]);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out[start + 2 * i + (le ? 0 : 1)] = c & 0xff;
    out[start + 2 * i + (le ? 1 : 0)] = c >> 8;
  }
  return out;
}

const TEXT_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** Escapes for element text and double-quoted attribute values alike (`'` needs none). */
export function escapeXml(s: string): string {
  return s.replace(/[&<>"]/g, (c) => TEXT_ESCAPES[c]);
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** For text sliced out of a part (an attribute value, a formula): entities back to characters. */
export function unescapeXml(s: string): string {
  if (s.indexOf('&') < 0) return s;
  return s.replace(/&(lt|gt|amp|quot|apos|#x[0-9a-fA-F]+|#\d+);/g, (_, e: string) =>
    e[0] !== '#' ? ENTITIES[e] : String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : Number(e.slice(1))),
  );
}

/**
 * OOXML strings carry characters XML cannot hold as `_xHHHH_`; a literal `_xHHHH_` in the
 * text is written with its underscore escaped (`_x005F_`) so it reads back unchanged (every
 * such underscore, also one that closes the previous `_xHHHH_`). A carriage return is one of
 * them: an XML reader turns a literal CR into a line feed (Excel writes `_x000D_` too).
 */
export function encodeOoxmlString(s: string): string {
  return s
    .replace(/_(?=x[0-9A-Fa-f]{4}_)/g, '_x005F_')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B-\u001F\uFFFE\uFFFF]/g, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`);
}

export function decodeOoxmlString(s: string): string {
  if (s.indexOf('_x') < 0) return s;
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

export function localName(qname: string): string {
  const i = qname.indexOf(':');
  return i < 0 ? qname : qname.slice(i + 1);
}

export type Attributes = Readonly<Record<string, string>>;

export interface XmlHandlers {
  /** `name` is the local name; `attrs` keep their qualified names (`r:id`). */
  open?(name: string, attrs: Attributes): void;
  close?(name: string): void;
  text?(text: string): void;
}

const CHUNK = 1 << 16;

/**
 * Streams `text` through a saxes parser that `attach` has set up, in chunks. What saxes
 * refuses becomes XlsxError('bad-xml') naming the part; a handler refusing a value throws
 * MalformedXml (reported against this part); any other exception from a handler is a
 * defect of ours and leaves as it is (see `guarded`). Hot readers attach their own handlers, so their call sites stay
 * monomorphic; others use `parseXml`.
 *
 * `pieces` (start, end pairs of indexes into `text`) feeds only those stretches, in order,
 * as one document: the sheet reader uses it to let saxes check a sheet's skeleton while
 * its own scanner reads the bulk (see sheet-reader.ts).
 */
export function streamXml(
  text: string,
  part: string,
  attach: (parser: SaxesParser) => void,
  pieces: readonly number[] = [0, text.length],
): void {
  const parser = new SaxesParser({ xmlns: false, position: false });
  let refused: Error | undefined;
  parser.on('error', (e) => {
    refused = e;
    throw e;
  });
  attach(parser);
  try {
    for (let k = 0; k + 1 < pieces.length; k += 2) {
      const end = pieces[k + 1];
      for (let i = pieces[k]; i < end; i += CHUNK) parser.write(text.slice(i, Math.min(end, i + CHUNK)));
    }
    parser.close();
  } catch (e) {
    if (e instanceof MalformedXml && e.part === undefined) e.part = part;
    if (e !== refused) throw e;
    throw new XlsxError('bad-xml', messages.badXml(part), `${part}: ${(e as Error).message}`);
  }
}

/**
 * What the fast scanners leave to saxes: parses the given stretches of a part and counts the
 * named elements in them (by local name); undefined when those stretches do not parse.
 */
export function countElements(text: string, part: string, pieces: readonly number[], names: readonly string[]): Map<string, number> | undefined {
  const counts = new Map<string, number>(names.map((n) => [n, 0]));
  try {
    streamXml(
      text,
      part,
      (parser) => {
        parser.on('opentag', (t) => {
          const name = localName(t.name);
          const n = counts.get(name);
          if (n !== undefined) counts.set(name, n + 1);
        });
      },
      pieces,
    );
  } catch {
    return undefined;
  }
  return counts;
}

/** Parses with handlers that receive local names (`x:c` → `c`). */
export function parseXml(text: string, part: string, h: XmlHandlers): void {
  streamXml(text, part, (parser) => {
    if (h.open) parser.on('opentag', (t) => h.open!(localName(t.name), t.attributes as Attributes));
    if (h.close) parser.on('closetag', (t) => h.close!(localName(t.name)));
    if (h.text) {
      parser.on('text', (t) => h.text!(t));
      parser.on('cdata', (t) => h.text!(t));
    }
  });
}

/** The attribute with this local name, whatever its prefix (`r:id`, `ns2:id`). */
export function prefixedAttr(attrs: Attributes, local: string): string | undefined {
  const suffix = ':' + local;
  for (const k in attrs) if (k.endsWith(suffix)) return attrs[k];
  return undefined;
}
