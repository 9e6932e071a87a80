import rule from '../../../src/engine/rules/unknown-aggregation-type';
import { closestKnown, editDistance } from '../../../src/engine/rules/closest';
import { AGGREGATION_TYPES } from '../../../src/engine/rules/known-values';
import { ruleTester } from './rule-tester';
import { sheet } from './sheets';

ruleTester(rule, {
  valid: [
    sheet({ aggregation: 'Acumulado Anual' }, { aggregation: 'Acumulado Mensual' }, { aggregation: 'No Acumulado' }),
    { name: 'other case and spaces are read (nonstandard-value-spelling notes them)', spec: sheet({ aggregation: 'Acumulado anual ' }) },
  ],
  invalid: [
    {
      spec: sheet({ aggregation: 'Acumulado anul' }),
      errors: [{ cell: 'E8', messageId: 'unknown', message: '¿quiso decir «Acumulado Anual»?', expected: 'Acumulado Anual', found: 'Acumulado anul' }],
    },
    {
      name: 'one word of a type',
      spec: sheet({ aggregation: 'mensual' }),
      errors: [{ cell: 'E8', messageId: 'unknown', expected: 'Acumulado Mensual' }],
    },
    {
      name: 'nothing close, and a blank',
      spec: sheet({ aggregation: 'Promedio' }, { aggregation: '' }),
      errors: [
        { cell: 'E8', messageId: 'unknownNoSuggestion', message: '«Promedio» no es un tipo conocido', found: 'Promedio' },
        { cell: 'E10', messageId: 'blank' },
      ],
    },
    {
      name: 'the column is missing from the header',
      spec: sheet(),
      cells: { E4: 'TIPO' },
      errors: [{ cell: 'A4', messageId: 'missingColumn' }],
    },
  ],
});

describe('closest known value', () => {
  it('measures edits', () => {
    expect(editDistance('ACUMULADO ANUL', 'ACUMULADO ANUAL')).toBe(1);
    expect(editDistance('', 'ABC')).toBe(3);
    expect(editDistance('KITTEN', 'SITTING')).toBe(3);
  });
  it('suggests by accents, case and spaces, a whole word, or a few edits', () => {
    expect(closestKnown('Acumulado anual ', AGGREGATION_TYPES)).toBe('Acumulado Anual');
    expect(closestKnown('ANUAL', AGGREGATION_TYPES)).toBe('Acumulado Anual');
    expect(closestKnown('No acumulativo', AGGREGATION_TYPES)).toBe('No Acumulado');
    expect(closestKnown('Acum. Mensual', AGGREGATION_TYPES)).toBe('Acumulado Mensual');
    expect(closestKnown('Promedio', AGGREGATION_TYPES)).toBeNull();
    expect(closestKnown('  ', AGGREGATION_TYPES)).toBeNull();
  });
});
