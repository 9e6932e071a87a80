/**
 * The typed rule API: message ids and placeholders are checked by the compiler (the
 * `@ts-expect-error` lines fail `npm run typecheck` if a mistake ever compiles again), and
 * the runner carries the message id on every observation.
 */
import { RULES } from '../../../src/engine';
import type { Address } from '../../../src/engine/grid/cell';
import { computeFigures } from '../../../src/engine/compute';
import { defineRule, type Placeholders } from '../../../src/engine/rules/define-rule';
import { checkRegistry } from '../../../src/engine/rules';
import { findLayout } from '../../../src/engine/layout/find-layout';
import { parseSheet } from '../../../src/engine/parse/parse-sheet';
import { runRules } from '../../../src/engine/rules/run-rules';
import { buildGrid, checkCases, FECHA_CORTE } from './rule-tester';
import { sheet } from './sheets';

const demo = defineRule({
  meta: {
    id: 'demo-rule',
    severity: 'warning',
    category: 'values',
    spec: 'prueba',
    description: 'Una regla de prueba.',
    rationale: 'Prueba la API.',
    example: 'Ninguno.',
    messages: {
      code: 'La AO {code} está en {cell}.',
      plain: 'Sin datos.',
    },
  },
  create: (context) => ({
    activity(f) {
      const at: Address = f.activity.label.at;
      context.flag(at, 'code', { code: f.activity.code, cell: 'A8' }, { found: f.activity.code });
      context.flag(at, 'plain');
      if (at.row < 0) {
        context.flag(at, 'code', () => ({ code: 'x', cell: 'y' }));
        // @ts-expect-error a placeholder missing from the data a function returns
        context.flag(at, 'code', () => ({ code: 'x' }));
        // @ts-expect-error a misspelt message id
        context.flag(at, 'cod', { code: 'x', cell: 'y' });
        // @ts-expect-error a placeholder missing
        context.flag(at, 'code', { code: 'x' });
        // @ts-expect-error a placeholder the template does not have
        context.flag(at, 'code', { code: 'x', cell: 'y', other: 1 });
        // @ts-expect-error data for a template without placeholders
        context.flag(at, 'plain', { code: 'x' });
        // @ts-expect-error data is required when the template has placeholders
        context.flag(at, 'code');
      }
    },
  }),
});

describe('defineRule', () => {
  it('reads the placeholders of a template as a type', () => {
    const names: Placeholders<'dice {found}; según los meses es {expected}.'>[] = ['found', 'expected'];
    // @ts-expect-error not a placeholder of the template
    const wrong: Placeholders<'dice {found}.'> = 'expected';
    expect([...names, wrong]).toHaveLength(3);
  });

  it('carries the message id and fills the data on every observation', () => {
    const grid = buildGrid({ spec: sheet() });
    const model = parseSheet(grid, findLayout(grid)!);
    const observations = runRules([demo], model, computeFigures(model, FECHA_CORTE), { sheet: 'S', fechaCorte: FECHA_CORTE, grid });
    expect(observations.map((o) => [o.messageId, o.cell, o.message])).toEqual([
      ['code', 'A8', `La AO ${model.activities[0].code} está en A8.`],
      ['plain', 'A8', 'Sin datos.'],
    ]);
    expect(observations[0].found).toBe(model.activities[0].code);
    expect('found' in observations[1]).toBe(false);
  });

  it('keeps the engine ids out of the rules', () => {
    expect(() => checkRegistry([{ ...demo, meta: { ...demo.meta, messages: { omitted: 'Otra cosa.' } } }])).toThrow(/reservado/);
    expect(() => checkRegistry(RULES)).not.toThrow();
  });
});

describe('the rule tester', () => {
  const rule = RULES.find((r) => r.meta.id === 'stated-percent')!;
  it('rejects two valid cases that build the same sheet, whatever their names', () => {
    expect(() => checkCases(rule, { valid: [sheet(), { name: 'otro nombre', spec: sheet() }], invalid: [] })).toThrow(/valid #2 repite el caso valid #1/);
  });
  it('rejects two identical invalid cases', () => {
    const c = { spec: sheet({ percent: 57 }), errors: [{ cell: 'N8', messageId: 'mismatch' }] };
    expect(() => checkCases(rule, { valid: [], invalid: [c, { ...c, name: 'copia' }] })).toThrow(/invalid #2 repite/);
  });
  it('accepts cases that differ in a cell or in the fecha de corte', () => {
    const valid = [sheet(), { spec: sheet(), cells: { A1: 'Título' } }, { spec: sheet(), fechaCorte: '2023-12-31' }];
    const invalid = [{ spec: sheet({ percent: 57 }), errors: [{ cell: 'N8', messageId: 'mismatch' }] }];
    expect(() => checkCases(rule, { valid, invalid })).not.toThrow();
  });
  it('rejects a rule whose message no invalid case produces', () => {
    const twoMessages = RULES.find((r) => r.meta.id === 'missing-activity-label')!;
    const c = { spec: sheet(), cells: { A8: null }, errors: [{ cell: 'A8', messageId: 'blank' }] };
    expect(() => checkCases(twoMessages, { valid: [], invalid: [c] })).toThrow(/ningún caso inválido produce unreadable/);
  });
  it('rejects an unknown message id and an invalid case without errors', () => {
    expect(() => checkCases(rule, { valid: [], invalid: [{ spec: sheet({ percent: 57 }), errors: [{ cell: 'N8', messageId: 'nope' }] }] })).toThrow(
      /no tiene el mensaje nope/,
    );
    expect(() => checkCases(rule, { valid: [], invalid: [{ spec: sheet({ percent: 57 }), errors: [] }] })).toThrow(/debe ir en valid/);
  });
});
