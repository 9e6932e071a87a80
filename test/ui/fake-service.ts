import type { Observation } from '../../src/engine/observation';
import type { AnalysisSummary, AnalyzeChoices, PoiService, Progress, SheetChoice, WriteResult } from '../../src/app/contract';

export function observation(over: Partial<Observation> & Pick<Observation, 'cell' | 'severity'>): Observation {
  const row = Number(/\d+/.exec(over.cell)?.[0] ?? 1);
  return { rule: 'stated-percent', messageId: 'mismatch', sheet: 'Reporte POI', row, message: `Mensaje de ${over.cell}`, ...over };
}

/** The La Victoria report's printed figures (spec §2), as a summary. */
export function sampleSummary(over: Partial<AnalysisSummary> = {}): AnalysisSummary {
  return {
    sheet: 'Reporte POI',
    fechaCorte: '2023-08-15',
    recognised: true,
    layout: 'reporte',
    period: { code: 'S1', months: [1, 2, 3, 4, 5, 6], title: 'PRIMER SEMESTRE', source: 'reporte' },
    months: ['Ene', 'Feb', 'Mar', 'Abr', 'May', 'Jun'],
    activityCount: 290,
    strategicActions: [
      { code: 'AEI.01.01', name: 'ACCIONES COORDINADAS', physical: 91.2, financial: 1200.5, firstRow: 12, lastRow: 25 },
      { code: 'AEI.01.02', name: 'GESTIÓN DEL RIESGO', physical: 70, financial: 300, firstRow: 26, lastRow: 45 },
    ],
    activityRefs: [
      { code: 'AOI00000500001', strategicAction: 'AEI.01.01', costCenter: 'GERENCIA MUNICIPAL', firstRow: 13, lastRow: 14 },
      { code: 'AOI00000500002', strategicAction: 'AEI.01.01', costCenter: 'SUBGERENCIA DE LOGÍSTICA', firstRow: 19, lastRow: 20 },
      { code: 'AOI00000500003', strategicAction: 'AEI.01.02', costCenter: 'SUBGERENCIA DE LOGÍSTICA', firstRow: 30, lastRow: 31 },
      { code: 'AOI00000500004', strategicAction: 'AEI.01.02', costCenter: 'GERENCIA MUNICIPAL', firstRow: 40, lastRow: 41 },
    ],
    totals: {
      physicalAverage: 83.7,
      physicalMedian: 100,
      aeiAverage: 79.4,
      financialProgrammed: 56721964,
      financialExecuted: 56120891.58,
      completeActivities: 288,
      incompleteActivities: 0,
    },
    trafficLight: { aei: { red: 11, yellow: 9, green: 9 }, ao: { red: 58, yellow: 16, green: 190 } },
    observations: [
      observation({ cell: 'P14', severity: 'error', message: 'AVANCE % dice 90; según los meses es 100.' }),
      observation({ cell: 'H20', severity: 'warning', rule: 'text-in-number-cell', message: 'Número escrito como texto.' }),
      observation({ cell: 'N31', severity: 'warning', rule: 'text-in-number-cell', message: 'Otro número como texto.' }),
      observation({ cell: 'A40', severity: 'info', rule: 'duplicate-activity-code', message: 'Código repetido.' }),
    ],
    pendingCells: 12,
    computed: [],
    ...over,
  };
}

export interface Deferred<T> {
  readonly promise: Promise<T>;
  resolve(v: T): void;
  reject(e: unknown): void;
}

export function deferred<T>(): Deferred<T> {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** A flat export's summary: the Aplicativo's sheet, its period chosen by the fecha de corte. */
export function exportSummary(over: Partial<AnalysisSummary> = {}): AnalysisSummary {
  return sampleSummary({
    sheet: 'POI_Por_ActividadOperativaAnual',
    layout: 'exportacion',
    period: { code: 'S1', months: [1, 2, 3, 4, 5, 6], title: 'PRIMER SEMESTRE', source: 'fecha-corte' },
    forcedPhase: null,
    programmedPhases: { RE: 3, CS: 1 },
    pendingCells: 0,
    observations: [],
    ...over,
  });
}

/** A PoiService whose answers the test controls; records every call (choices last, when given). */
export class FakeService implements PoiService {
  sheets: readonly SheetChoice[] = [{ name: 'Reporte POI', recognised: true }];
  summary: AnalysisSummary = sampleSummary();
  /** When set, the next analyze/recompute waits on it (to observe progress). */
  gate: Deferred<void> | null = null;
  failWith: unknown = null;
  progress: Progress[] = [{ stage: 'reading' }, { stage: 'computing', fraction: 0.5 }];
  readonly calls: Array<[string, ...unknown[]]> = [];
  /** The sheets a recompute says it wrote. */
  recomputeSheets: readonly string[] = ['Observaciones'];

  async listSheets() {
    this.calls.push(['listSheets']);
    return this.sheets;
  }

  private async work(onProgress?: (p: Progress) => void) {
    for (const p of this.progress) onProgress?.(p);
    if (this.gate) await this.gate.promise;
    if (this.failWith) throw this.failWith;
  }

  async analyze(sheet: string, fechaCorte: string, onProgress?: (p: Progress) => void, choices?: AnalyzeChoices) {
    this.calls.push(['analyze', sheet, fechaCorte, ...(choices ? [choices] : [])]);
    await this.work(onProgress);
    return this.summary;
  }

  async recompute(sheet: string, fechaCorte: string, onProgress?: (p: Progress) => void, choices?: AnalyzeChoices): Promise<WriteResult> {
    this.calls.push(['recompute', sheet, fechaCorte, ...(choices ? [choices] : [])]);
    await this.work(onProgress);
    onProgress?.({ stage: 'writing' });
    return { summary: { ...this.summary, pendingCells: 0 }, cellsWritten: 12, sheetsWritten: this.recomputeSheets };
  }

  async writeSummary(sheet: string, fechaCorte: string, onProgress?: (p: Progress) => void, choices?: AnalyzeChoices) {
    this.calls.push(['writeSummary', sheet, fechaCorte, ...(choices ? [choices] : [])]);
    await this.work(onProgress);
  }

  async selectCell(sheet: string, a1: string) {
    this.calls.push(['selectCell', sheet, a1]);
  }
}
