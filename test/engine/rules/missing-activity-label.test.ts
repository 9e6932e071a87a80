import rule from '../../../src/engine/rules/missing-activity-label';
import { ruleTester } from './rule-tester';
import { sheet } from './sheets';

ruleTester(rule, {
  valid: [sheet(), sheet({ label: 'AOI30126400197 - LIMPIEZA PÚBLICA' }), sheet({ label: 'AO30126400197 – LIMPIEZA PÚBLICA' })],
  invalid: [
    {
      name: 'a blank label cell',
      spec: sheet({ label: null }),
      errors: [{ cell: 'A8', messageId: 'blank', message: 'en A8' }],
    },
    {
      name: 'a name without its code',
      spec: sheet({ label: 'Limpieza pública' }),
      errors: [{ cell: 'A8', messageId: 'unreadable', message: '«Limpieza pública» no es un rótulo de AO', found: 'Limpieza pública' }],
    },
  ],
});
