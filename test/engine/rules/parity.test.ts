/**
 * Parity: every rule file has its registry entry, its test and its section in
 * docs/rules.md, and every registry entry, rule test and section has its rule file.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HEADER_NOT_FOUND, RULES } from '../../../src/engine';
import type { Rule } from '../../../src/engine/rules/define-rule';

const ROOT = join(__dirname, '..', '..', '..');
const RULES_DIR = join(ROOT, 'src', 'engine', 'rules');
const TESTS_DIR = __dirname;
/** Test files here that are not about one rule. */
const OTHER_TESTS = ['clean-workbook', 'define-rule', 'parity', 'rule-tester', 'run-rules'];

const isRule = (x: unknown): x is Rule =>
  typeof x === 'object' && x !== null && 'meta' in x && 'create' in x && typeof (x as Rule).create === 'function';

/** Rule files: modules of src/engine/rules whose default export is a rule (the rest are helpers). */
const ruleFiles = readdirSync(RULES_DIR)
  .filter((f) => f.endsWith('.ts'))
  .map((f) => ({ name: f.replace(/\.ts$/, ''), module: jest.requireActual<{ default?: unknown }>(join(RULES_DIR, f)) }))
  .filter((m) => isRule(m.module.default))
  .map((m) => ({ name: m.name, rule: m.module.default as Rule }));

const testFiles = readdirSync(TESTS_DIR)
  .filter((f) => f.endsWith('.test.ts'))
  .map((f) => f.replace(/\.test\.ts$/, ''))
  .filter((n) => !OTHER_TESTS.includes(n));

const docSections = [...readFileSync(join(ROOT, 'docs', 'rules.md'), 'utf8').matchAll(/^### (\S+)$/gm)].map((m) => m[1]);

const sorted = (xs: readonly string[]): string[] => [...xs].sort();

describe('rules parity', () => {
  it('finds the rule files', () => {
    expect(ruleFiles.length).toBeGreaterThanOrEqual(30);
  });
  it.each(ruleFiles.map((f) => [f.name, f.rule] as const))('%s: file named by its id, registered, tested, documented', (name, rule) => {
    expect(rule.meta.id).toBe(name);
    expect(RULES).toContain(rule);
    expect(existsSync(join(TESTS_DIR, `${name}.test.ts`))).toBe(true);
    expect(docSections).toContain(name);
  });
  it('has a rule file for every registry entry', () => {
    expect(sorted(RULES.map((r) => r.meta.id))).toEqual(sorted(ruleFiles.map((f) => f.name)));
  });
  it('has a rule file for every rule test', () => {
    expect(sorted(testFiles)).toEqual(sorted(ruleFiles.map((f) => f.name)));
  });
  it('has a rule file for every section of docs/rules.md, besides header-not-found', () => {
    expect(sorted(docSections)).toEqual(sorted([...ruleFiles.map((f) => f.name), HEADER_NOT_FOUND]));
  });
  it('tests the rule it is named after', () => {
    for (const name of testFiles) {
      const text = readFileSync(join(TESTS_DIR, `${name}.test.ts`), 'utf8');
      expect(text).toContain(`from '../../../src/engine/rules/${name}'`);
    }
  });
});
