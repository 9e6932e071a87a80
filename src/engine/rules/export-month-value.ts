import { exportView } from '../flat/cells';
import type { Measure, Phase } from '../flat/types';
import { readNumber } from '../grid/text';
import { CELL_NEGATIVE, CELL_NOT_A_NUMBER, type ActivityRow } from '../model';
import { defineRule } from './define-rule';
import { showValue } from './format';

/** Excel's error values as hosts deliver them (their text). */
const EXCEL_ERROR = /^#(N\/A|NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|GETTING_DATA|SPILL!|CALC!)$/i;

export default defineRule({
  meta: {
    id: 'export-month-value',
    severity: 'error',
    category: 'values',
    spec: 'flat-export.md §2.2–2.3; poi-rules.md §2.1–2.2',
    description: 'En la exportación, un mes que cuenta (fase programada o SE, físico o financiero) es negativo, un texto o un error de Excel.',
    rationale: 'Las cifras de cada fila de la AO se suman: un negativo resta, y un texto o un error se cuenta como 0, así que el acumulado, el AVANCE % y los totales salen mal.',
    example: 'F(SE) 04 de la fila 38 dice «pendiente»; Fn(RE) 02 de la fila 12 es -1,200.',
    messages: {
      negative: '{where} es {found}, una cifra negativa que resta del acumulado: corríjala en el Aplicativo y vuelva a exportar.',
      text: '{where} dice «{found}», que no es un número: registre la cifra (0 si no hubo) en el Aplicativo. Se calculó como 0.',
      error: '{where} tiene el error {found}: la celda no tiene cifra. Vuelva a exportar del Aplicativo o escriba la cifra. Se calculó como 0.',
    },
  },
  create: (context) => {
    const view = exportView(context.model, context.grid);
    if (!view) return {};
    return {
      activity(f) {
        const source = view.source(f.activity.index);
        const { programmed, executed } = f.activity;
        // These are the period's cells of the AO's two rows (programmed phase and SE): an AO of
        // one row whose month bits show no negative and no text (nearly every one) has none to report.
        if (source.rows.length === 1 && ((rowBits(programmed) | rowBits(executed)) & (CELL_NEGATIVE | CELL_NOT_A_NUMBER)) === 0) return;
        for (let b = 0; b < 4; b++) {
          const measure: Measure = b % 2 === 0 ? 'F' : 'Fn';
          const phase: Phase | null = b === 0 ? source.programmedPhase : b === 1 ? source.financialProgrammedPhase : 'SE';
          const block = phase ? view.block(measure, phase) : null;
          if (!block) continue;
          const cols = view.periodColumns(block);
          for (const row of source.rows) {
            for (const { col } of cols) {
              const raw = view.value(row, col);
              if (raw === null || (typeof raw === 'number' && raw >= 0)) continue;
              const read = readNumber(raw);
              const data = (): { where: string; found: string } => ({ where: view.where(row, col), found: showValue(read.value ?? raw) });
              const at = { row, col };
              if (read.value !== null && read.value < 0) context.flag(at, 'negative', data, { found: raw });
              else if (read.problem === 'not-a-number') context.flag(at, typeof raw === 'string' && EXCEL_ERROR.test(raw.trim()) ? 'error' : 'text', data, { found: raw });
            }
          }
        }
      },
    };
  },
});

/** The CELL_* bits of both blocks of a row (0 without one). */
function rowBits(row: ActivityRow | null): number {
  return row ? row.physicalBits | row.financialBits : 0;
}
