/**
 * Text from a workbook or a file name goes to a terminal: a cell holding `_x001B_[2J` must not
 * clear the screen or retitle the window. Control characters (C0, DEL, C1) and the bidirectional
 * overrides that can reorder a line are shown as visible escapes instead of being sent raw.
 */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\u001b': '\\x1b' };

function escapeChar(c: string): string {
  const named = NAMED[c];
  if (named) return named;
  const code = c.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** One line safe to print: every unsafe character as `\x1b`, `\n`, `\u202e`… */
export function visible(text: string): string {
  return text.replace(UNSAFE, escapeChar);
}
