import { readFileSync } from 'node:fs';
import type { Severity } from '../engine/observation';
import { RULES } from '../engine/rules';
import { UsageError } from './args';

export type SeverityConfig = Readonly<Record<string, Severity | 'off'>>;

const LEVELS = new Set(['error', 'warning', 'info', 'off']);

/** `{"rules": {"negative-value": "warning", "number-stored-as-text": "off"}}` */
export function readConfig(path: string): SeverityConfig {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    throw new UsageError(`No se pudo leer la configuración ${path}: debe ser un JSON como {"rules": {"id-de-regla": "warning"}}.`);
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
