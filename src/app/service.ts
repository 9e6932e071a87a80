/**
 * The PoiService, once, over any WorkbookPort: read → analyse → plan → the host carries the
 * plan out. The add-in, the web page's worker and the ribbon use it; the CLI uses its parts.
 */
import type { AnalyzeOptions } from '../engine/analysis';
import type { Grid } from '../engine/grid/cell';
import { sheetNotRecognised } from '../engine/not-recognised';
import { inThreadAnalyzer, type AnalyzeRequest, type AnalyzedSheet, type Analyzer } from './analyzer';
import { sheetPhrase, summaryOnly } from './build-plan';
import { chooseSheet, recogniseSheets, type SheetPick } from './choose-sheet';
import { UserFacingError, type AnalysisSummary, type AnalyzeChoices, type PoiService, type Progress, type SheetChoice, type WriteResult } from './contract';
import { gridAfter } from './grid-after';
import type { WorkbookPort } from './port';

export interface PoiServiceOptions {
  /** Where the engine runs (default: this thread). */
  readonly analyzer?: Analyzer;
  readonly severities?: AnalyzeOptions['severities'];
  /** A flat export's period and phase; a function when the front end lets the user change them. */
  readonly exportChoices?: AnalyzeChoices | (() => AnalyzeChoices);
  /** What to do when no sheet fits, in this front end's words (ends the reason). */
  readonly whatToDo?: string;
}

export interface AppPoiService extends PoiService {
  /** The report sheet by the one policy (the ribbon; the CLI's --hoja). */
  chooseSheet(wanted?: string): Promise<SheetPick>;
}

type OnProgress = ((p: Progress) => void) | undefined;

export function createPoiService(port: WorkbookPort, options: PoiServiceOptions = {}): AppPoiService {
  const analyzer = options.analyzer ?? inThreadAnalyzer;
  const defaults = (): AnalyzeChoices => {
    const c = typeof options.exportChoices === 'function' ? options.exportChoices() : options.exportChoices;
    return { ...(c?.period !== undefined ? { period: c.period } : {}), ...(c?.programmedPhase !== undefined ? { programmedPhase: c.programmedPhase } : {}) };
  };

  async function read(sheet: string, onProgress: OnProgress): Promise<Grid> {
    onProgress?.({ stage: 'reading', fraction: 0, message: `Leyendo la hoja «${sheet}»…` });
    return port.readGrid(sheet, { onProgress: (fraction) => onProgress?.({ stage: 'reading', fraction }) });
  }

  /** The engine's request: the export's period and phase only when the user chose them (this call's choice over the service's). */
  function request(sheet: string, fechaCorte: string, chosen: AnalyzeChoices | undefined, summaryOnly = false): AnalyzeRequest {
    const choices: AnalyzeChoices = {
      ...defaults(),
      ...(chosen?.period ? { period: chosen.period } : {}),
      ...(chosen?.programmedPhase ? { programmedPhase: chosen.programmedPhase } : {}),
    };
    return {
      sheet,
      fechaCorte,
      severities: options.severities,
      ...(choices.period ? { period: choices.period } : {}),
      ...(choices.programmedPhase ? { programmedPhase: choices.programmedPhase } : {}),
      // A validation or the re-check after writing needs no plan back from the worker.
      summaryOnly,
    };
  }

  function analyzeGrid(grid: Grid, sheet: string, fechaCorte: string, onProgress: OnProgress, choices: AnalyzeChoices | undefined, planless = false): Promise<AnalyzedSheet> {
    onProgress?.({ stage: 'computing', message: 'Calculando…' });
    return analyzer.analyze(grid, request(sheet, fechaCorte, choices, planless));
  }

  return {
    listSheets(): Promise<readonly SheetChoice[]> {
      return recogniseSheets(port);
    },

    chooseSheet(wanted?: string): Promise<SheetPick> {
      return chooseSheet(port, { wanted, whatToDo: options.whatToDo });
    },

    async analyze(sheet, fechaCorte, onProgress, choices): Promise<AnalysisSummary> {
      const grid = await read(sheet, onProgress);
      return (await analyzeGrid(grid, sheet, fechaCorte, onProgress, choices, true)).summary;
    },

    async recompute(sheet, fechaCorte, onProgress, choices): Promise<WriteResult> {
      const grid = await read(sheet, onProgress);
      const { summary, plan } = await analyzeGrid(grid, sheet, fechaCorte, onProgress, choices);
      if (!plan.cells) return { summary, cellsWritten: 0, sheetsWritten: [], status: plan.status, notices: [] };
      const exported = summary.layout === 'exportacion';
      const what = sheetPhrase(plan.sheets.map((t) => t.name));
      onProgress?.({ stage: 'writing', fraction: 0, message: exported ? `Escribiendo ${what}…` : `Escribiendo las celdas calculadas y ${what}…` });
      const applied = await port.apply(plan, (fraction) => onProgress?.({ stage: 'writing', fraction }));
      // A flat export is never changed (its patch is empty): its figures stand as they were.
      if (exported) return { summary, cellsWritten: applied.cellsWritten, sheetsWritten: applied.sheetsWritten, status: plan.status, notices: applied.notices };
      // The pane shows the workbook as it now is: the written grid analysed again, so the
      // errors just corrected are gone (no second read of the sheet).
      onProgress?.({ stage: 'computing', message: 'Revisando el resultado…' });
      const after = await analyzer.analyze(gridAfter(grid, plan.cells.cells), request(sheet, fechaCorte, choices, true));
      return {
        summary: after.summary,
        cellsWritten: applied.cellsWritten,
        sheetsWritten: applied.sheetsWritten,
        status: plan.status,
        notices: applied.notices,
        undoAvailable: port.undo !== undefined && applied.undoAvailable === true,
      };
    },

    async writeSummary(sheet, fechaCorte, onProgress, choices): Promise<void> {
      const grid = await read(sheet, onProgress);
      const { plan } = await analyzeGrid(grid, sheet, fechaCorte, onProgress, choices);
      const only = summaryOnly(plan);
      if (only.sheets.length === 0) throw new UserFacingError(`${sheetNotRecognised(sheet)} No hay resumen que escribir.`);
      onProgress?.({ stage: 'writing', message: 'Escribiendo la hoja Resumen…' });
      await port.apply(only, (fraction) => onProgress?.({ stage: 'writing', fraction }));
    },

    async selectCell(sheet, a1): Promise<void> {
      await port.selectCell?.(sheet, a1);
    },

    // Offered only where the host can undo (an optional method absent, not one that throws).
    ...(port.undo ? { undo: port.undo.bind(port) } : {}),
  };
}
