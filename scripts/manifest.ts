/**
 * npm run manifest -- --base-url https://poi.example.gob.pe/semaforo/ [--out dist/manifest.xml]
 *
 * Writes the manifest a planning office publishes: manifest.xml (whose URLs point at the
 * development server, https://localhost:3000) with every URL moved under the https address
 * where `dist/` is served, and AppDomains set to that origin. The add-in's Id stays the
 * same, so Excel sees one add-in whatever the server. test/manifest.test.ts checks it.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export const DEV_ORIGIN = 'https://localhost:3000';
export const TEMPLATE = join(__dirname, '..', 'manifest.xml');
export const DEFAULT_OUT = join(__dirname, '..', 'dist', 'manifest.xml');

export class ManifestError extends Error {}

/** The base URL as a prefix ending in `/`; refuses anything Excel would not load. */
export function normaliseBaseUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ManifestError(`«${raw}» no es una dirección válida. Ejemplo: https://poi.example.gob.pe/semaforo/`);
  }
  if (url.protocol !== 'https:') throw new ManifestError(`Excel solo carga complementos por https; «${raw}» no lo es.`);
  if (url.search || url.hash) throw new ManifestError(`La dirección base no puede llevar «?» ni «#»: ${raw}`);
  if (url.username || url.password) throw new ManifestError('La dirección base no puede llevar usuario ni contraseña.');
  return url.origin + url.pathname.replace(/\/*$/, '/');
}

const escapeXml = (s: string): string => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The template with every development URL moved under `baseUrl`. */
export function manifestFor(template: string, baseUrl: string): string {
  const base = normaliseBaseUrl(baseUrl);
  const origin = new URL(base).origin;
  const pages = new RegExp(`${DEV_ORIGIN.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}/([^"<\\s]*)`, 'g');
  let out = template.replace(pages, (_, path: string) => escapeXml(base + path));
  out = out.replace(`<AppDomain>${DEV_ORIGIN}</AppDomain>`, `<AppDomain>${escapeXml(origin)}</AppDomain>`);
  if (out.includes(DEV_ORIGIN)) throw new ManifestError(`Quedó una dirección de desarrollo (${DEV_ORIGIN}) en el manifiesto.`);
  return out;
}

function argument(args: readonly string[], name: string): string | undefined {
  const i = args.findIndex((a) => a === name || a.startsWith(`${name}=`));
  if (i < 0) return undefined;
  return args[i].includes('=') ? args[i].slice(name.length + 1) : args[i + 1];
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const baseUrl = argument(args, '--base-url') ?? process.env.MANIFEST_BASE_URL;
  const out = argument(args, '--out') ?? DEFAULT_OUT;
  try {
    if (!baseUrl) throw new ManifestError('Falta --base-url: la dirección https donde se publica dist/. Ejemplo: npm run manifest -- --base-url https://poi.example.gob.pe/semaforo/');
    const xml = manifestFor(readFileSync(TEMPLATE, 'utf8'), baseUrl);
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, xml);
    console.log(`Escrito ${out} para ${normaliseBaseUrl(baseUrl)}`);
  } catch (e) {
    if (!(e instanceof ManifestError)) throw e;
    console.error(e.message);
    process.exit(1);
  }
}
