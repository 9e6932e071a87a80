import type { ReactNode } from 'react';
import type { AnalysisState } from '../use-analysis';
import { formatCount } from '../format';
import { NoticeBar } from './ErrorBar';
import { type ActionLabels, DEFAULT_ACTION_LABELS } from './ActionBar';

/** «la hoja Observaciones», «las hojas Observaciones y Resumen». */
function sheetsPhrase(sheets: readonly string[]): string {
  if (sheets.length <= 1) return `la hoja ${sheets[0] ?? 'Observaciones'}`;
  return `las hojas ${sheets.slice(0, -1).join(', ')} y ${sheets[sheets.length - 1]}`;
}

export interface OutcomeProps {
  readonly state: AnalysisState;
  readonly labels?: ActionLabels;
  /** Shown inside the message after a write (and after a validation, for the host to hide when nothing changed): the web page's «Descargar». */
  readonly writeAction?: ReactNode;
}

/** What the last action did, in one sentence (and what to do next when it matters). */
export function Outcome({ state, labels = DEFAULT_ACTION_LABELS, writeAction }: OutcomeProps) {
  const s = state.summary;
  if (state.action === 'summary') {
    return (
      <NoticeBar intent="success" action={writeAction}>
        Se escribió la hoja Resumen.
      </NoticeBar>
    );
  }
  if (!s) return null;
  if (!s.recognised) {
    return (
      <NoticeBar intent="warning" title="No se reconoció el reporte">
        La hoja «{s.sheet}» no tiene los encabezados del reporte de seguimiento del POI. Elija la hoja del
        reporte o revise las observaciones.
      </NoticeBar>
    );
  }
  const counts = { error: 0, warning: 0, info: 0 };
  for (const o of s.observations) counts[o.severity] += 1;
  const found = `${formatCount(s.activityCount)} AO revisadas: ${formatCount(counts.error)} errores, ${formatCount(counts.warning)} advertencias.`;
  if (state.action === 'recompute' && s.layout === 'exportacion') {
    // The export is never changed: the action wrote the generated report beside it.
    return (
      <NoticeBar intent="success" title="Reporte generado" action={writeAction}>
        {`Se ${state.sheetsWritten.length > 1 ? 'escribieron' : 'escribió'} ${sheetsPhrase(state.sheetsWritten)}${s.period ? `, para ${s.period.title}` : ''}; la exportación no cambió.`}{' '}
        {found}
      </NoticeBar>
    );
  }
  if (state.action === 'recompute') {
    const n = state.cellsWritten ?? 0;
    const sheets = sheetsPhrase(state.sheetsWritten);
    return (
      <NoticeBar intent="success" title="Recalculado" action={writeAction}>
        {n === 0
          ? `Las celdas calculadas ya estaban al día; se actualizó ${sheets}.`
          : `Se escribieron ${formatCount(n)} celdas calculadas y ${sheets}.`}{' '}
        {found}
      </NoticeBar>
    );
  }
  return (
    <NoticeBar intent={counts.error > 0 ? 'warning' : 'success'} title="Validación terminada" action={writeAction}>
      {found}
      {s.pendingCells > 0 &&
        ` ${formatCount(s.pendingCells)} celdas calculadas no coinciden con los datos: use «${labels.recompute}» para corregirlas.`}
    </NoticeBar>
  );
}
