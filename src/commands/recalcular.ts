import type { Progress, SheetChoice } from '../app/contract';
import { UserFacingError } from '../app/contract';
import { localIsoDate } from '../engine/compute/deadlines';

/** What the ribbon command needs from the Office service. */
export interface RecalcularService {
  activeSheet(): Promise<string>;
  listSheets(): Promise<readonly SheetChoice[]>;
  recomputeAnalysis(sheet: string, fechaCorte: string, onProgress?: (p: Progress) => void): Promise<{ status: string }>;
}

export type RecalcularOutcome = { readonly ok: true; readonly sheet: string; readonly status: string } | { readonly ok: false; readonly message: string };


export const NO_POI_SHEET =
  'No se encontró ninguna hoja con el formato del Reporte de seguimiento del POI. Abra el panel Semáforo POI y elija la hoja del reporte.';

/**
 * The ribbon's one click: the active sheet if it is a POI report, else the first sheet
 * that is; recompute with fecha de corte = today; never throws.
 */
export async function recalcular(service: RecalcularService, today: string = localIsoDate()): Promise<RecalcularOutcome> {
  try {
    const [active, sheets] = await Promise.all([service.activeSheet(), service.listSheets()]);
    const target = sheets.find((s) => s.name === active && s.recognised) ?? sheets.find((s) => s.recognised);
    if (!target) return { ok: false, message: NO_POI_SHEET };
    const out = await service.recomputeAnalysis(target.name, today);
    return { ok: true, sheet: target.name, status: out.status };
  } catch (e) {
    if (e instanceof UserFacingError) return { ok: false, message: e.message };
    console.error('[Semáforo POI] Error inesperado en Recalcular', e);
    return { ok: false, message: 'Ocurrió un error inesperado. Abra el panel Semáforo POI y vuelva a intentarlo.' };
  }
}
