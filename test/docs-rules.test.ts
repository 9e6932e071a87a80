import { readFileSync } from 'node:fs';
import { renderRulesDoc, RULES_MD } from '../scripts/docs-rules';

describe('docs/rules.md', () => {
  it('is what `npm run docs:rules` generates from the registry', () => {
    const committed = readFileSync(RULES_MD, 'utf8');
    // On failure: run `npm run docs:rules` and commit docs/rules.md.
    expect(committed).toBe(renderRulesDoc());
  });
});
