import { defineRule } from './define-rule';
import { statedMismatch } from './stated';

const BANDS = { red: '< 75%', yellow: '75% - 95%', green: '> 95%' } as const;

export default defineRule({
  meta: {
    id: 'stated-traffic-light',
    severity: 'error',
    category: 'stated',
    spec: 'poi-rules.md §2.12',
    description: 'Un conteo de la tabla del semáforo no es el que resulta de las cifras.',
    rationale: 'El semáforo resume el desempeño de la entidad; un conteo mal hecho cambia la lectura del semestre.',
    example: 'Actividades Operativas, > 95%: dice 185; hay 190 AO con AVANCE % mayor que 95.',
    messages: {
      mismatch: 'Semáforo, {row} {band}: dice {found}; según las cifras son {expected}. Corríjalo o use «Recalcular y escribir».',
    },
  },
  create: (context) => ({
    end() {
      const table = context.model.trafficLight;
      if (!table) return;
      const rows = [
        ['Acciones Estratégicas', table.aei, context.figures.trafficLight.aei],
        ['Actividades Operativas', table.ao, context.figures.trafficLight.ao],
      ] as const;
      for (const [name, row, counts] of rows) {
        if (!row) continue;
        for (const band of ['red', 'yellow', 'green'] as const) {
          const m = statedMismatch(row.counts[band], counts[band]);
          if (m) context.flag(m.at, 'mismatch', () => ({ row: name, band: BANDS[band], ...m.shown() }), m.values);
        }
      }
    },
  }),
});
