import { deadlinePassed } from '../compute/deadlines';
import type { Period } from '../model';
import type { AnalysisPeriod } from './types';

const MONTH_NAMES = ['ENERO', 'FEBRERO', 'MARZO', 'ABRIL', 'MAYO', 'JUNIO', 'JULIO', 'AGOSTO', 'SETIEMBRE', 'OCTUBRE', 'NOVIEMBRE', 'DICIEMBRE'];

const range = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, i) => from + i);

/**
 * The period named by `--periodo`: `S1`, `S2`, `anual` (any case) or a month `MM` / `M`
 * (January through that month). Null for anything else.
 */
export function parsePeriod(text: string, source: AnalysisPeriod['source'] = 'opcion'): AnalysisPeriod | null {
  const t = text.trim().toUpperCase();
  if (t === 'S1') return { code: 'S1', months: range(1, 6), title: 'PRIMER SEMESTRE', source };
  if (t === 'S2') return { code: 'S2', months: range(7, 12), title: 'SEGUNDO SEMESTRE', source };
  if (t === 'ANUAL') return { code: 'anual', months: range(1, 12), title: 'ANUAL', source };
  if (/^\d{1,2}$/.test(t)) {
    const month = Number(t);
    if (month < 1 || month > 12) return null;
    return throughMonth(month, source);
  }
  return null;
}

function throughMonth(month: number, source: AnalysisPeriod['source']): AnalysisPeriod {
  if (month === 12) return { code: 'anual', months: range(1, 12), title: 'ANUAL', source };
  const title = month === 1 ? 'ENERO' : `ENERO A ${MONTH_NAMES[month - 1]}`;
  return { code: String(month).padStart(2, '0'), months: range(1, month), title, source };
}

/**
 * The period a planner means on the fecha de corte (docs/flat-export.md): the year once
 * December's tracking deadline has passed; the first semester once June's has; before that,
 * January through the last month whose deadline has passed (January when none has).
 * The second semester alone is never chosen: after its deadline the whole year is due.
 */
export function defaultPeriod(year: number, fechaCorte: string): AnalysisPeriod {
  if (deadlinePassed(year, 12, fechaCorte)) return throughMonth(12, 'fecha-corte');
  if (deadlinePassed(year, 6, fechaCorte)) return { ...parsePeriod('S1')!, source: 'fecha-corte' };
  let last = 1;
  for (let m = 1; m <= 5; m++) if (deadlinePassed(year, m, fechaCorte)) last = m;
  return throughMonth(last, 'fecha-corte');
}

/** The period of a printed report, from its header's months and title. */
export function reportPeriod(months: readonly number[], period: Period): AnalysisPeriod {
  const code = period === 'PRIMER SEMESTRE' ? 'S1' : period === 'SEGUNDO SEMESTRE' ? 'S2' : period === 'ANUAL' ? 'anual' : 'otro';
  const title = period === 'OTRO' ? months.map((m) => MONTH_NAMES[m - 1]).join(', ') : period;
  return { code, months: [...months], title, source: 'reporte' };
}

/**
 * One Spanish line for front ends: which months count and why.
 * «Periodo: PRIMER SEMESTRE (enero a junio), elegido por la fecha de corte 2025-08-15.»
 */
export function describePeriod(period: AnalysisPeriod, fechaCorte: string): string {
  const first = MONTH_NAMES[period.months[0] - 1].toLowerCase();
  const last = MONTH_NAMES[period.months[period.months.length - 1] - 1].toLowerCase();
  const months = first === last ? first : `${first} a ${last}`;
  const title = period.title.toUpperCase() === months.toUpperCase() ? period.title : `${period.title} (${months})`;
  const why =
    period.source === 'fecha-corte'
      ? `, elegido por la fecha de corte ${fechaCorte} (use --periodo S1, S2, anual o MM para otro)`
      : period.source === 'reporte'
        ? ', los meses del encabezado del reporte'
        : '';
  return `Periodo: ${title}${why}.`;
}
