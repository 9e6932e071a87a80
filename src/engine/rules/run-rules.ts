import { columnLetters } from '../grid/a1';
import type { Address, Grid } from '../grid/cell';
import type { ActivityFigures, Figures } from '../figures';
import type { PoiModel } from '../model';
import type { Observation, Severity } from '../observation';
import type { FlagValues, MessageData, Rule, RuleContext, RuleVisitors } from './define-rule';
import { monthFlags } from './cells';
import { fillMessage, formatNumber } from './format';
import { ruleApplies } from './layouts';

/**
 * At most this many observations per rule and sheet: a sheet of noise (a million rows of
 * text in the month cells) must not become a million observations. The rest are counted
 * in one more observation, so the planner knows there is more to fix.
 */
export const MAX_OBSERVATIONS_PER_RULE = 200;

/** The message id of that observation. No rule may use it for one of its own messages. */
export const OMITTED_MESSAGE_ID = 'omitted';

/** The message id of the observation that reports a rule that threw. */
export const INTERNAL_MESSAGE_ID = 'internal';

export interface RunOptions {
  readonly sheet: string;
  /** The sheet the model was parsed from: merged areas, hidden rows. */
  readonly grid: Grid;
  readonly fechaCorte: string;
  readonly severities?: Readonly<Record<string, Severity | 'off'>>;
  /** Defaults to MAX_OBSERVATIONS_PER_RULE. */
  readonly maxPerRule?: number;
}

/** A rule in the run: its context, its visitors, and what it has reported. */
interface Running {
  readonly rule: Rule;
  readonly severity: Severity;
  visitors: RuleVisitors;
  failed: boolean;
  flagged: number;
  omitted: number;
  firstOmitted: Address | null;
}

/** An observation and its column, kept for sorting without parsing the A1 address back. */
interface Keyed {
  readonly o: Observation;
  readonly col: number;
}

/**
 * Runs the rules in one walk over the report: each AO, AEI and stray row is visited once,
 * and handed to every rule that listens for it. A rule that throws does not stop the
 * others: it becomes an internal observation carrying its id.
 */
export function runRules(rules: readonly Rule[], model: PoiModel, figures: Figures, options: RunOptions): Observation[] {
  const cap = options.maxPerRule ?? MAX_OBSERVATIONS_PER_RULE;
  const keyed: Keyed[] = [];
  const push = (o: Observation, col: number): void => void keyed.push({ o, col });

  const fail = (running: Running, error: unknown): void => {
    if (running.failed) return;
    running.failed = true;
    const id = running.rule.meta.id;
    push(
      {
        rule: id,
        messageId: INTERNAL_MESSAGE_ID,
        severity: 'error',
        sheet: options.sheet,
        cell: 'A1',
        row: 1,
        message: `Error interno de la regla ${id}; sus resultados faltan. Informe al equipo de Semáforo POI: ${errorText(error)}`,
        internal: true,
      },
      0,
    );
  };

  const active: Running[] = [];
  for (const rule of rules) {
    const severity = options.severities?.[rule.meta.id] ?? rule.meta.severity;
    if (severity === 'off' || !ruleApplies(rule.meta.id, model.layout.kind)) continue;
    const running: Running = { rule, severity, visitors: {}, failed: false, flagged: 0, omitted: 0, firstOmitted: null };
    const flag = (at: Address, messageId: string, data?: MessageData<string> | (() => MessageData<string>), values?: FlagValues): void => {
      if (running.flagged >= cap) {
        // Past the cap only the count matters: no message is built.
        if (running.omitted++ === 0) running.firstOmitted = at;
        return;
      }
      const template = rule.meta.messages[messageId];
      if (template === undefined) throw new Error(`mensaje desconocido ${messageId}`);
      running.flagged++;
      push(
        {
          rule: rule.meta.id,
          messageId,
          severity,
          sheet: options.sheet,
          cell: columnLetters(at.col) + String(at.row + 1),
          row: at.row + 1,
          message: fillMessage(template, typeof data === 'function' ? data() : data),
          ...(values && 'expected' in values ? { expected: values.expected } : {}),
          ...(values && 'found' in values ? { found: values.found } : {}),
        },
        at.col,
      );
    };
    const capped = (): boolean => running.flagged >= cap;
    const skip = (count: number, first: () => Address): void => {
      if (running.flagged < cap) throw new Error('skip antes del tope de observaciones');
      if (count <= 0) return;
      if (running.omitted === 0) running.firstOmitted = first();
      running.omitted += count;
    };
    const context: RuleContext = { model, figures, grid: options.grid, fechaCorte: options.fechaCorte, flag, capped, skip };
    active.push(running);
    try {
      running.visitors = rule.create(context);
    } catch (error) {
      fail(running, error);
    }
  }

  walk(active, model, figures, fail);

  for (const running of active) {
    if (running.omitted === 0 || running.firstOmitted === null) continue;
    const at = running.firstOmitted;
    const cell = columnLetters(at.col) + String(at.row + 1);
    push(
      {
        rule: running.rule.meta.id,
        messageId: OMITTED_MESSAGE_ID,
        severity: running.severity,
        sheet: options.sheet,
        cell,
        row: at.row + 1,
        message:
          `Hay ${formatNumber(running.omitted)} observaciones más de la regla ${running.rule.meta.id} desde ${cell} que no se muestran ` +
          `(se muestran las primeras ${formatNumber(cap)}): corrija las mostradas y vuelva a revisar el reporte para ver las demás.`,
        omitted: running.omitted,
      },
      at.col,
    );
  }
  return sortKeyed(keyed);
}

