/**
 * UTF-8 bytes of a part we generate, written directly: a generated report of 20,000 AO is
 * ~700,000 cells, and building a string per cell, joining them and encoding the result cost
 * more than a second and most of the run's garbage. Text goes through the same escapes as
 * `escapeXml(encodeOoxmlString(s))` (xml.ts), in one pass and without a regular expression.
 */

const CHUNK = 1 << 20;
const ENCODER = new TextEncoder();

/** Receives the bytes written, a full buffer at a time; `final` with the last (maybe empty) piece. */
export type XmlSink = (piece: Uint8Array, final: boolean) => void;

/**
 * Collects the bytes (`result()`), or, with a sink, hands each full buffer to it and reuses
 * the buffer (`close()` hands the rest): a part deflated as it is written (DeflatingPart).
 */
export class XmlBytes {
  private readonly chunks: Uint8Array[] = [];
  private total = 0;
  /** The current chunk and the next free index in it: hot writers use them directly after `room`. */
  buf: Uint8Array;
  pos = 0;

  /** `size`: the first buffer's (a scratch writer of short pieces needs little). */
  constructor(
    private readonly sink?: XmlSink,
    size = CHUNK,
  ) {
    this.buf = new Uint8Array(size);
  }

  /** Room for `n` more bytes in the current chunk (which may then be a new one). */
  room(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    if (this.sink) {
      if (this.pos > 0) this.sink(this.buf.subarray(0, this.pos), false);
      if (n > this.buf.length) this.buf = new Uint8Array(n);
      this.pos = 0;
      return;
    }
    if (this.pos > 0) {
      this.chunks.push(this.buf.subarray(0, this.pos));
      this.total += this.pos;
    }
    this.buf = new Uint8Array(Math.max(CHUNK, n));
    this.pos = 0;
  }

  /** Text the caller knows is ASCII and needs no escape (markup, numbers, cell refs). */
  ascii(s: string): void {
    this.room(s.length);
    this.pos = putAscii(this.buf, this.pos, s);
  }

  /** Text already escaped (or markup), as UTF-8. */
  raw(s: string): void {
    this.room(3 * s.length);
    this.pos += ENCODER.encodeInto(s, this.buf.subarray(this.pos)).written;
  }

  /** Markup encoded once (see `asciiBytes`). */
  bytes(src: Uint8Array): void {
    this.room(src.length);
    this.pos = putBytes(this.buf, this.pos, src);
  }

  /** A non-negative integer below 2^31, in decimal. */
  uint(n: number): void {
    this.room(10);
    this.pos = putUint(this.buf, this.pos, n);
  }

  /**
   * Element text or an attribute value: OOXML's `_xHHHH_` escapes (a literal `_xHHHH_` gets
   * its underscore escaped, characters XML cannot hold and CR become `_xHHHH_`), then `& < > "` as
   * entities; UTF-8, a lone surrogate as U+FFFD (as TextEncoder does).
   */
  text(s: string): void {
    const n = s.length;
    this.room(7 * n); // the longest output of one UTF-16 unit: `_x0001_`
    const b = this.buf;
    let p = this.pos;
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c < 0x80) {
        if (c >= 0x20 && c !== 0x26 && c !== 0x3c && c !== 0x3e && c !== 0x22 && c !== 0x5f) {
          b[p++] = c;
        } else if (c === 0x5f) {
          if (i + 6 < n && s.charCodeAt(i + 1) === 0x78 && isHex(s.charCodeAt(i + 2)) && isHex(s.charCodeAt(i + 3)) && isHex(s.charCodeAt(i + 4)) && isHex(s.charCodeAt(i + 5)) && s.charCodeAt(i + 6) === 0x5f) {
            // `_xHHHH_` → `_x005F_xHHHH_`; its closing `_` is looked at again (it may open another).
            for (let k = 0; k < 7; k++) b[p++] = UNDERSCORE_ESCAPE[k];
            for (let k = 1; k <= 5; k++) b[p++] = s.charCodeAt(i + k);
            i += 5;
          } else b[p++] = c;
        } else if (c === 0x26) p = putBytes(b, p, AMP);
        else if (c === 0x3c) p = putBytes(b, p, LT);
        else if (c === 0x3e) p = putBytes(b, p, GT);
        else if (c === 0x22) p = putBytes(b, p, QUOT);
        else if (c === 0x09 || c === 0x0a) b[p++] = c;
        else p = hexEscape(b, p, c);
      } else if (c < 0x800) {
        b[p++] = 0xc0 | (c >> 6);
        b[p++] = 0x80 | (c & 0x3f);
      } else if (c >= 0xd800 && c <= 0xdfff) {
        const d = i + 1 < n ? s.charCodeAt(i + 1) : 0;
        if (c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff) {
          const cp = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
          b[p++] = 0xf0 | (cp >> 18);
          b[p++] = 0x80 | ((cp >> 12) & 0x3f);
          b[p++] = 0x80 | ((cp >> 6) & 0x3f);
          b[p++] = 0x80 | (cp & 0x3f);
          i++;
        } else {
          b[p++] = 0xef;
          b[p++] = 0xbf;
          b[p++] = 0xbd;
        }
      } else if (c === 0xfffe || c === 0xffff) {
        p = hexEscape(b, p, c);
      } else {
        b[p++] = 0xe0 | (c >> 12);
        b[p++] = 0x80 | ((c >> 6) & 0x3f);
        b[p++] = 0x80 | (c & 0x3f);
      }
    }
    this.pos = p;
  }

  /** Hands the last piece to the sink. */
  close(): void {
    if (!this.sink) throw new Error('XmlBytes.close: no sink (use result())');
    this.sink(this.buf.subarray(0, this.pos), true);
    this.pos = 0;
  }

  /** Forgets what was written (without a sink), keeping the buffer. */
  reset(): void {
    this.chunks.length = 0;
    this.total = 0;
    this.pos = 0;
  }

  /** Everything written, as one array (without a sink). */
  result(): Uint8Array {
    if (this.sink) throw new Error('XmlBytes.result: the bytes went to the sink');
    if (this.chunks.length === 0) return this.buf.slice(0, this.pos);
    const out = new Uint8Array(this.total + this.pos);
    let p = 0;
    for (const c of this.chunks) {
      out.set(c, p);
      p += c.length;
    }
    out.set(this.buf.subarray(0, this.pos), p);
    return out;
  }
}

