import { RULES } from '../../src/engine/rules';
import { ruleName } from '../../src/ui/rule-names';

describe('Spanish rule names', () => {
  it('names every rule of the registry in Spanish, each name once (a new rule needs its name)', () => {
    const names = RULES.map((r) => ruleName(r.meta.id));
    RULES.forEach((r, i) => expect([r.meta.id, names[i]]).not.toEqual([r.meta.id, r.meta.id]));
    expect(names.filter((n) => /\b[a-z]+-[a-z]+\b/.test(n))).toEqual([]);
    expect(new Set(names).size).toBe(names.length);
  });

  it('shows an unknown id as it is', () => {
    expect(ruleName('no-such-rule')).toBe('no-such-rule');
  });
});
