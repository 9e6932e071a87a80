/**
 * One `<c>` element for a value. Text is always a literal (inline or shared string), never a
 * formula, whatever it starts with (`=`, `+`, `-`, `@`).
 */
import type { CellValue } from '../../engine/grid/cell';
import { encodeOoxmlString, escapeXml } from './xml';

export interface CellXmlOptions {
  /** Element prefix with its colon (`x:`), or '' for the default namespace. */
  readonly prefix?: string;
  /** Style index (`s=`); omitted when undefined. */
  readonly style?: string;
  /** When given, strings go to the shared table and the cell holds their index. */
  readonly sharedString?: (text: string) => number;
}

export function cellXml(ref: string, value: CellValue, o: CellXmlOptions = {}): string {
  const p = o.prefix ?? '';
  const s = o.style !== undefined ? ` s="${escapeXml(o.style)}"` : '';
  const head = `<${p}c r="${ref}"${s}`;
  if (value === null) return `${head}/>`;
  if (typeof value === 'number') return `${head}><${p}v>${numberText(value)}</${p}v></${p}c>`;
  if (typeof value === 'boolean') return `${head} t="b"><${p}v>${value ? 1 : 0}</${p}v></${p}c>`;
  if (o.sharedString) return `${head} t="s"><${p}v>${o.sharedString(value)}</${p}v></${p}c>`;
  return `${head} t="inlineStr"><${p}is>${textElement(value, p)}</${p}is></${p}c>`;
}

/** `<t xml:space="preserve">…</t>` so leading/trailing spaces survive. */
export function textElement(text: string, prefix = ''): string {
  return `<${prefix}t xml:space="preserve">${escapeXml(encodeOoxmlString(text))}</${prefix}t>`;
}

/** Shortest round-tripping decimal; a non-finite number has no cell representation. */
export function numberText(n: number): string {
  if (!Number.isFinite(n)) throw new RangeError(`No se puede escribir el número ${n} en una celda`);
  return Object.is(n, -0) ? '0' : String(n);
}
