import { analyze, findLayout, observationsTable, summaryTable } from '../../engine';
import type { Analysis } from '../../engine/analysis';
import type { Grid } from '../../engine/grid/cell';
import { OBSERVATIONS_SHEET, SUMMARY_SHEET } from '../../engine/report/tables';
import type { AnalysisSummary, PoiService, Progress, SheetChoice, WriteResult } from '../../app/contract';
import { toSummary } from '../../app/summary';
import { toUserFacingError } from './errors';
import { excelRun, type ExcelContext, type ExcelRun } from './excel-api';
import { readHeads, readSheet } from './read-sheet';
import { applyPlan, writeTableSheet } from './apply-plan';
import type { ChartSpec } from '../../app/plan';

export type { ExcelRun };

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
  const run: ExcelRun = deps.run ?? excelRun;
  const mergesSupported = deps.mergesSupported ?? defaultMergesSupported;
  const log = deps.log ?? console.error;

  async function guarded<T>(batch: (context: ExcelContext) => Promise<T>): Promise<T> {
    try {
      return await run(batch);
    } catch (e) {
      throw toUserFacingError(e, log);
    }
  }

  async function readAndAnalyze(
    context: ExcelContext,
    sheet: string,
    fechaCorte: string,
    onProgress?: (p: Progress) => void,
  ): Promise<{ analysis: Analysis; grid: Grid }> {
    onProgress?.({ stage: 'reading', fraction: 0, message: `Leyendo la hoja «${sheet}»…` });
    const read = await readSheet(context, sheet, {
      merges: mergesSupported(),
      onProgress: (fraction) => onProgress?.({ stage: 'reading', fraction }),
    });
    onProgress?.({ stage: 'computing', message: 'Calculando…' });
    const analysis = analyze(read.grid, { fechaCorte, sheet });
    return { analysis, grid: read.grid };
  }

  async function recomputeIn(
    context: ExcelContext,
    sheet: string,
    fechaCorte: string,
    onProgress?: (p: Progress) => void,
  ): Promise<RecomputeOutcome> {
    const { analysis, grid } = await readAndAnalyze(context, sheet, fechaCorte, onProgress);
    if (!analysis.model) return { analysis, cellsWritten: 0, status: statusLine(analysis, 0) };
    onProgress?.({ stage: 'writing', fraction: 0, message: 'Escribiendo las celdas calculadas y la hoja Observaciones…' });
    // Until src/app builds the plan (issue 14): the same plan by hand, carried out in one go.
    const status = statusLine(analysis, analysis.patch.cells.length);
    const written = await applyPlan(
      context,
      {
        sheet,
        fechaCorte,
        cells: { sheet, cells: analysis.patch.cells, computed: analysis.computed },
        sheets: [{ role: 'observaciones', name: OBSERVATIONS_SHEET, table: observationsTable(analysis), preface: status }],
        status,
        message: '',
      },
      { grid, onProgress: (f) => onProgress?.({ stage: 'writing', fraction: f }) },
    );
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
