/**
 * Open Packaging Conventions: parts are found through relationships (`.rels`), never by
 * fixed names. Targets may be relative to the source part or absolute (`/xl/...`).
 */
import { parseXml, type Attributes } from './xml';

export interface Relationship {
  readonly id: string;
  readonly type: string;
  readonly target: string;
  readonly external: boolean;
}

export function parseRelationships(text: string, part: string): Relationship[] {
  const out: Relationship[] = [];
  parseXml(text, part, {
    open(name, a: Attributes) {
      if (name !== 'Relationship') return;
      out.push({ id: a.Id ?? '', type: a.Type ?? '', target: a.Target ?? '', external: a.TargetMode === 'External' });
    },
  });
  return out;
}

/** `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`; the package itself ('') → `_rels/.rels`. */
export function relsPartFor(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

export function directoryOf(part: string): string {
  return part.slice(0, part.lastIndexOf('/') + 1);
}

/** Resolves a relationship target against its source part; returns a zip entry name. */
export function resolveTarget(sourcePart: string, target: string): string {
  let t = target.split('#')[0].replace(/\\/g, '/');
  try {
    t = decodeURI(t);
  } catch {
    // A malformed escape: keep the raw target, it may be the literal entry name.
  }
  const joined = t.startsWith('/') ? t.slice(1) : directoryOf(sourcePart) + t;
  const out: string[] = [];
  for (const seg of joined.split('/')) {
    if (seg === '..') out.pop();
    else if (seg !== '.' && seg !== '') out.push(seg);
  }
  return out.join('/');
}

/** A target for a new relationship: relative when the part is under the source's folder. */
export function relativeTarget(sourcePart: string, targetPart: string): string {
  const dir = directoryOf(sourcePart);
  return dir && targetPart.startsWith(dir) ? targetPart.slice(dir.length) : '/' + targetPart;
}

/** Relationship types differ between transitional and strict OOXML; compare the last segment. */
export function isRelType(type: string, kind: string): boolean {
  return type.endsWith('/' + kind);
}

export interface ContentTypes {
  readonly defaults: ReadonlyMap<string, string>;
  readonly overrides: ReadonlyMap<string, string>;
}

export function parseContentTypes(text: string): ContentTypes {
  const defaults = new Map<string, string>();
  const overrides = new Map<string, string>();
  parseXml(text, '[Content_Types].xml', {
    open(name, a) {
      if (name === 'Default' && a.Extension) defaults.set(a.Extension.toLowerCase(), a.ContentType ?? '');
      if (name === 'Override' && a.PartName) overrides.set(a.PartName.replace(/^\//, '').toLowerCase(), a.ContentType ?? '');
    },
  });
  return { defaults, overrides };
}
