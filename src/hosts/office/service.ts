import { analyze, findLayout, observationsTable, summaryTable } from '../../engine';
import type { Analysis } from '../../engine/analysis';
import { OBSERVATIONS_SHEET, SUMMARY_SHEET } from '../../engine/report/tables';
import type { AnalysisSummary, PoiService, Progress, SheetChoice, WriteResult } from '../../app/contract';
import { toSummary } from '../../app/summary';
import { toUserFacingError } from './errors';
import { readHeads, readSheet } from './read-sheet';
import { writePatch } from './write-patch';
import type { ChartSpec } from './write-tables';
import { writeTableSheet } from './write-tables';

export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface OfficeServiceDeps {
  /** `Excel.run` by default; tests pass the fake's. */
  readonly run?: ExcelRun;
  /** Whether merged areas can be read (ExcelApi 1.13); checked at run time by default. */
  readonly mergesSupported?: () => boolean;
  readonly log?: (...args: unknown[]) => void;
}

function defaultMergesSupported(): boolean {
  try {
    return typeof Office !== 'undefined' && Office.context.requirements.isSetSupported('ExcelApi', '1.13');
  } catch {
    return false;
  }
}

/** One line saying what a run did; it heads the Observaciones sheet. */
export function statusLine(a: Analysis, cellsWritten: number | null): string {
  const count = (s: string): number => a.observations.filter((o) => o.severity === s).length;
  const parts = [`Semáforo POI · hoja «${a.sheet}» · fecha de corte ${a.fechaCorte}`];
  if (!a.model) parts.push('no se reconoció el formato del reporte');
  else if (cellsWritten !== null) {
    parts.push(cellsWritten === 0 ? 'ninguna celda cambió' : `${cellsWritten} ${cellsWritten === 1 ? 'celda recalculada' : 'celdas recalculadas'}`);
  }
  const n = a.observations.length;
  parts.push(
    n === 0 ? 'sin observaciones' : `${n} ${n === 1 ? 'observación' : 'observaciones'} (${count('error')} errores, ${count('warning')} advertencias)`,
  );
  return parts.join(' · ');
}

/** The Resumen chart: physical execution of every AEI with a number. */
export function aeiChart(a: Analysis): ChartSpec {
  const points = (a.figures?.strategicActions ?? [])
    .filter((s) => typeof s.physical === 'number')
    .map((s) => ({ category: s.strategicAction.code, value: s.physical as number }));
  return {
    title: 'Ejecución física por AEI (%)',
    categoryHeader: 'AEI',
    valueHeader: 'Ejecución física (%)',
    points,
  };
}

export interface RecomputeOutcome {
  readonly analysis: Analysis;
  readonly cellsWritten: number;
  readonly status: string;
}

/**
 * The PoiService over Office.js. Each method is one `Excel.run` whose failures come out
 * as a UserFacingError in Spanish.
 */
export function createOfficeService(deps: OfficeServiceDeps = {}): PoiService & {
  /** recompute() with the full Analysis (the ribbon command uses it). */
  recomputeAnalysis(sheet: string, fechaCorte: string, onProgress?: (p: Progress) => void): Promise<RecomputeOutcome>;
  /** The name of the active worksheet. */
  activeSheet(): Promise<string>;
} {
  const run: ExcelRun = deps.run ?? ((batch) => Excel.run(batch));
  const mergesSupported = deps.mergesSupported ?? defaultMergesSupported;
  const log = deps.log ?? console.error;

  async function guarded<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    try {
      return await run(batch);
    } catch (e) {
      throw toUserFacingError(e, log);
    }
  }

  async function readAndAnalyze(
    context: Excel.RequestContext,
    sheet: string,
    fechaCorte: string,
    onProgress?: (p: Progress) => void,
  ): Promise<{ analysis: Analysis; merges: Parameters<typeof writePatch>[4] }> {
    onProgress?.({ stage: 'reading', fraction: 0, message: `Leyendo la hoja «${sheet}»…` });
    const read = await readSheet(context, sheet, {
      merges: mergesSupported(),
      onProgress: (fraction) => onProgress?.({ stage: 'reading', fraction }),
    });
    onProgress?.({ stage: 'computing', message: 'Calculando…' });
    const analysis = analyze(read.grid, { fechaCorte, sheet });
    return { analysis, merges: read.grid.merges };
  }

  async function recomputeIn(
    context: Excel.RequestContext,
    sheet: string,
    fechaCorte: string,
    onProgress?: (p: Progress) => void,
  ): Promise<RecomputeOutcome> {
    const { analysis, merges } = await readAndAnalyze(context, sheet, fechaCorte, onProgress);
    if (!analysis.model) return { analysis, cellsWritten: 0, status: statusLine(analysis, 0) };
    onProgress?.({ stage: 'writing', fraction: 0, message: 'Escribiendo las celdas calculadas…' });
    const written = await writePatch(context, sheet, analysis.patch.cells, analysis.computed, merges, {
      onProgress: (f) => onProgress?.({ stage: 'writing', fraction: f * 0.9 }),
    });
    const status = statusLine(analysis, written.cellsWritten);
    onProgress?.({ stage: 'writing', fraction: 0.9, message: 'Escribiendo la hoja Observaciones…' });
    await writeTableSheet(context, OBSERVATIONS_SHEET, observationsTable(analysis), { preface: status });
    onProgress?.({ stage: 'writing', fraction: 1 });
    return { analysis, cellsWritten: written.cellsWritten, status };
  }

  return {
    async listSheets(): Promise<readonly SheetChoice[]> {
      return guarded(async (context) => {
        const heads = await readHeads(context);
        return heads.map(({ name, grid }) => ({ name, recognised: findLayout(grid) !== null }));
      });
    },

    async analyze(sheet, fechaCorte, onProgress): Promise<AnalysisSummary> {
      return guarded(async (context) => {
        const { analysis } = await readAndAnalyze(context, sheet, fechaCorte, onProgress);
        return toSummary(analysis);
      });
    },

    async recompute(sheet, fechaCorte, onProgress): Promise<WriteResult> {
      return guarded(async (context) => {
        const out = await recomputeIn(context, sheet, fechaCorte, onProgress);
        return {
          summary: toSummary(out.analysis),
          cellsWritten: out.cellsWritten,
          sheetsWritten: out.analysis.model ? [OBSERVATIONS_SHEET] : [],
        };
      });
    },

    async recomputeAnalysis(sheet, fechaCorte, onProgress): Promise<RecomputeOutcome> {
      return guarded((context) => recomputeIn(context, sheet, fechaCorte, onProgress));
    },

    async writeSummary(sheet, fechaCorte, onProgress): Promise<void> {
      return guarded(async (context) => {
        const { analysis } = await readAndAnalyze(context, sheet, fechaCorte, onProgress);
        onProgress?.({ stage: 'writing', message: 'Escribiendo la hoja Resumen…' });
        await writeTableSheet(context, SUMMARY_SHEET, summaryTable(analysis), { chart: aeiChart(analysis) });
      });
    },

    async selectCell(sheet, a1): Promise<void> {
      return guarded(async (context) => {
        const ws = context.workbook.worksheets.getItem(sheet);
        ws.activate();
        ws.getRange(a1).select();
        await context.sync();
      });
    },

    async activeSheet(): Promise<string> {
      return guarded(async (context) => {
        const ws = context.workbook.worksheets.getActiveWorksheet();
        ws.load('name');
        await context.sync();
        return ws.name;
      });
    },
  };
}
