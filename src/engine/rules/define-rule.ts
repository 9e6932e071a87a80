import type { Address, CellValue, Grid } from '../grid/cell';
import type { ActivityFigures, Figures, StrategicActionFigures } from '../figures';
import type { PoiModel, StrayRow } from '../model';
import type { Severity } from '../observation';

export type RuleCategory = 'structure' | 'values' | 'stated' | 'planning';

export interface RuleMeta {
  /** kebab-case noun for the inconsistency; also the file name. */
  readonly id: string;
  readonly severity: Severity;
  readonly category: RuleCategory;
  /** The section of ../shared/spec/poi-rules.md (or the issue) it enforces. */
  readonly spec: string;
  /** One Spanish line: what it finds. */
  readonly description: string;
  /** One Spanish line: why it matters to a planner. */
  readonly rationale: string;
  /** A short example of a case it flags. */
  readonly example: string;
  /** Message templates by id; `{name}` placeholders are filled from the data. */
  readonly messages: Readonly<Record<string, string>>;
}

export type MessageData = Readonly<Record<string, string | number>>;

export interface FlagOptions {
  readonly data?: MessageData;
  readonly expected?: CellValue;
  readonly found?: CellValue;
}

export interface RuleContext {
  readonly model: PoiModel;
  readonly figures: Figures;
  readonly fechaCorte: string;
  /** The sheet read (the flat export's rules look at each of an AO's rows). */
  readonly grid?: Grid;
  /** Reports an observation on a cell with one of the rule's message ids. */
  flag(at: Address, messageId: string, options?: FlagOptions): void;
}

/** Called during one walk over the parsed report. */
export interface RuleVisitors {
  activity?(figures: ActivityFigures): void;
  strategicAction?(figures: StrategicActionFigures): void;
  stray?(row: StrayRow): void;
  /** After the walk: totals, traffic light, cross-row checks. */
  end?(): void;
}

export interface Rule {
  readonly meta: RuleMeta;
  create(context: RuleContext): RuleVisitors;
}

/** Identity with types, so a rule file reads as data (ESLint's createRule). */
export function defineRule(rule: Rule): Rule {
  return rule;
}
