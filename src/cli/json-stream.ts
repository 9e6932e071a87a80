/**
 * `--json` written piece by piece: a million observations make more text than one JavaScript
 * string can hold (`RangeError: Invalid string length`), so the document is never built whole.
 * The output is the text of `JSON.stringify(value, null, 2)`, except that the C1 controls and
 * bidirectional overrides, which JSON allows raw, are escaped too (`\u009b`): the same value,
 * harmless on a terminal.
 */
const CHUNK = 1 << 16;
const TERMINAL_UNSAFE = /[\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
const TERMINAL_UNSAFE_ALL = new RegExp(TERMINAL_UNSAFE.source, 'g');

function quote(text: string): string {
  const json = JSON.stringify(text);
  return TERMINAL_UNSAFE.test(json) ? json.replace(TERMINAL_UNSAFE_ALL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`) : json;
}

/** Calls `write` with pieces of at most about 64 KB (one for a small document), one JSON.stringify's text or the small ones joined. */
export function writeJson(value: unknown, write: (chunk: string) => void): void {
  let buffer = '';
  const put = (s: string): void => {
    // A run's text (tens of KB) goes out as it is: joined to the buffer, it would be copied
    // once more when the joined text is flattened for writing.
    if (s.length >= CHUNK >> 2) {
      if (buffer) write(buffer);
      write(s);
      buffer = '';
      return;
    }
    buffer += s;
    if (buffer.length >= CHUNK) {
      write(buffer);
      buffer = '';
    }
  };
  emit(value, '', put);
  if (buffer) write(buffer);
}

/**
 * A value whose JSON is at most about this many nodes is written by JSON.stringify itself (many
 * times faster than emitting it piece by piece); a bigger one is walked, so no single string
 * grows with the document.
 */
const NATIVE_NODES = 2048;

/**
 * Counts nodes up to `budget`, a long string as one node per 32 characters; returns what is
 * left of it (negative: too big for one piece).
 */
function fitsNative(value: unknown, budget: number): number {
  if (typeof value === 'string') return budget - 1 - (value.length >> 5);
  if (value === null || typeof value !== 'object') return budget - 1;
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return -1;
  if (Array.isArray(value)) {
    if (value.length >= budget) return -1;
    let left = budget - 1;
    for (let i = 0; i < value.length && left >= 0; i++) left = fitsNative(value[i], left);
    return left;
  }
  let left = budget - 1;
  for (const key in value) {
    if (!Object.prototype.hasOwnProperty.call(value, key)) continue;
    left = fitsNative((value as Record<string, unknown>)[key], left - 1);
    if (left < 0) return left;
  }
  return left;
}

/** Raw C1 controls and bidi marks can only sit inside strings: escaping them anywhere in a JSON text escapes them in every key and value. */
function terminalSafe(json: string): string {
  return TERMINAL_UNSAFE.test(json) ? json.replace(TERMINAL_UNSAFE_ALL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`) : json;
}

/**
 * The items of `items` as JSON.stringify(…, null, 2) writes them inside an array at `depth`
 * (indent 2 × depth): the run is stringified nested in `depth` arrays, so JSON.stringify itself
 * indents it, and the brackets around it are cut off ("[\n  [\n    a,\n    b\n  ]\n]" at
 * depth 1 gives "    a,\n    b"). Both ends are (depth + 1)(depth + 2) characters.
 */
function itemsAt(items: unknown[], depth: number): string {
  let nested: unknown = items;
  for (let d = 0; d < depth; d++) nested = [nested];
  const json = JSON.stringify(nested, null, 2);
  const cut = (depth + 1) * (depth + 2);
  return json.slice(cut, json.length - cut);
}

/**
 * JSON.stringify's text of a small object sitting at `indent` (after its key or its array's
 * indent): indented by JSON.stringify itself, as a run of one item, without its leading indent.
 */
function nativeJson(value: object, indent: string, put: (s: string) => void): void {
  const json = indent === '' ? JSON.stringify(value, null, 2) : itemsAt([value], (indent.length >> 1) - 1).slice(indent.length);
  put(terminalSafe(json));
}

/** Mirrors JSON.stringify's rules for plain data: toJSON, undefined and functions skipped in objects, null in arrays. */
function emit(input: unknown, indent: string, put: (s: string) => void): boolean {
  let value = input;
  if (value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    value = (value as { toJSON: () => unknown }).toJSON();
  }
  if (value !== null && typeof value === 'object' && fitsNative(value, NATIVE_NODES) >= 0) {
    nativeJson(value, indent, put);
    return true;
  }
  switch (typeof value) {
    case 'string':
      put(quote(value));
      return true;
    case 'number':
      put(Number.isFinite(value) ? String(value) : 'null');
      return true;
    case 'boolean':
      put(String(value));
      return true;
    case 'bigint':
      throw new TypeError('Do not know how to serialize a BigInt');
    case 'undefined':
    case 'function':
    case 'symbol':
      return false;
  }
  if (value === null) {
    put('null');
    return true;
  }
  const inner = indent + '  ';
  if (Array.isArray(value)) {
    if (value.length === 0) {
      put('[]');
      return true;
    }
    put('[');
    for (let i = 0; i < value.length; ) {
      put(i === 0 ? '\n' : ',\n');
      // A run of small items costs one JSON.stringify (one call per item costs twice as much).
      let budget = NATIVE_NODES;
      let end = i;
      for (let left = 0; end < value.length && (left = fitsNative(value[end], budget)) >= 0; end++) budget = left;
      if (end > i) {
        put(terminalSafe(itemsAt(value.slice(i, end), indent.length >> 1)));
        i = end;
      } else {
        put(inner);
        if (!emit(value[i], inner, put)) put('null');
        i++;
      }
    }
    put('\n' + indent + ']');
    return true;
  }
  let first = true;
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
    if (item === undefined || typeof item === 'function' || typeof item === 'symbol') continue;
    put((first ? '{\n' : ',\n') + inner + quote(key) + ': ');
    first = false;
    emit(item, inner, put);
  }
  put(first ? '{}' : '\n' + indent + '}');
  return true;
}
