/**
 * The add-in's PoiService: the application layer over the Office.js workbook port. The pane
 * passes a worker-backed Analyzer so the engine never runs on Excel's pane thread.
 */
import type { Analyzer } from '../../app/analyzer';
import { createPoiService, type AppPoiService } from '../../app/service';
import { createOfficePort, type OfficePortDeps } from './workbook-port';

export type { ExcelRun } from './workbook-port';

export interface OfficeServiceDeps extends OfficePortDeps {
  /** Where the engine runs; this thread by default. */
  readonly analyzer?: Analyzer;
}

/** What to do when no sheet fits, in the add-in. */
export const CHOOSE_IN_PANE = 'Abra el panel Semáforo POI y elija la hoja del reporte, o revise que su encabezado no haya sido modificado.';

export function createOfficeService(deps: OfficeServiceDeps = {}): AppPoiService {
  return createPoiService(createOfficePort(deps), { analyzer: deps.analyzer, whatToDo: CHOOSE_IN_PANE });
}
