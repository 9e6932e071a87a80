import type { LayoutKind } from '../model';

/**
 * Which layout each rule reads. A rule of the printed report looks at cells a flat export
 * does not have (stated accumulated values, AEI lines, totals, PROGRAMADO/EJECUTADO rows), so
 * by default a rule runs on the printed report only. These also hold on the export's model
 * (they read month values and figures, and point at the export's own cells).
 */
const ALSO_ON_EXPORT = new Set([
  'financial-overexecution',
  'money-without-physical-progress',
  'overdue-tracking',
  'physical-overexecution',
  'physical-progress-without-money',
]);

/** Rules of the flat export only: their ids start with `export-`. */
export function ruleApplies(id: string, kind: LayoutKind): boolean {
  if (id.startsWith('export-')) return kind === 'exportacion';
  return kind === 'reporte' || ALSO_ON_EXPORT.has(id);
}
