import { fromA1, toA1 } from '../grid/a1';
import type { Figures } from '../figures';
import type { PoiModel } from '../model';
import type { Observation, Severity } from '../observation';
import type { Rule, RuleContext, RuleVisitors } from './define-rule';
import { fillMessage } from './format';

export interface RunOptions {
  readonly sheet: string;
  readonly fechaCorte: string;
  readonly severities?: Readonly<Record<string, Severity | 'off'>>;
}

/**
 * Runs the rules in one walk over the report. A rule that throws does not stop the others:
 * it becomes an internal observation carrying its id.
 */
export function runRules(rules: readonly Rule[], model: PoiModel, figures: Figures, options: RunOptions): Observation[] {
  const observations: Observation[] = [];
  const active: { rule: Rule; visitors: RuleVisitors }[] = [];
  const failed = new Set<string>();

  const fail = (rule: Rule, error: unknown): void => {
    if (failed.has(rule.meta.id)) return;
    failed.add(rule.meta.id);
    observations.push({
      rule: rule.meta.id,
      severity: 'error',
      sheet: options.sheet,
      cell: 'A1',
      row: 1,
      message: `Error interno de la regla ${rule.meta.id}; sus resultados faltan. Informe al equipo de Semáforo POI: ${errorText(error)}`,
      internal: true,
    });
  };

  for (const rule of rules) {
    const severity = options.severities?.[rule.meta.id] ?? rule.meta.severity;
    if (severity === 'off') continue;
    const context: RuleContext = {
      model,
      figures,
      fechaCorte: options.fechaCorte,
      flag(at, messageId, flagOptions = {}) {
        const template = rule.meta.messages[messageId];
        if (template === undefined) throw new Error(`mensaje desconocido ${messageId}`);
        observations.push({
          rule: rule.meta.id,
          severity,
          sheet: options.sheet,
          cell: toA1(at),
          row: at.row + 1,
          message: fillMessage(template, flagOptions.data),
          ...('expected' in flagOptions ? { expected: flagOptions.expected } : {}),
          ...('found' in flagOptions ? { found: flagOptions.found } : {}),
        });
      },
    };
    try {
      active.push({ rule, visitors: rule.create(context) });
    } catch (error) {
      fail(rule, error);
    }
  }

  const visit = <K extends keyof RuleVisitors>(key: K, ...args: Parameters<NonNullable<RuleVisitors[K]>>): void => {
    for (const { rule, visitors } of active) {
      const fn = visitors[key] as ((...a: typeof args) => void) | undefined;
      if (!fn || failed.has(rule.meta.id)) continue;
      try {
        fn(...args);
      } catch (error) {
        fail(rule, error);
      }
    }
  };

  for (const f of figures.activities) visit('activity', f);
  for (const f of figures.strategicActions) visit('strategicAction', f);
  for (const s of model.strayRows) visit('stray', s);
  visit('end');
  return sortObservations(observations);
}

export function sortObservations(observations: Observation[]): Observation[] {
  return observations.sort(
    (a, b) => a.row - b.row || fromA1(a.cell).col - fromA1(b.cell).col || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0),
  );
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
