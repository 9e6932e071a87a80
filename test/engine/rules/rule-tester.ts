/**
 * An ESLint-style RuleTester for the POI rules: each case builds a sheet, runs analyze()
 * with every other rule off, and compares this rule's observations with the expected ones,
 * exactly (count, order, cell, messageId, severity), as typescript-eslint asserts line,
 * column and messageId. Like typescript-eslint it refuses duplicate cases; it also wants an
 * invalid case for each of the rule's messages. A messageId the rule lacks does not compile.
 *
 * ruleTester(statedPercent, {
 *   valid: [sheet({ percent: 50 })],
 *   invalid: [{ spec: sheet({ percent: 57 }), errors: [{ cell: 'N8', messageId: 'mismatch' }] }],
 * });
 */
import { analyze, RULES, type Analysis } from '../../../src/engine';
import { fromA1, rangeFromA1 } from '../../../src/engine/grid/a1';
import type { CellValue, Grid } from '../../../src/engine/grid/cell';
import type { Severity } from '../../../src/engine/observation';
import type { Messages, Rule } from '../../../src/engine/rules/define-rule';
import { poiSheet, type PoiSheetSpec } from '../../fixtures/poi-sheet';

export const SHEET = 'Reporte POI';
export const FECHA_CORTE = '2023-08-15';

export interface RuleCase {
  /** Shown in the test name. */
  readonly name?: string;
  readonly spec: PoiSheetSpec;
  /** Cells to overwrite after building, by A1 address (`null` clears). */
  readonly cells?: Readonly<Record<string, CellValue>>;
  /** Any other change to the built rows (insert a column, …), on a copy. */
  readonly edit?: (rows: CellValue[][]) => void;
  /** Merged areas to add, as A1 ranges ("G9:L9"). */
  readonly merges?: readonly string[];
  /** Rows hidden in the sheet, 1-based as Excel numbers them. */
  readonly hiddenRows?: readonly number[];
  readonly fechaCorte?: string;
}

/** A valid case: a sheet spec, or a case with edits. */
export type ValidCase = PoiSheetSpec | RuleCase;

export interface ExpectedObservation<Id extends string = string> {
  /** Exact A1 address. */
  readonly cell: string;
  /** One of the rule's message ids: a misspelt id does not compile. */
  readonly messageId: Id;
  /** A substring of the message. */
  readonly message?: string;
  /** Defaults to the rule's own severity. */
  readonly severity?: Severity;
  readonly expected?: CellValue;
  readonly found?: CellValue;
}

export interface InvalidCase<Id extends string = string> extends RuleCase {
  readonly errors: readonly ExpectedObservation<Id>[];
}

export interface RuleCases<Id extends string = string> {
  readonly valid: readonly ValidCase[];
  readonly invalid: readonly InvalidCase<Id>[];
}

const isRuleCase = (c: ValidCase): c is RuleCase => 'spec' in c;

/** Builds the case's grid. */
export function buildGrid(c: RuleCase): Grid {
  const grid = poiSheet(c.spec).toGrid();
  const rows = grid.rows.map((r) => [...(r ?? [])]);
  for (const [a1, value] of Object.entries(c.cells ?? {})) {
    const { row, col } = fromA1(a1);
    while (rows.length <= row) rows.push([]);
    while (rows[row].length <= col) rows[row].push(null);
    rows[row][col] = value;
  }
  c.edit?.(rows);
  const merges = [...grid.merges, ...(c.merges ?? []).map(rangeFromA1)];
  return c.hiddenRows ? { rows, merges, hiddenRows: c.hiddenRows.map((r) => r - 1) } : { rows, merges };
}

/** Runs analyze() with only `rule` on. */
export function runRule(rule: Rule, c: RuleCase): Analysis {
  const severities = Object.fromEntries(RULES.filter((r) => r !== rule).map((r) => [r.meta.id, 'off' as const]));
  return analyze(buildGrid(c), { fechaCorte: c.fechaCorte ?? FECHA_CORTE, sheet: SHEET, severities });
}

/** Each `edit` function by identity: two edits are the same only when they are one function. */
const editIds = new WeakMap<object, number>();
let editCount = 0;
const editId = (edit: RuleCase['edit']): number | null => {
  if (!edit) return null;
  if (!editIds.has(edit)) editIds.set(edit, ++editCount);
  return editIds.get(edit)!;
};

