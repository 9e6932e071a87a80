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
  create: (context) => {
    const seen = new Map<string, string>();
    return {
      activity(f) {
        const { code, label } = f.activity;
        const first = seen.get(code);
        if (first) context.flag(label.at, 'repeated', { code, first }, { found: code });
        else seen.set(code, toA1(label.at));
      },
    };
  },
});
