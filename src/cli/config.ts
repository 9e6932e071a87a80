import { readFileSync, statSync } from 'node:fs';
import type { Severity } from '../engine/observation';
import { RULES } from '../engine/rules';
import { UsageError } from './args';
import { errorCode, fsCause } from './fs-errors';

const MAX_CONFIG_BYTES = 1024 * 1024;

export type SeverityConfig = Readonly<Record<string, Severity | 'off'>>;

const LEVELS = new Set(['error', 'warning', 'info', 'off']);

/** `{"rules": {"negative-value": "warning", "number-stored-as-text": "off"}}` */
export function readConfig(path: string): SeverityConfig {
  let text: string;
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) throw Object.assign(new Error(), { code: 'EISDIR' });
    // A settings file is a few lines: refuse a device or a huge file instead of reading it.
    if (!stat.isFile() || stat.size > MAX_CONFIG_BYTES) throw new UsageError(`La configuración ${path} no es un archivo JSON pequeño: indique el archivo .json de severidades.`);
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if (error instanceof UsageError) throw error;
    if (errorCode(error) === 'ENOENT') throw new UsageError(`No se encontró el archivo de configuración ${path}. Revise la ruta y el nombre.`);
    throw new UsageError(`No se pudo leer la configuración ${path}: ${fsCause(error)}.`);
  }
  let data: unknown;
  try {
    // Notepad on Windows saves UTF-8 with a BOM; JSON.parse refuses it.
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    throw new UsageError(`La configuración ${path} no es un JSON válido: debe ser como {"rules": {"id-de-regla": "warning"}}.`);
  }
  const rules = (data as { rules?: unknown })?.rules;
  if (typeof rules !== 'object' || rules === null) throw new UsageError(`La configuración ${path} no tiene la clave "rules".`);
  const known = new Set(RULES.map((r) => r.meta.id));
  const out: Record<string, Severity | 'off'> = {};
  for (const [id, level] of Object.entries(rules)) {
    if (!known.has(id)) throw new UsageError(`La configuración nombra una regla que no existe: ${id}. Vea docs/rules.md.`);
    if (typeof level !== 'string' || !LEVELS.has(level)) {
      throw new UsageError(`Severidad no válida para ${id}: use "error", "warning", "info" u "off".`);
    }
    out[id] = level as Severity | 'off';
  }
  return out;
}
