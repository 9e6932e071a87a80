import { UserFacingError } from '../app/contract';
import type { AppPoiService } from '../app/service';
import { localIsoDate } from '../engine/compute/deadlines';
import { noSheetRecognised } from '../engine/not-recognised';
import { CHOOSE_IN_PANE } from '../hosts/office/service';

/** What the ribbon command needs from the service. */
export type RecalcularService = Pick<AppPoiService, 'chooseSheet' | 'recompute'>;

export type RecalcularOutcome = { readonly ok: true; readonly sheet: string; readonly status: string } | { readonly ok: false; readonly message: string };

/** What the ribbon says when no sheet has the layout (the one text, with the add-in's what-to-do). */
export const NO_POI_SHEET = noSheetRecognised(CHOOSE_IN_PANE);

/**
 * The ribbon's one click: the report sheet by the one policy (the active sheet if it is a
 * POI report, else the first that is); recompute with fecha de corte = today; never throws.
 */
export async function recalcular(service: RecalcularService, today: string = localIsoDate()): Promise<RecalcularOutcome> {
  try {
    const pick = await service.chooseSheet();
    if (pick.sheet === null) return { ok: false, message: pick.reason };
    const out = await service.recompute(pick.sheet, today);
    return { ok: true, sheet: pick.sheet, status: out.status ?? '' };
  } catch (e) {
    if (e instanceof UserFacingError) return { ok: false, message: e.message };
    console.error('[Semáforo POI] Error inesperado en Recalcular', e);
    return { ok: false, message: 'Ocurrió un error inesperado. Abra el panel Semáforo POI y vuelva a intentarlo.' };
  }
}
