import { fromA1, toA1 } from '../grid/a1';
import type { Figures } from '../figures';
import type { Grid } from '../grid/cell';
import type { PoiModel } from '../model';
import type { Observation, Severity } from '../observation';
import type { Rule, RuleContext, RuleVisitors } from './define-rule';
import { fillMessage } from './format';
import { ruleApplies } from './layouts';

export interface RunOptions {
  readonly sheet: string;
  readonly fechaCorte: string;
  readonly severities?: Readonly<Record<string, Severity | 'off'>>;
  /** The sheet read, for rules that look at raw cells (the flat export's). */
  readonly grid?: Grid;
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
    if (severity === 'off' || !ruleApplies(rule.meta.id, model.layout.kind)) continue;
    const context: RuleContext = {
      model,
      figures,
      fechaCorte: options.fechaCorte,
      grid: options.grid,
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

  // One list per visitor kind, so the walk calls only the rules that listen.
  const listeners = <K extends keyof RuleVisitors>(key: K): { rule: Rule; fn: NonNullable<RuleVisitors[K]> }[] =>
    active.flatMap(({ rule, visitors }) => (visitors[key] ? [{ rule, fn: visitors[key]! }] : []));
  const visit = <T>(list: { rule: Rule; fn: (arg: T) => void }[], arg: T): void => {
    for (const { rule, fn } of list) {
      if (failed.has(rule.meta.id)) continue;
      try {
        fn(arg);
      } catch (error) {
        fail(rule, error);
      }
    }
  };

  const onActivity = listeners('activity');
  for (const f of figures.activities) visit(onActivity, f);
  const onStrategicAction = listeners('strategicAction');
  for (const f of figures.strategicActions) visit(onStrategicAction, f);
  const onStray = listeners('stray');
  for (const s of model.strayRows) visit(onStray, s);
  visit(listeners('end'), undefined);
  return sortObservations(observations);
}

export function sortObservations(observations: Observation[]): Observation[] {
  const keyed = observations.map((o) => ({ o, col: fromA1(o.cell).col }));
  keyed.sort((a, b) => a.o.row - b.o.row || a.col - b.col || (a.o.rule < b.o.rule ? -1 : a.o.rule > b.o.rule ? 1 : 0));
  return keyed.map((k) => k.o);
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
