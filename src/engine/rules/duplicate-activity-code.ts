import { toA1 } from '../grid/a1';
import { defineRule } from './define-rule';

export default defineRule({
  meta: {
    id: 'duplicate-activity-code',
    severity: 'warning',
    category: 'structure',
    spec: 'poi-rules.md §2.11 and the closing note on repeated codes',
    description: 'El mismo código de AO aparece en más de un par PROGRAMADO/EJECUTADO.',
    rationale: 'Cada AO tiene un código único en el aplicativo CEPLAN: un código repetido suele ser una AO copiada o mal codificada, y cuenta dos veces en los promedios.',
    example: 'AOI30126400167 en la fila 210 y otra vez en la fila 214, con datos distintos.',
    messages: {
      repeated: 'El código {code} ya apareció en {first}: revise si es la misma AO o un código mal copiado.',
    },
  },
  create: (context) => ({
    // One pass at the end over the codes: no address text is built until a code repeats.
    end() {
      const activities = context.model.activities;
      // The index of each code's first AO: its address is built only when the code repeats.
      const first = new Map<string, number>();
      for (let i = 0; i < activities.length; i++) {
        // The label (built when read by a printed report's AO) only for a repeat.
        const code = activities[i].code;
        const at = first.get(code);
        if (at === undefined) first.set(code, i);
        else context.flag(activities[i].label.at, 'repeated', { code, first: toA1(activities[at].label.at) }, { found: code });
      }
    },
  }),
});
