import type { CellValue } from '../grid/cell';
import { isBlank } from '../grid/text';
import type { Activity, Located, ReportColumns } from '../model';
import { closestKnown } from './closest';
import { defineRule, type Rule, type RuleMeta } from './define-rule';
import { showValue } from './format';

/** What differs between two "column of known values" rules. */
export interface KnownValueColumn<T extends string> {
  readonly meta: Omit<RuleMeta, 'category' | 'messages'>;
  /** The column's title as the header prints it: «TIPO DE AGREGACIÓN». */
  readonly title: string;
  /** «un tipo conocido», «un nivel conocido». */
  readonly noun: string;
  /** The values CEPLAN writes, in the order a message lists them. */
  readonly known: readonly T[];
  readonly column: (columns: ReportColumns) => number;
  readonly cell: (activity: Activity) => Located<CellValue>;
  /** The AO's cell holds a known value (whatever its spelling). */
  readonly recognised: (activity: Activity) => boolean;
  /** The value the figures use meanwhile, when the rule's value changes a figure. */
  readonly fallback?: string;
}

/** "a, b o c". */
const orList = (items: readonly string[]): string =>
  items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} o ${items[items.length - 1]}`;

/**
 * One rule per column whose cells must hold one of a few known values (TIPO DE AGREGACIÓN,
 * NIVEL DE PRIORIDAD): an unknown value with the closest known one as a suggestion, a blank
 * cell, or the column missing from the header.
 */
export function knownValueRule<T extends string>(spec: KnownValueColumn<T>) {
  const { title, noun, fallback } = spec;
  const choices = orList(spec.known);
  const meanwhile = fallback ? ` Mientras tanto se calculó como ${fallback}.` : '';
  const correctMeanwhile = fallback ? `: mientras tanto se calculó como ${fallback}` : '';
  const restore = fallback ? `todas las AO se calcularon como ${fallback}. Restituya` : 'restituya';
  // Templates as const: the compiler reads their placeholders (a conditional would widen them to string).
  const messages = {
    unknown: `${title} «{found}» no es ${noun}; ¿quiso decir «{suggestion}»? Corríjalo${correctMeanwhile}.`,
    unknownNoSuggestion: `${title} «{found}» no es ${noun}: escriba ${choices}.${meanwhile}`,
    blank: `${title} vacío: escriba ${choices}.${meanwhile}`,
    missingColumn: `No se encontró la columna ${title} en el encabezado: ${restore} la columna con su título.`,
  } as const;
  return defineRule({
    meta: { ...spec.meta, category: 'values', messages },
    create: (context) => {
      const { columns, headerRow } = context.model.layout;
      const hasColumn = spec.column(columns) >= 0;
      return {
        activity(f) {
          if (!hasColumn || spec.recognised(f.activity)) return;
          const { value, at } = spec.cell(f.activity);
          if (isBlank(value)) return void context.flag(at, 'blank', {}, { found: value });
          const found = showValue(value);
          const suggestion = closestKnown(found, spec.known);
          if (suggestion) context.flag(at, 'unknown', { found, suggestion }, { expected: suggestion, found: value });
          else context.flag(at, 'unknownNoSuggestion', { found }, { found: value });
        },
        end() {
          if (!hasColumn && context.model.activities.length > 0) context.flag({ row: headerRow, col: columns.label }, 'missingColumn');
        },
      };
    },
  }) satisfies Rule<typeof messages>;
}
