import { UserFacingError, type Progress, type WriteResult } from '../app/contract';
import type { AppPoiService } from '../app/service';
import { localIsoDate } from '../engine/compute/deadlines';
import { noSheetRecognised } from '../engine/not-recognised';
import { CHOOSE_IN_PANE } from '../hosts/office/service';

/** What the ribbon command needs from the service. */
export type RecalcularService = Pick<AppPoiService, 'chooseSheet' | 'recompute'>;

export type RecalcularOutcome =
  | { readonly ok: true; readonly sheet: string; readonly status: string; /** What the planner is told (the dialog). */ readonly message: string }
  | { readonly ok: false; readonly message: string };

/** What the ribbon says when no sheet has the POI layout (the one text, with the add-in's what-to-do). */
export const NO_POI_SHEET = noSheetRecognised(CHOOSE_IN_PANE);

/**
 * Excel ends a function command after 5 minutes. The command must reach its write well
 * before that: past this budget it stops before writing (a write already under way is let
 * finish; for 10,000 AO it takes seconds, see docs/bench.md).
 */
export const TIME_BUDGET_MS = 4 * 60_000;

export const OUT_OF_TIME =
  'El reporte es demasiado grande para recalcularlo desde la cinta: Excel da a un botón solo 5 minutos. No se escribió nada. Abra el panel Semáforo POI y use «Recalcular y escribir» allí, que no tiene ese límite.';

/** Starts the budget's clock; returns a function that stops it. Tests pass their own clock. */
export type StartTimer = (onExpire: () => void, ms: number) => () => void;

const realTimer: StartTimer = (onExpire, ms) => {
  const id = setTimeout(onExpire, ms);
  return () => clearTimeout(id);
};

export interface RecalcularOptions {
  /** Fecha de corte: today (local calendar) by default. */
  readonly today?: string;
  readonly budgetMs?: number;
  readonly startTimer?: StartTimer;
}

class OutOfTime extends Error {}

const count = (n: number, one: string, many: string): string => `${n.toLocaleString('es-PE')} ${n === 1 ? one : many}`;

/** The short sentence the planner sees after a recompute from the ribbon. */
export function successMessage(sheet: string, out: WriteResult): string {
  const s = out.summary;
  let errors = 0;
  let warnings = 0;
  for (const o of s.observations) {
    if (o.severity === 'error') errors++;
    else if (o.severity === 'warning') warnings++;
  }
  const names = (out.sheetsWritten.length ? out.sheetsWritten : ['Observaciones']).map((n) => `«${n}»`);
  const where = names.length === 1 ? `la hoja ${names[0]}` : `las hojas ${names.slice(0, -1).join(', ')} y ${names[names.length - 1]}`;
  const parts = [
    out.cellsWritten > 0
      ? `Se recalculó «${sheet}»: se escribieron ${count(out.cellsWritten, 'celda calculada', 'celdas calculadas')}.`
      : `Se revisó «${sheet}»: las celdas calculadas ya estaban al día.`,
    `${count(s.activityCount, 'AO revisada', 'AO revisadas')}: ${count(errors, 'error', 'errores')} y ${count(warnings, 'advertencia', 'advertencias')}; el detalle está en ${where}.`,
    ...(out.notices ?? []),
  ];
  if (out.undoAvailable) parts.push('Para volver atrás, abra el panel Semáforo POI y use «Deshacer el último recálculo».');
  return parts.join(' ');
}

/**
 * The ribbon's one click: the report sheet by the one policy (the active sheet if it is a
 * POI report, else the first that is); recompute with fecha de corte = today; never throws,
 * and answers within the time budget (then nothing is written).
 */
export async function recalcular(service: RecalcularService, options: RecalcularOptions | string = {}): Promise<RecalcularOutcome> {
  const opts: RecalcularOptions = typeof options === 'string' ? { today: options } : options;
  const today = opts.today ?? localIsoDate();
  let expired = false;
  let writing = false;
  let stopTimer = (): void => undefined;
  const outOfTime = new Promise<RecalcularOutcome>((resolve) => {
    stopTimer = (opts.startTimer ?? realTimer)(() => {
      if (writing) return; // never leave a write half done: it ends in seconds
      expired = true;
      resolve({ ok: false, message: OUT_OF_TIME });
    }, opts.budgetMs ?? TIME_BUDGET_MS);
  });
  // The service calls this just before its first write: past the budget, it stops there.
  const gate = (p: Progress): void => {
    if (p.stage !== 'writing' || writing) return;
    if (expired) throw new OutOfTime();
    writing = true;
  };
  const work = async (): Promise<RecalcularOutcome> => {
    try {
      const pick = await service.chooseSheet();
      if (pick.sheet === null) return { ok: false, message: pick.reason };
      if (expired) throw new OutOfTime();
      const out = await service.recompute(pick.sheet, today, gate);
      return { ok: true, sheet: pick.sheet, status: out.status ?? '', message: successMessage(pick.sheet, out) };
    } catch (e) {
      if (e instanceof OutOfTime) return { ok: false, message: OUT_OF_TIME };
      if (e instanceof UserFacingError) return { ok: false, message: e.message };
      console.error('[Semáforo POI] Error inesperado en Recalcular', e);
      return { ok: false, message: 'Ocurrió un error inesperado. Abra el panel Semáforo POI y vuelva a intentarlo.' };
    }
  };
  try {
    return await Promise.race([work(), outOfTime]);
  } finally {
    stopTimer();
  }
}
