import rule from '../../../src/engine/rules/unknown-priority-level';
import { ruleTester } from './rule-tester';
import { sheet } from './sheets';

ruleTester(rule, {
  valid: [sheet({ priority: 'Muy Alta' }, { priority: 'Alta' }, { priority: 'Media' }, { priority: 'Baja' }), sheet({ priority: 'MUY ALTA' })],
  invalid: [
    {
      spec: sheet({ priority: 'Medio' }),
      errors: [{ cell: 'C8', messageId: 'unknown', message: '«Medio» no es un nivel conocido; ¿quiso decir «Media»?', expected: 'Media', found: 'Medio' }],
    },
    {
      spec: sheet({ priority: 'Urgente' }, { priority: '' }),
      errors: [
        { cell: 'C8', messageId: 'unknownNoSuggestion', found: 'Urgente' },
        { cell: 'C10', messageId: 'blank' },
      ],
    },
    {
      name: 'the column is missing from the header',
      spec: sheet(),
      cells: { C4: 'NIVEL' },
      errors: [{ cell: 'A4', messageId: 'missingColumn' }],
    },
  ],
});
