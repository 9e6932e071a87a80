/**
 * npm run docs:rules: writes docs/rules.md from the rule registry (src/engine/rules), so
 * the catalogue cannot drift from the code. test/docs-rules.test.ts regenerates it in
 * memory and fails when the committed file is not current.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { HEADER_NOT_FOUND } from '../src/engine/analyze';
import { RULES } from '../src/engine/rules';
import type { Rule, RuleCategory, RuleMeta } from '../src/engine/rules/define-rule';
import { INTERNAL_MESSAGE_ID, MAX_OBSERVATIONS_PER_RULE, OMITTED_MESSAGE_ID } from '../src/engine/rules/run-rules';

export const RULES_MD = join(__dirname, '..', 'docs', 'rules.md');

/** One entry of the catalogue: a rule module, or an observation analyze() makes itself. */
interface Entry {
  readonly meta: Omit<RuleMeta, 'messages'> & { readonly messages: Readonly<Record<string, string>> };
  readonly source: string | null;
  readonly test: string | null;
}

/**
 * `header-not-found` is not a rule module: without a header there is no model to walk,
 * so analyze() reports it and stops (src/engine/analyze.ts).
 */
export const HEADER_NOT_FOUND_META: Entry['meta'] = {
  id: HEADER_NOT_FOUND,
  severity: 'error',
  category: 'structure',
  spec: 'poi-rules.md §1 (header, 2 rows)',
  description:
    'La hoja no tiene el encabezado del Reporte de seguimiento del POI (OBJETIVO ESTRATEGICO …, PROG./ EJE., FISICO con sus meses y AVANCE ACUMULADO / AVANCE %, FINANCIERO con sus meses y AVANCE ACUMULADO) en sus primeras 60 filas.',
  rationale:
    'Las columnas se encuentran por sus títulos, nunca por letras fijas: sin encabezado no se puede leer ninguna AO, así que no se calcula ni se escribe nada y las demás reglas no corren.',
  example: 'Se eligió la hoja «Datos» en vez de «Reporte POI», o se borró la fila con PROG./ EJE.',
  messages: {
    'header-not-found':
      'No se encontró el encabezado del Reporte de seguimiento del POI (OBJETIVO ESTRATEGICO …, PROG./ EJE., FISICO con sus meses, FINANCIERO). Elija la hoja del reporte o revise que el encabezado no haya sido modificado.',
  },
};

const CATEGORIES: readonly { key: RuleCategory; title: string; intro: string }[] = [
  {
    key: 'structure',
    title: 'Estructura',
    intro: 'El orden OEI → AEI → AO, los pares PROGRAMADO/EJECUTADO, las líneas POR AEI y el encabezado de meses.',
  },
  {
    key: 'values',
    title: 'Valores',
    intro: 'Lo que los planificadores escriben en las celdas de entrada: cifras legibles, sin negativos, y tipos y prioridades conocidos.',
  },
  {
    key: 'stated',
    title: 'Cifras escritas frente a calculadas',
    intro: 'Las celdas calculadas (acumulados, AVANCE %, líneas POR AEI, totales, semáforo) que dicen algo distinto de lo que resulta de los meses. Una celda calculada vacía no se señala: es una celda por llenar.',
  },
  {
    key: 'planning',
    title: 'Sentido de la planificación',
    intro: 'Cifras coherentes entre sí que aun así merecen una pregunta antes de informar.',
  },
];

const SEVERITY_TEXT: Readonly<Record<string, string>> = {
  error: 'error',
  warning: 'advertencia (warning)',
  info: 'información (info)',
};

const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function entries(rules: readonly Rule[]): Entry[] {
  const list: Entry[] = rules.map((r) => ({
    meta: r.meta,
    source: `src/engine/rules/${r.meta.id}.ts`,
    test: `test/engine/rules/${r.meta.id}.test.ts`,
  }));
  list.push({ meta: HEADER_NOT_FOUND_META, source: 'src/engine/analyze.ts', test: 'test/engine/layout.test.ts' });
  return list.sort((a, b) => (a.meta.id < b.meta.id ? -1 : a.meta.id > b.meta.id ? 1 : 0));
}

function section(e: Entry): string[] {
  const m = e.meta;
  const category = CATEGORIES.find((c) => c.key === m.category)?.title ?? m.category;
  const lines = [
    `### ${m.id}`,
    '',
    `- **Severidad:** ${SEVERITY_TEXT[m.severity] ?? m.severity}`,
    `- **Categoría:** ${category}`,
    `- **Especificación:** ${m.spec}`,
  ];
  if (e.source) lines.push(`- **Código:** [${e.source}](../${e.source})${e.test ? ` · **prueba:** [${e.test}](../${e.test})` : ''}`);
  lines.push(
    '',
    `**Qué encuentra.** ${m.description}`,
    '',
    `**Por qué importa.** ${m.rationale}`,
    '',
    `**Ejemplo.** ${m.example}`,
    '',
    '**Mensajes:**',
    '',
    ...Object.entries(m.messages).map(([id, template]) => `- \`${id}\`: ${template}`),
    '',
  );
  return lines;
}

