import type { Rule } from './define-rule';
import { placeholders } from './format';
import duplicateActivityCode from './duplicate-activity-code';
import statedAeiLine from './stated-aei-line';
import statedFinancialAccumulated from './stated-financial-accumulated';
import statedPercent from './stated-percent';
import statedPhysicalAccumulated from './stated-physical-accumulated';
import statedTotal from './stated-total';
import statedTrafficLight from './stated-traffic-light';

/** Every rule, sorted by id. A new rule: its file, a line here, its test, `npm run docs:rules`. */
export const RULES: readonly Rule[] = [
  duplicateActivityCode,
  statedAeiLine,
  statedFinancialAccumulated,
  statedPercent,
  statedPhysicalAccumulated,
  statedTotal,
  statedTrafficLight,
];

/** Checks the registry once at load: a broken rule set must not ship. */
export function checkRegistry(rules: readonly Rule[]): void {
  const ids = rules.map((r) => r.meta.id);
  ids.forEach((id, i) => {
    if (!/^[a-z]+(-[a-z]+)*$/.test(id)) throw new Error(`Regla con id no kebab-case: ${id}`);
    if (i > 0 && ids[i - 1] >= id) throw new Error(`Registro de reglas desordenado o repetido en ${id}`);
  });
  for (const rule of rules) {
    const messages = Object.entries(rule.meta.messages);
    if (messages.length === 0) throw new Error(`La regla ${rule.meta.id} no tiene mensajes`);
    for (const [messageId, template] of messages) {
      if (template.trim() === '') throw new Error(`Mensaje vacío ${rule.meta.id}/${messageId}`);
      placeholders(template); // parses
    }
  }
}

checkRegistry(RULES);
