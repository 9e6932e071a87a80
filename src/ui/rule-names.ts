/**
 * A short Spanish name per rule, for filters and tooltips. The id stays what `--config`
 * and the Observaciones sheet use; a rule without a name here shows its engine description.
 */
import { RULES } from '../engine/rules';

const NAMES: Readonly<Record<string, string>> = {
  'activity-outside-strategic-action': 'AO fuera de una AEI',
  'blank-programmed-month': 'Mes programado vacío',
  'duplicate-activity-code': 'Código de AO repetido',
  'empty-strategic-action': 'AEI sin AO',
  'financial-months-mismatch': 'Meses financieros distintos de los físicos',
  'financial-overexecution': 'Sobreejecución financiera',
  'misnamed-strategic-action-line': 'Línea de AEI con otro código',
  'misplaced-strategic-action': 'AEI bajo otra OEI',
  'missing-activity-label': 'AO sin rótulo',
  'missing-executed-row': 'AO sin fila EJECUTADO',
  'missing-strategic-action-line': 'AEI sin su línea de ejecución',
  'money-without-physical-progress': 'Gasto sin avance físico',
  'negative-value': 'Cifra negativa',
  'noncontiguous-month-columns': 'Columnas de meses no seguidas',
  'nonstandard-value-spelling': 'Valor escrito distinto de CEPLAN',
  'number-stored-as-text': 'Número guardado como texto',
  'orphan-executed-row': 'EJECUTADO sin PROGRAMADO',
  'overdue-tracking': 'Registro vencido (S.I.)',
  'physical-overexecution': 'Sobreejecución física',
  'physical-progress-without-money': 'Avance físico sin gasto',
  'stated-aei-line': 'Ejecución por AEI distinta',
  'stated-financial-accumulated': 'Acumulado financiero distinto',
  'stated-percent': 'AVANCE % distinto',
  'stated-physical-accumulated': 'Acumulado físico distinto',
  'stated-total': 'Total del reporte distinto',
  'stated-traffic-light': 'Conteo del semáforo distinto',
  'strategic-action-outside-objective': 'AEI fuera de una OEI',
  'text-in-number-cell': 'Texto en una celda de cifras',
  'unknown-aggregation-type': 'Tipo de agregación desconocido',
  'unknown-priority-level': 'Nivel de prioridad desconocido',
  'unrecognised-row': 'Fila no reconocida',
};

const DESCRIPTIONS = new Map(RULES.map((r) => [r.meta.id, r.meta.description]));

/** «AVANCE % distinto» for `stated-percent`; an unknown id is shown as it is. */
export function ruleName(id: string): string {
  return NAMES[id] ?? DESCRIPTIONS.get(id) ?? id;
}

/** The engine's one-line description of what the rule finds. */
export function ruleDescription(id: string): string | undefined {
  return DESCRIPTIONS.get(id);
}
