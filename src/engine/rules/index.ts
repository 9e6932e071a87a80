import type { Rule } from './define-rule';
import { placeholders } from './format';
import { INTERNAL_MESSAGE_ID, OMITTED_MESSAGE_ID } from './run-rules';
import activityAfterTotals from './activity-after-totals';
import activityOutsideStrategicAction from './activity-outside-strategic-action';
import blankProgrammedMonth from './blank-programmed-month';
import dateInMonthCell from './date-in-month-cell';
import duplicateActivityCode from './duplicate-activity-code';
import emptyStrategicAction from './empty-strategic-action';
import exportExecutionWithoutProgramming from './export-execution-without-programming';
import exportInconsistentRows from './export-inconsistent-rows';
import exportMissingBlock from './export-missing-block';
import exportMonthValue from './export-month-value';
import exportPendingProposal from './export-pending-proposal';
import exportRowWithoutActivity from './export-row-without-activity';
import exportStatedTotal from './export-stated-total';
import exportUnknownAggregation from './export-unknown-aggregation';
import financialMonthsMismatch from './financial-months-mismatch';
import financialOverexecution from './financial-overexecution';
import hiddenActivityRow from './hidden-activity-row';
import misnamedStrategicActionLine from './misnamed-strategic-action-line';
import misplacedStrategicAction from './misplaced-strategic-action';
import missingActivityLabel from './missing-activity-label';
import missingExecutedRow from './missing-executed-row';
import missingStrategicActionLine from './missing-strategic-action-line';
import moneyWithoutPhysicalProgress from './money-without-physical-progress';
import negativeValue from './negative-value';
import noncontiguousMonthColumns from './noncontiguous-month-columns';
import nonstandardValueSpelling from './nonstandard-value-spelling';
import numberStoredAsText from './number-stored-as-text';
import orphanExecutedRow from './orphan-executed-row';
import overdueTracking from './overdue-tracking';
import physicalOverexecution from './physical-overexecution';
import physicalProgressWithoutMoney from './physical-progress-without-money';
import statedAeiLine from './stated-aei-line';
import statedFinancialAccumulated from './stated-financial-accumulated';
import statedPercent from './stated-percent';
import statedPhysicalAccumulated from './stated-physical-accumulated';
import statedTotal from './stated-total';
import statedTrafficLight from './stated-traffic-light';
import strategicActionOutsideObjective from './strategic-action-outside-objective';
import textInNumberCell from './text-in-number-cell';
import unknownAggregationType from './unknown-aggregation-type';
import unknownPriorityLevel from './unknown-priority-level';
import unprogrammedPhysicalProgress from './unprogrammed-physical-progress';
import unrecognisedRow from './unrecognised-row';
import valueUnderMerge from './value-under-merge';

/** Every rule, sorted by id. A new rule: its file, a line here, its test, `npm run docs:rules`. */
export const RULES: readonly Rule[] = [
  activityAfterTotals,
  activityOutsideStrategicAction,
  blankProgrammedMonth,
  dateInMonthCell,
  duplicateActivityCode,
  emptyStrategicAction,
  exportExecutionWithoutProgramming,
  exportInconsistentRows,
  exportMissingBlock,
  exportMonthValue,
  exportPendingProposal,
  exportRowWithoutActivity,
  exportStatedTotal,
  exportUnknownAggregation,
  financialMonthsMismatch,
  financialOverexecution,
  hiddenActivityRow,
  misnamedStrategicActionLine,
  misplacedStrategicAction,
  missingActivityLabel,
  missingExecutedRow,
  missingStrategicActionLine,
  moneyWithoutPhysicalProgress,
  negativeValue,
  noncontiguousMonthColumns,
  nonstandardValueSpelling,
  numberStoredAsText,
  orphanExecutedRow,
  overdueTracking,
  physicalOverexecution,
  physicalProgressWithoutMoney,
  statedAeiLine,
  statedFinancialAccumulated,
  statedPercent,
  statedPhysicalAccumulated,
  statedTotal,
  statedTrafficLight,
  strategicActionOutsideObjective,
  textInNumberCell,
  unknownAggregationType,
  unknownPriorityLevel,
  unprogrammedPhysicalProgress,
  unrecognisedRow,
  valueUnderMerge,
];

const SEVERITIES = new Set(['error', 'warning', 'info']);
const CATEGORIES = new Set(['structure', 'values', 'stated', 'planning']);
const TEXT_FIELDS = ['spec', 'description', 'rationale', 'example'] as const;

/** Checks the registry once at load: a broken rule set must not ship. */
export function checkRegistry(rules: readonly Rule[]): void {
  const ids = rules.map((r) => r.meta.id);
  ids.forEach((id, i) => {
    if (!/^[a-z]+(-[a-z]+)*$/.test(id)) throw new Error(`Regla con id no kebab-case: ${id}`);
    if (i > 0 && ids[i - 1] >= id) throw new Error(`Registro de reglas desordenado o repetido en ${id}`);
  });
  for (const rule of rules) {
    const { id, severity, category } = rule.meta;
    if (!SEVERITIES.has(severity)) throw new Error(`La regla ${id} tiene una severidad desconocida: ${severity}`);
    if (!CATEGORIES.has(category)) throw new Error(`La regla ${id} tiene una categoría desconocida: ${category}`);
    for (const field of TEXT_FIELDS) {
      if (rule.meta[field].trim() === '') throw new Error(`La regla ${id} no tiene ${field}`);
    }
    const messages = Object.entries(rule.meta.messages);
    if (messages.length === 0) throw new Error(`La regla ${id} no tiene mensajes`);
    for (const [messageId, template] of messages) {
      if (messageId === OMITTED_MESSAGE_ID || messageId === INTERNAL_MESSAGE_ID) throw new Error(`El mensaje ${id}/${messageId} usa un id reservado al motor`);
      if (template.trim() === '') throw new Error(`Mensaje vacío ${id}/${messageId}`);
      if (/[{}]/.test(template.replace(/\{\w+\}/g, ''))) throw new Error(`Llaves sueltas en ${id}/${messageId}`);
      placeholders(template); // parses
    }
  }
}

checkRegistry(RULES);
