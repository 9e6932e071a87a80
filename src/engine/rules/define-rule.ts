import type { Address, CellValue, Grid } from '../grid/cell';
import type { ActivityFigures, Figures, StrategicActionFigures } from '../figures';
import type { PoiModel, StrayRow } from '../model';
import type { Severity } from '../observation';

export type RuleCategory = 'structure' | 'values' | 'stated' | 'planning';

/** Message templates by id; `{name}` placeholders are filled from the data. */
export type Messages = Readonly<Record<string, string>>;

/**
 * The placeholder names of a template, read by the compiler:
 * `Placeholders<'dice {found}; es {expected}.'>` is `'found' | 'expected'`.
 * A template known only as `string` accepts any name.
 */
export type Placeholders<T extends string> = string extends T
  ? string
  : T extends `${string}{${infer Name}}${infer Rest}`
    ? Name | Placeholders<Rest>
    : never;

/** The data a template needs: one value per placeholder, no more, no fewer. */
export type MessageData<T extends string = string> = { readonly [K in Placeholders<T>]: string | number };

/** The cell values an observation carries besides its message. */
export interface FlagValues {
  readonly expected?: CellValue;
  readonly found?: CellValue;
}

/**
 * Data is required exactly when the template has placeholders (a template known only as
 * `string` may take any). It may be a function that returns it: called only when the message
 * is shown, so a rule that flags thousands of cells past the cap formats nothing for them.
 */
export type FlagArgs<T extends string> = string extends T
  ? [data?: MessageData<string> | (() => MessageData<string>), values?: FlagValues]
  : [Placeholders<T>] extends [never]
  ? [data?: Readonly<Record<string, never>>, values?: FlagValues]
  : [data: MessageData<T> | (() => MessageData<T>), values?: FlagValues];

export interface RuleMeta<M extends Messages = Messages> {
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
  readonly messages: M;
}

export interface RuleContext<M extends Messages = Messages> {
  readonly model: PoiModel;
  readonly figures: Figures;
  /** The sheet as read, for what the model does not carry (merged areas, hidden rows); read it only for the rare case. */
  readonly grid: Grid;
  readonly fechaCorte: string;
  /**
   * Reports an observation on a cell with one of the rule's message ids and the data its
   * placeholders need: a misspelt id, a missing or extra placeholder does not compile.
   */
  flag<Id extends keyof M & string>(at: Address, messageId: Id, ...args: FlagArgs<M[Id]>): void;
  /**
   * True once the rule has shown as many observations as the cap allows: a flag then only
   * counts. A rule that may flag thousands of cells asks before building them, and hands
   * the count over with `skip`.
   */
  capped(): boolean;
  /**
   * Counts `count` more observations past the cap (only while capped()). `first` gives the
   * cell of the first of them; it is called only if no observation was omitted before.
   */
  skip(count: number, first: () => Address): void;
}

/** Called during one walk over the parsed report. */
export interface RuleVisitors {
  activity?(figures: ActivityFigures): void;
  /**
   * For a rule that looks for rare odd month cells: the monthFlags bits (rules/cells.ts) an
   * AO must show for `activity` to be called. The walk reads the AO's flags once and skips
   * the call for every other AO (nearly all of them).
   */
  readonly activityFlags?: number;
  strategicAction?(figures: StrategicActionFigures): void;
  stray?(row: StrayRow): void;
  /** After the walk: totals, traffic light, cross-row checks. */
  end?(): void;
}

export interface Rule<M extends Messages = Messages> {
  readonly meta: RuleMeta<M>;
  create(context: RuleContext<M>): RuleVisitors;
}

/**
 * Identity with types, so a rule file reads as data (typescript-eslint's createRule): the
 * message ids and each template's placeholders are inferred from `meta.messages` and
 * checked at every `context.flag`.
 */
export function defineRule<const M extends Messages>(rule: Rule<M>): Rule<M> {
  return rule;
}
