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

/** Calls `write` with pieces of at most about 64 KB (one for a small document). */
export function writeJson(value: unknown, write: (chunk: string) => void): void {
  let buffer = '';
  const put = (s: string): void => {
    buffer += s;
    if (buffer.length >= CHUNK) {
      write(buffer);
      buffer = '';
    }
  };
  emit(value, '', put);
  if (buffer) write(buffer);
}

/** Mirrors JSON.stringify's rules for plain data: toJSON, undefined and functions skipped in objects, null in arrays. */
function emit(input: unknown, indent: string, put: (s: string) => void): boolean {
  let value = input;
  if (value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    value = (value as { toJSON: () => unknown }).toJSON();
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
    value.forEach((item, i) => {
      put(i === 0 ? '\n' + inner : ',\n' + inner);
      if (!emit(item, inner, put)) put('null');
    });
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
