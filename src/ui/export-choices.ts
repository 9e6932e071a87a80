/**
 * The flat export's choices in the planner's words: which months count (Periodo) and which
 * phase is read as programmed (Programación). Pure, so the pane and the page say the same.
 */
import type { AnalysisSummary, AnalyzeChoices, ProgrammedPhase } from '../app/contract';
import { describePeriod } from '../engine/flat/period';
import { formatCount } from './format';
import { MONTH_NAMES, formatDmy } from './dates';

const capital = (s: string): string => s[0].toUpperCase() + s.slice(1);

/** The write action on an export: the generated report, through the same recompute plan. */
export const EXPORT_ACTION = {
  label: 'Generar reporte',
  title: 'Escribe la hoja Reporte de seguimiento del periodo elegido, con Observaciones y Resumen; la exportación no cambia.',
} as const;

export interface ChoiceOption {
  /** '' = automatic (the engine's choice). */
  readonly value: string;
  readonly label: string;
}

/** S1, S2, anual, then January through each month (January alone first). */
export const PERIOD_OPTIONS: readonly ChoiceOption[] = [
  { value: '', label: 'Según la fecha de corte (automático)' },
  { value: 'S1', label: 'Primer semestre (enero a junio)' },
  { value: 'S2', label: 'Segundo semestre (julio a diciembre)' },
  { value: 'anual', label: 'Anual (enero a diciembre)' },
  ...MONTH_NAMES.slice(0, 11).map((m, i) => ({
    value: String(i + 1).padStart(2, '0'),
    label: i === 0 ? 'Solo enero' : `Enero a ${m}`,
  })),
];

export const PHASE_NAMES: Readonly<Record<ProgrammedPhase, string>> = {
  RE: 'modificada en el año',
  CS: 'consistenciada con el PIA',
  AJ: 'ajustada',
  A: 'aprobada',
};

export const PHASE_OPTIONS: readonly ChoiceOption[] = [
  { value: '', label: 'Automática (RE, CS, AJ o A)' },
  ...(['RE', 'CS', 'AJ', 'A'] as const).map((p) => ({ value: p, label: `Solo ${p} (${PHASE_NAMES[p]})` })),
];

/** The choices to send: undefined when both are automatic (the engine decides). */
export function choicesToSend(c: AnalyzeChoices): AnalyzeChoices | undefined {
  return c.period || c.programmedPhase ? c : undefined;
}

/**
 * «Periodo: PRIMER SEMESTRE (enero a junio), elegido por la fecha de corte 15/08/2025.» —
 * describePeriod's line without its command-line hint, with the date as the pane writes it.
 */
export function periodLine(summary: AnalysisSummary): string | null {
  if (!summary.period) return null;
  return describePeriod(summary.period, summary.fechaCorte)
    .replace(/ \(use --periodo[^)]*\)/, '')
    .replace(summary.fechaCorte, formatDmy(summary.fechaCorte));
}

/** «Programación leída: RE en 3 AO, CS en 1 AO.» (and the AO without any). */
export function phaseLine(summary: AnalysisSummary): string | null {
  const counts = summary.programmedPhases;
  if (!counts) return null;
  const parts = (['RE', 'CS', 'AJ', 'A'] as const).filter((p) => counts[p]).map((p) => `${p} en ${formatCount(counts[p] ?? 0)} AO`);
  const none = counts.ninguna ? `${formatCount(counts.ninguna)} AO sin programación en ninguna fase` : '';
  const forced = summary.forcedPhase ? ` (la elegida: ${summary.forcedPhase})` : '';
  if (parts.length === 0) return capital(`${none || 'ninguna AO'}.`);
  return `Programación leída: ${parts.join(', ')}${forced}${none ? `; ${none}` : ''}.`;
}
