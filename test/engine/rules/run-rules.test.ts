/**
 * The runner: one walk, observations capped per rule and sheet with one more observation
 * counting the rest, a rule that throws reported without stopping the others.
 */
import { analyze, RULES } from '../../../src/engine';
import { computeFigures } from '../../../src/engine/compute';
import type { Grid } from '../../../src/engine/grid/cell';
import { findLayout } from '../../../src/engine/layout/find-layout';
import { parseSheet } from '../../../src/engine/parse/parse-sheet';
import { NEGATIVE, TEXT_NUMBER } from '../../../src/engine/rules/cells';
import { defineRule, type Rule } from '../../../src/engine/rules/define-rule';
import { MAX_OBSERVATIONS_PER_RULE, OMITTED_MESSAGE_ID, runRules } from '../../../src/engine/rules/run-rules';
import { buildGrid, FECHA_CORTE, SHEET } from './rule-tester';
import { sheet } from './sheets';

const run = (rules: readonly Rule[], grid: Grid, maxPerRule?: number) => {
  const model = parseSheet(grid, findLayout(grid)!);
  return runRules(rules, model, computeFigures(model, FECHA_CORTE), { sheet: SHEET, grid, fechaCorte: FECHA_CORTE, maxPerRule });
};
const rule = (id: string): Rule => RULES.find((r) => r.meta.id === id)!;

