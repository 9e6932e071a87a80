import rule from '../../../src/engine/rules/unrecognised-row';
import { ruleTester } from './rule-tester';
import { sheet } from './sheets';

ruleTester(rule, {
  valid: [sheet(), { name: 'footnotes, blank rows and repeated headers', spec: { ...sheet({}, {}, {}), repeatHeaderEvery: 2 } }],
  invalid: [
    {
      name: 'a note away from column A',
      spec: sheet(),
      cells: { C17: 'Revisado por: Juan Pérez' },
      errors: [{ cell: 'C17', messageId: 'unrecognised', message: '(«Revisado por: Juan Pérez»)', found: 'Revisado por: Juan Pérez' }],
    },
    {
      name: 'an AO whose PROGRAMADO is misspelt',
      spec: sheet({ code: 'AOI30126400197', name: 'LIMPIEZA' }),
      cells: { F8: 'PROGRAMADA' },
      errors: [{ cell: 'A8', messageId: 'unrecognised', message: '(«AOI30126400197 - LIMPIEZA | GERENCIA DE PLANEAMIENTO | Muy Alta | INFORME | Acu…»)' }],
    },
  ],
});
