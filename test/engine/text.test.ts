/**
 * normalizeLabel's letter-by-letter path for Latin text gives exactly what its definition
 * (normalizeAny: decompose, drop accents, upper case, one space) gives.
 */
import { LATIN_LIMIT, normalizeAny, normalizeLabel } from '../../src/engine/grid/text';

describe('normalizeLabel', () => {
  it('reads the labels of a report', () => {
    expect(normalizeLabel('  Acumulado  anual ')).toBe('ACUMULADO ANUAL');
    expect(normalizeLabel('EJECUCIÓN FÍSICA POR AEI.01.01:')).toBe('EJECUCION FISICA POR AEI.01.01:');
    expect(normalizeLabel('Niño\u00a0\tañoß')).toBe('NINO ANOSS');
  });

  it('agrees with its definition on every Latin character and every pair of them', () => {
    const differing: string[] = [];
    for (let a = 0; a < LATIN_LIMIT; a++) {
      const one = String.fromCharCode(a);
      if (normalizeLabel(one) !== normalizeAny(one)) differing.push(one);
      for (let b = 0; b < LATIN_LIMIT; b += 1) {
        const two = String.fromCharCode(a, b);
        if (normalizeLabel(two) !== normalizeAny(two)) differing.push(two);
      }
    }
    expect(differing).toEqual([]);
  });

  it('agrees with its definition on text beyond Latin (Greek, combining accents, wide spaces)', () => {
    for (const text of ['ΣΊΣΥΦΟΣ ς', 'e\u0301xito', ' a\u2003\u3000b ', 'ǰŉ ﬁ', 'Ⅻ ⓐ']) expect(normalizeLabel(text)).toBe(normalizeAny(text));
  });
});

describe('normalizeLabel of a number’s text', () => {
  it('is the text itself when it has no exponent (the parser skips it for amounts)', () => {
    const numbers = [0, -0, 1, -1, 12.5, -2500.75, 1234567.89, 0.001, 1 / 3, 2 ** 40, -123456789012, 1e20, 1e-7, 1.5e300];
    for (const n of numbers) {
      const text = String(n);
      if (text.includes('e')) expect(normalizeLabel(text)).not.toBe(text);
      else expect(normalizeLabel(text)).toBe(text);
    }
  });
});