describe('observations capped per rule', () => {
  it(`keeps the first ${MAX_OBSERVATIONS_PER_RULE} of a rule and counts the rest in one more observation`, () => {
    // 230 AO, each with a negative EJECUTADO in Mar (row 9 + 2k): 230 negative-value errors.
    const aos = Array.from({ length: 230 }, () => ({ exec: [1, 1, -1, 5, 5, 5] }));
    const analysis = analyze(buildGrid({ spec: sheet(...aos) }), { fechaCorte: FECHA_CORTE, sheet: SHEET });
    const negative = analysis.observations.filter((o) => o.rule === 'negative-value');
    expect(negative).toHaveLength(MAX_OBSERVATIONS_PER_RULE + 1);
    const kept = negative.filter((o) => o.messageId === 'negative');
    expect(kept.map((o) => o.cell)).toEqual(Array.from({ length: MAX_OBSERVATIONS_PER_RULE }, (_, k) => `I${9 + 2 * k}`));
    const rest = negative.filter((o) => o.messageId === OMITTED_MESSAGE_ID);
    expect(rest).toEqual([
      expect.objectContaining({
        rule: 'negative-value',
        severity: 'error',
        cell: `I${9 + 2 * MAX_OBSERVATIONS_PER_RULE}`,
        row: 9 + 2 * MAX_OBSERVATIONS_PER_RULE,
        omitted: 30,
        message: expect.stringContaining(`Hay 30 observaciones más de la regla negative-value desde I${9 + 2 * MAX_OBSERVATIONS_PER_RULE}`),
      }),
    ]);
    // Sorted with the others: it sits right after the last one kept.
    expect(negative[negative.length - 1]).toBe(rest[0]);
    // Other rules keep their own count.
    expect(analysis.observations.filter((o) => o.rule === 'stated-total' && o.messageId === OMITTED_MESSAGE_ID)).toEqual([]);
  });

  it('caps each rule on its own', () => {
    const grid = buildGrid({ spec: sheet({ exec: [1, -1, -1, 5, 5, 'x'] }, { exec: [-1, 1, 1, 'y', 'z', 5] }) });
    const observations = run([rule('negative-value'), rule('text-in-number-cell')], grid, 2);
    const summary = observations.map((o) => [o.rule, o.messageId, o.cell, o.omitted]);
    expect(summary).toEqual([
      ['negative-value', 'negative', 'H9', undefined],
      ['negative-value', 'negative', 'I9', undefined],
      ['text-in-number-cell', 'text', 'L9', undefined],
      ['negative-value', OMITTED_MESSAGE_ID, 'G11', 1],
      ['text-in-number-cell', 'text', 'J11', undefined],
      ['text-in-number-cell', OMITTED_MESSAGE_ID, 'K11', 1],
    ]);
  });

  it('builds the data of a message given as a function only for the messages shown', () => {
    const built: string[] = [];
    const lazy = defineRule({
      meta: { ...rule('negative-value').meta, id: 'lazy-rule', messages: { code: 'AO {code}.' } },
      create: (context) => ({
        activity(f) {
          context.flag(f.activity.label.at, 'code', () => {
            built.push(f.activity.code);
            return { code: f.activity.code };
          });
        },
      }),
    });
    const grid = buildGrid({ spec: sheet({}, {}, {}) });
    const observations = run([lazy], grid, 2);
    expect(observations.map((o) => [o.messageId, o.message, o.omitted])).toEqual([
      ['code', `AO ${built[0]}.`, undefined],
      ['code', `AO ${built[1]}.`, undefined],
      [OMITTED_MESSAGE_ID, expect.stringContaining('Hay 1 observaciones más de la regla lazy-rule'), 1],
    ]);
    // The third AO was counted, its message never built.
    expect(built).toHaveLength(2);
  });

  it('calls a rule that declares activityFlags only for the AO whose month cells show them', () => {
    const seen: string[] = [];
    const watcher = defineRule({
      meta: { ...rule('negative-value').meta, id: 'flag-watcher', messages: { any: 'x' } },
      create: () => ({
        activityFlags: NEGATIVE | TEXT_NUMBER,
        activity(f) {
          seen.push(f.activity.code);
        },
      }),
    });
    // The second AO has a negative month, the third a number stored as text, the first neither.
    const grid = buildGrid({ spec: sheet({}, { exec: [1, -1, 1, 1, 1, 1] }, { exec: [1, 1, '1,000.00', 1, 1, 1] }) });
    const model = parseSheet(grid, findLayout(grid)!);
    runRules([watcher], model, computeFigures(model, FECHA_CORTE), { sheet: SHEET, grid, fechaCorte: FECHA_CORTE });
    expect(seen).toEqual([model.activities[1].code, model.activities[2].code]);
  });

  it('a rule that counts past the cap itself (number-stored-as-text) reports as if it had flagged every cell', () => {
    // Five text numbers over three AO, in PROGRAMADO and EJECUTADO, físico and financiero.
    const grid = buildGrid({
      spec: sheet(
        { exec: ['1,900.00', 1, '2,000.00', 5, 5, 5] },
        { finProg: [100, '1,000.00', 100, 100, 100, 100], finExec: ['3,000', 100, 100, 100, 100, 100] },
        { exec: [1, 1, 1, 1, 1, '1,100'] },
      ),
    });
    const all = run([rule('number-stored-as-text')], grid, 100);
    expect(all.map((o) => o.messageId)).toEqual(['text', 'text', 'text', 'text', 'text']);
    for (let cap = 1; cap < all.length; cap++) {
      const capped = run([rule('number-stored-as-text')], grid, cap);
      expect(capped.slice(0, cap)).toEqual(all.slice(0, cap));
      expect(capped.slice(cap).map((o) => [o.messageId, o.cell, o.omitted])).toEqual([[OMITTED_MESSAGE_ID, all[cap].cell, all.length - cap]]);
    }
  });

  it('refuses a count past the cap before the cap is reached', () => {
    const early = defineRule({
      meta: { ...rule('negative-value').meta, id: 'early-rule', messages: { code: 'AO.' } },
      create: (context) => ({
        activity(f) {
          context.skip(1, () => f.activity.label.at);
        },
      }),
    });
    const observations = run([early], buildGrid({ spec: sheet({}) }), 2);
    expect(observations.map((o) => [o.rule, o.messageId])).toEqual([['early-rule', 'internal']]);
  });

  it('adds nothing under the cap', () => {
    const grid = buildGrid({ spec: sheet({ exec: [1, -1, -1, 5, 5, 5] }) });
    expect(run([rule('negative-value')], grid, 2).map((o) => o.messageId)).toEqual(['negative', 'negative']);
  });
});

describe('a rule that throws', () => {
  it('becomes one internal observation and the other rules still run', () => {
    const broken = defineRule({
      meta: { ...rule('negative-value').meta, id: 'broken-rule', messages: { any: 'x' } },
      create: () => ({
        activity() {
          throw new Error('falla');
        },
      }),
    });
    const grid = buildGrid({ spec: sheet({ exec: [1, -1, 1, 5, 5, 5] }, {}) });
    const observations = run([broken, rule('negative-value')], grid);
    expect(observations.map((o) => [o.rule, o.messageId, o.internal ?? false])).toEqual([
      ['broken-rule', 'internal', true],
      ['negative-value', 'negative', false],
    ]);
    expect(observations[0].message).toContain('falla');
  });
});