/**
 * What a case is, for finding duplicates: its sheet spec, cell edits, merges, hidden rows and
 * fecha de corte, not its name. (Not the built grid: the fixture numbers AO codes as it builds.)
 */
function caseKey(c: RuleCase): string {
  return JSON.stringify([c.spec, c.cells ?? {}, editId(c.edit), c.merges ?? [], c.hiddenRows ?? [], c.fechaCorte ?? FECHA_CORTE]);
}

/**
 * Fails, as typescript-eslint's RuleTester does, when two valid cases or two invalid cases
 * are the same test (the same sheet and fecha de corte under different names): a copied
 * case proves nothing and usually hides the case that was meant.
 */
export function checkCases(rule: Rule, cases: RuleCases): void {
  for (const [kind, list] of [
    ['valid', cases.valid.map(asCase)],
    ['invalid', cases.invalid],
  ] as const) {
    const seen = new Map<string, number>();
    list.forEach((c, i) => {
      const key = caseKey(c);
      const first = seen.get(key);
      if (first !== undefined) throw new Error(`${rule.meta.id}: el caso ${kind} #${i + 1} repite el caso ${kind} #${first + 1}`);
      seen.set(key, i);
    });
  }
  const used = new Set<string>();
  for (const c of cases.invalid) {
    if (c.errors.length === 0) throw new Error(`${rule.meta.id}: un caso inválido sin errores esperados debe ir en valid`);
    for (const e of c.errors) {
      if (!Object.prototype.hasOwnProperty.call(rule.meta.messages, e.messageId)) throw new Error(`${rule.meta.id} no tiene el mensaje ${e.messageId}`);
      used.add(e.messageId);
    }
  }
  // Every message is shown by some case: a template no test produces may not fill.
  const untested = Object.keys(rule.meta.messages).filter((id) => !used.has(id));
  if (untested.length > 0) throw new Error(`${rule.meta.id}: ningún caso inválido produce ${untested.join(', ')}`);
}

const asCase = (v: ValidCase): RuleCase => (isRuleCase(v) ? v : { spec: v });

/** This rule's observations in a comparable form; fails on anything malformed. */
function observe(rule: Rule, c: RuleCase): Record<string, unknown>[] {
  const analysis = runRule(rule, c);
  if (analysis.model === null) throw new Error(`El caso no produce un reporte POI: ${analysis.observations[0]?.message}`);
  const internal = analysis.observations.filter((o) => o.internal);
  if (internal.length > 0) throw new Error(internal.map((o) => o.message).join('\n'));
  const others = analysis.observations.filter((o) => o.rule !== rule.meta.id);
  if (others.length > 0) throw new Error(`Observaciones de otras reglas: ${others.map((o) => o.rule).join(', ')}`);
  return analysis.observations.map((o) => {
    expect(o.sheet).toBe(SHEET);
    expect(o.row).toBe(fromA1(o.cell).row + 1);
    expect(o.message).not.toMatch(/\{\w+\}/);
    return {
      cell: o.cell,
      messageId: o.messageId,
      severity: o.severity,
      message: o.message,
      ...('expected' in o ? { expected: o.expected } : {}),
      ...('found' in o ? { found: o.found } : {}),
    };
  });
}

function wanted(rule: Rule, e: ExpectedObservation): unknown {
  return expect.objectContaining({
    cell: e.cell,
    messageId: e.messageId,
    severity: e.severity ?? rule.meta.severity,
    ...(e.message !== undefined ? { message: expect.stringContaining(e.message) } : {}),
    ...('expected' in e ? { expected: e.expected } : {}),
    ...('found' in e ? { found: e.found } : {}),
  });
}

export function ruleTester<M extends Messages>(rule: Rule<M>, cases: RuleCases<keyof M & string>): void {
  const any: Rule = rule;
  checkCases(any, cases);
  describe(rule.meta.id, () => {
    it('is in the registry', () => {
      expect(RULES).toContain(rule);
    });
    describe('valid', () => {
      cases.valid.forEach((v, i) => {
        const c = asCase(v);
        it(c.name ?? `valid #${i + 1}`, () => {
          expect(observe(any, c)).toEqual([]);
        });
      });
    });
    describe('invalid', () => {
      cases.invalid.forEach((c, i) => {
        it(c.name ?? `invalid #${i + 1}: ${c.errors.map((e) => e.cell).join(', ')}`, () => {
          expect(observe(any, c)).toEqual(c.errors.map((e) => wanted(any, e)));
        });
      });
    });
  });
}