/** For whoever adds a rule: the typed API in a few lines. */
const WRITING_A_RULE = [
  '## Escribir una regla',
  '',
  'Un archivo `src/engine/rules/<id>.ts` con `defineRule`, una línea en `src/engine/rules/index.ts`, su prueba con `ruleTester` y `npm run docs:rules`. Los ids de mensaje y los `{marcadores}` de cada plantilla son tipos: un id mal escrito, un dato que falta o que sobra no compila.',
  '',
  '```ts',
  "export default defineRule({",
  "  meta: { id: 'stated-percent', severity: 'error', category: 'stated', spec: '…', description: '…', rationale: '…', example: '…',",
  "    messages: { mismatch: 'AVANCE % dice {found}; según los meses es {expected}.' } },",
  '  create: (context) => ({',
  '    activity(f) {',
  '      // context.flag(celda, messageId, datos de la plantilla, { expected, found })',
  "      context.flag(f.activity.percent!.at, 'mismatch', { found: '57', expected: '50' }, { expected: 50, found: 57 });",
  '    },',
  '  }),',
  '});',
  '',
  "ruleTester(rule, { valid: [sheet()], invalid: [{ spec: sheet({ percent: 57 }), errors: [{ cell: 'N8', messageId: 'mismatch' }] }] });",
  '```',
  '',
  'La prueba compara las observaciones de la regla exactamente (cantidad, orden, celda, `messageId`, severidad) rechaza dos casos válidos o inválidos iguales y exige un caso inválido para cada mensaje. Las columnas de valores conocidos (como TIPO DE AGREGACIÓN) usan la fábrica `knownValueRule` de `src/engine/rules/known-value-rule.ts`.',
  '',
  'Una regla que puede señalar miles de celdas pasa los datos del mensaje como función (`context.flag(celda, id, () => ({ … }), valores)`): solo se llama para las observaciones que se muestran, no para las que pasan del tope y solo se cuentan. Una regla que busca celdas de mes raras (texto, negativos, vacíos) declara `activityFlags` con los bits de `monthFlags` (`src/engine/rules/cells.ts`): el recorrido la llama solo para las AO que los tienen. Pasado el tope, `context.capped()` es verdadero: una regla así puede contar sus celdas por sus bits (`countMonthCells`) y entregar la cuenta con `context.skip(n, () => celdaDeLaPrimera)`, sin construir ninguna.',
  '',
];

/** docs/rules.md as the registry says it should be. */
export function renderRulesDoc(rules: readonly Rule[] = RULES): string {
  const all = entries(rules);
  const out: string[] = [
    '# Reglas de Semáforo POI',
    '',
    '<!-- Generado por `npm run docs:rules` (scripts/docs-rules.ts) desde el registro src/engine/rules/index.ts. No lo edite a mano: test/docs-rules.test.ts falla si este archivo no está al día. -->',
    '',
    'Cada regla es un archivo `src/engine/rules/<id>.ts` (su id es un sustantivo en kebab-case para la inconsistencia), con su prueba `test/engine/rules/<id>.test.ts` y su sección aquí. Las reglas leen las cifras ya calculadas; no vuelven a calcular.',
    '',
    'Las referencias «poi-rules.md §…» remiten a la especificación del proyecto (*The POI monitoring workbook: layout and rules*), que recoge las notas (i)–(vii) del reporte de CEPLAN.',
    '',
    'Cada observación lleva la regla, el id de su mensaje (`messageId`, uno de los que lista cada regla abajo), la severidad, la hoja, la celda (A1), la fila, el mensaje (qué está mal y qué hacer) y, cuando aplica, el valor esperado y el encontrado.',
    '',
    `**Tope por regla.** Cada regla informa a lo sumo ${MAX_OBSERVATIONS_PER_RULE} observaciones por hoja, en el orden en que las encuentra (de arriba abajo). Si encuentra más, agrega una observación más, con la misma regla y severidad, \`messageId\` \`${OMITTED_MESSAGE_ID}\` y el campo \`omitted\` con la cantidad que no se muestra, en la celda de la primera omitida: «Hay N observaciones más de la regla … desde … que no se muestran (se muestran las primeras ${MAX_OBSERVATIONS_PER_RULE}): corrija las mostradas y vuelva a revisar el reporte para ver las demás.» Así una hoja llena de ruido no produce un millón de observaciones, y el código de salida de \`poi-check\` no cambia. Lo aplica el motor (src/engine/rules/run-rules.ts), así que la línea de comandos, la página y el complemento muestran lo mismo.`,
    '',
    `Si una regla falla por un defecto de la herramienta, sus resultados faltan y en su lugar aparece una observación de error con \`messageId\` \`${INTERNAL_MESSAGE_ID}\` y \`internal: true\`; las demás reglas corren igual.`,
    '',
    'Severidades: **error**, la cifra del reporte sale mal o una parte no se puede leer; **advertencia**, la cifra se calcula pero algo merece revisarse antes de informar; **información**, un detalle de forma. La severidad de cada regla se cambia, o se apaga con `off`, con la opción `severities` de `analyze()`.',
    '',
    `## Resumen (${all.length} reglas)`,
    '',
    '| Regla | Severidad | Categoría | Qué encuentra |',
    '|---|---|---|---|',
    ...all.map(
      (e) =>
        `| [${e.meta.id}](#${e.meta.id}) | ${e.meta.severity} | ${CATEGORIES.find((c) => c.key === e.meta.category)?.title ?? e.meta.category} | ${cell(e.meta.description)} |`,
    ),
    '',
  ];
  for (const c of CATEGORIES) {
    const inCategory = all.filter((e) => e.meta.category === c.key);
    if (inCategory.length === 0) continue;
    out.push(`## ${c.title}`, '', c.intro, '');
    for (const e of inCategory) out.push(...section(e));
  }
  out.push(...WRITING_A_RULE);
  return out.join('\n');
}

if (require.main === module) {
  writeFileSync(RULES_MD, renderRulesDoc());
  console.log(`Escrito ${RULES_MD} (${RULES.length} reglas y ${HEADER_NOT_FOUND})`);
}
