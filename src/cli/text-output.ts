import type { Analysis } from '../engine/analysis';
import type { Severity } from '../engine/observation';
import { visible } from './terminal';

import { formatMoney, formatNumber } from '../engine/format/number';
import { describePeriod } from '../engine/flat/period';

const pct = (v: number | null): string => (v === null ? '—' : `${formatNumber(v)} %`);

export function countBySeverity(analysis: Analysis): Record<Severity, number> {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const o of analysis.observations) counts[o.severity]++;
  return counts;
}

const GROUP_ES: Record<Severity, string> = { error: 'Errores', warning: 'Advertencias', info: 'Informativas' };

/** The single-file report: a short summary, then one line per observation. */
export function fileReport(file: string, analysis: Analysis, written?: string): string {
  return fileReportLines(file, analysis, written).join('\n');
}

/** The same report line by line, for printing without one string of every observation. */
export function fileReportLines(file: string, analysis: Analysis, written?: string): string[] {
  const { model, figures } = analysis;
  const lines: string[] = [];
  const months = model ? `${model.layout.monthNames[0]}–${model.layout.monthNames[model.layout.monthNames.length - 1]}` : '';
  lines.push(`${file} — hoja «${analysis.sheet}» (${months}), fecha de corte ${analysis.fechaCorte}`);
  if (analysis.layout === 'exportacion' && analysis.period) {
    // Which months counted and why: a planner checks this before reading any figure.
    lines.push(`  Exportación del Aplicativo CEPLAN. ${describePeriod(analysis.period, analysis.fechaCorte)}`);
    const phases = programmedPhases(analysis);
    if (phases) lines.push(`  Programado leído de: ${phases}.`);
  }
  if (model && figures) {
    const t = figures.totals;
    const tl = figures.trafficLight;
    lines.push(`  AO: ${model.activities.length} (${t.completeActivities + t.incompleteActivities} códigos) · AEI: ${model.strategicActions.length}`);
    lines.push(`  Promedio de ejecución física: ${pct(t.physicalAverage)} · Mediana: ${pct(t.physicalMedian)} · Promedio de AEI: ${pct(t.aeiAverage)}`);
    lines.push(`  Semáforo AEI: ${tl.aei.red} rojo · ${tl.aei.yellow} amarillo · ${tl.aei.green} verde`);
    lines.push(`  Semáforo AO:  ${tl.ao.red} rojo · ${tl.ao.yellow} amarillo · ${tl.ao.green} verde`);
    lines.push(`  Programación financiera: S/ ${formatMoney(t.financialProgrammed)} · Ejecución financiera: S/ ${formatMoney(t.financialExecuted)}`);
    lines.push(`  AO con información completa: ${t.completeActivities} · incompleta: ${t.incompleteActivities}`);
    // Nothing is ever written into an export: its figures go into the generated report.
    if (analysis.layout !== 'exportacion') lines.push(`  Celdas calculadas por escribir: ${analysis.cellsToWrite}`);
  }
  const c = countBySeverity(analysis);
  lines.push(`  Observaciones: ${c.error} errores, ${c.warning} advertencias, ${c.info} informativas`);
  // Errors first, as the pane groups them: a planner fixes those before reading warnings.
  for (const severity of ['error', 'warning', 'info'] as const) {
    const group = analysis.observations.filter((o) => o.severity === severity);
    if (group.length === 0) continue;
    lines.push(`  ${GROUP_ES[severity]} (${group.length}):`);
    // Consolidating, each observation names its file.
    for (const o of group) lines.push(`    ${o.file ? `${o.file} ` : ''}${o.cell.padEnd(6)} ${o.rule}: ${o.message}`);
  }
  if (written) lines.push(`  Copia recalculada: ${written}`);
  else if (analysis.layout === 'exportacion' && figures) {
    lines.push('  Para obtener el Reporte de seguimiento impreso (y las hojas Observaciones y Resumen): poi-check --out copia.xlsx <archivo>.');
  } else if (analysis.observations.length > 0) {
    lines.push('  Para revisarlas en Excel, con un enlace a cada celda: poi-check --out copia.xlsx <archivo> (hoja Observaciones).');
  }
  // Names, cells and messages come from the workbook: escape what a terminal would obey.
  return lines.map(visible);
}

/** «RE en 10 AO, CS en 2 AO, ninguna fase en 1 AO» (the physical phase of each AO). */
function programmedPhases(analysis: Analysis): string {
  const counts = new Map<string, number>();
  for (const a of analysis.model?.flat?.activities ?? []) {
    const key = a.programmedPhase ?? 'ninguna fase';
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([phase, n]) => `${phase === 'ninguna fase' ? phase : `F(${phase})`} en ${n} AO`).join(', ');
}

/** With several files: one line each. */
export function fileLine(file: string, analysis: Analysis): string {
  const t = analysis.figures?.totals;
  const c = countBySeverity(analysis);
  const figures = t ? `${analysis.model!.activities.length} AO, promedio ${pct(t.physicalAverage)}, mediana ${pct(t.physicalMedian)}` : 'sin formato POI';
  return visible(`${file}: ${figures}; ${c.error} errores, ${c.warning} advertencias`);
}