/** The visitors of one kind, each with the rule it belongs to, so the walk calls only the rules that listen. */
function listeners<K extends keyof RuleVisitors>(active: readonly Running[], key: K): Running[] {
  return active.filter((r) => !r.failed && r.visitors[key] !== undefined);
}

type Fail = (r: Running, e: unknown) => void;

/**
 * Hands each item to every rule listening for `key`. The visitor functions are taken out
 * once (each rule's visitors object has its own shape), and one try block covers a run of
 * calls: a rule that throws is marked failed and the walk goes on with the next rule.
 */
function visitAll<T>(active: readonly Running[], key: 'strategicAction' | 'stray', items: readonly T[], fail: Fail): void {
  const listening = listeners(active, key);
  const visit = listening.map((r) => r.visitors[key] as (item: T) => void);
  const n = listening.length;
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    let j = 0;
    while (j < n) {
      try {
        for (; j < n; j++) if (!listening[j].failed) visit[j](item);
      } catch (error) {
        fail(listening[j], error);
        j++;
      }
    }
  }
}

/** visitAll for the AO, calling a rule that declares activityFlags only for the AO that show one of them. */
function visitActivities(active: readonly Running[], items: readonly ActivityFigures[], fail: Fail): void {
  const listening = listeners(active, 'activity');
  const visit = listening.map((r) => r.visitors.activity!);
  // -1: called for every AO.
  const wanted = listening.map((r) => r.visitors.activityFlags ?? -1);
  const filtered = wanted.some((w) => w !== -1);
  const n = listening.length;
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    const flags = filtered ? monthFlags(item.activity) : 0;
    let j = 0;
    while (j < n) {
      try {
        for (; j < n; j++) {
          const w = wanted[j];
          if ((w === -1 || (flags & w) !== 0) && !listening[j].failed) visit[j](item);
        }
      } catch (error) {
        fail(listening[j], error);
        j++;
      }
    }
  }
}

/** One pass over the AO, one over the AEI, one over the stray rows, then `end`. */
function walk(active: readonly Running[], model: PoiModel, figures: Figures, fail: Fail): void {
  visitActivities(active, figures.activities, fail);
  visitAll(active, 'strategicAction', figures.strategicActions, fail);
  visitAll(active, 'stray', model.strayRows, fail);
  for (const r of listeners(active, 'end')) {
    try {
      r.visitors.end!();
    } catch (error) {
      fail(r, error);
    }
  }
}

function sortKeyed(keyed: Keyed[]): Observation[] {
  keyed.sort((a, b) => a.o.row - b.o.row || a.col - b.col || (a.o.rule < b.o.rule ? -1 : a.o.rule > b.o.rule ? 1 : 0));
  return keyed.map((k) => k.o);
}

/** Sorted by row, then column, then rule id (stable). */
export function sortObservations(observations: Observation[]): Observation[] {
  const keyed = observations.map((o) => ({ o, col: columnOf(o.cell) }));
  return sortKeyed(keyed);
}

/** "AB12" → 27, without a regular expression. */
function columnOf(a1: string): number {
  let n = 0;
  for (let i = 0; i < a1.length; i++) {
    const c = a1.charCodeAt(i) & ~32; // upper case
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n - 1;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