/** The bytes of an ASCII string, for markup written many times. */
export function asciiBytes(s: string): Uint8Array {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 0x7f) throw new RangeError(`No es ASCII: ${s}`);
    out[i] = c;
  }
  return out;
}

const AMP = asciiBytes('&amp;');
const LT = asciiBytes('&lt;');
const GT = asciiBytes('&gt;');
const QUOT = asciiBytes('&quot;');
const UNDERSCORE_ESCAPE = asciiBytes('_x005F_');
const HEX = asciiBytes('0123456789ABCDEF');

/** Copies `src` into `b` at `p` (room already made); returns the index after it. */
export function putBytes(b: Uint8Array, p: number, src: Uint8Array): number {
  for (let k = 0; k < src.length; k++) b[p++] = src[k];
  return p;
}

export function putAscii(b: Uint8Array, p: number, s: string): number {
  for (let k = 0; k < s.length; k++) b[p++] = s.charCodeAt(k);
  return p;
}

/**
 * A number as String(n) writes it, for the usual cell values: whole numbers and amounts
 * with at most two decimals, below 2^31 / 100 in magnitude (below that, a decimal with two
 * places is the shortest text that reads back as the same double, which is what String gives).
 * Returns -1, writing nothing, for any other number (the caller writes String(n)).
 */
export function putPlainNumber(b: Uint8Array, p: number, n: number): number {
  if ((n | 0) === n) {
    if (n >= 0) return putUint(b, p, n); // -0 too: '0', as numberText writes it
    if (n === -2147483648) return -1;
    b[p] = 0x2d;
    return putUint(b, p + 1, -n);
  }
  const a = n < 0 ? -n : n;
  if (!(a < 21_474_836)) return -1;
  const k = Math.round(a * 100);
  if (k / 100 !== a) return -1;
  if (n < 0) b[p++] = 0x2d;
  const cents = k % 100;
  p = putUint(b, p, (k - cents) / 100);
  b[p++] = 0x2e;
  b[p++] = 48 + ((cents / 10) | 0);
  if (cents % 10 !== 0) b[p++] = 48 + (cents % 10);
  return p;
}

/** A non-negative integer below 2^31 (at most 10 digits). */
export function putUint(b: Uint8Array, p: number, n: number): number {
  let end = p + 1;
  for (let m = n; m >= 10; m = (m / 10) | 0) end++;
  let q = end;
  let m = n;
  do {
    b[--q] = 48 + (m % 10);
    m = (m / 10) | 0;
  } while (m > 0);
  return end;
}

function hexEscape(b: Uint8Array, p: number, c: number): number {
  b[p++] = 0x5f;
  b[p++] = 0x78;
  b[p++] = HEX[(c >> 12) & 15];
  b[p++] = HEX[(c >> 8) & 15];
  b[p++] = HEX[(c >> 4) & 15];
  b[p++] = HEX[c & 15];
  b[p++] = 0x5f;
  return p;
}

function isHex(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
}
