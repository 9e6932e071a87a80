/**
 * The Analyzer in a Web Worker (the pane: a 10,000-AO report is ~1.6 s of engine that must
 * not freeze Excel's pane). The grid goes in, the summary and the plan come back, both plain
 * data. Both ends are here and DOM-free; the worker's entry file only wires `self` to
 * answerAnalyze. If the worker cannot start or dies, the engine runs in this thread instead:
 * slower to the eye, never a failure.
 */
import type { Grid } from '../engine/grid/cell';
import { analyzeSheet, inThreadAnalyzer, type AnalyzeRequest, type AnalyzedSheet, type Analyzer } from './analyzer';
import type { AnalysisSummary } from './contract';
import type { RecomputePlan } from './plan';

export interface AnalyzeMessage {
  readonly id: number;
  readonly grid: Grid;
  readonly request: AnalyzeRequest;
}

/** The long arrays of a result, sent ahead in parts (`replyInParts`). */
export type PartKey = 'cells' | 'computed' | 'summaryComputed';

export type AnalyzeReply =
  | { readonly id: number; readonly ok: true; readonly result: AnalyzedSheet; /** Its long arrays came ahead in parts; its merges are the grid's. */ readonly split?: true }
  | { readonly id: number; readonly part: PartKey; readonly items: readonly unknown[] }
  | { readonly id: number; readonly ok: false; readonly error: { readonly name: string; readonly message: string; readonly stack?: string } };

/** The worker's side: one message in, one reply out. */
export function answerAnalyze(message: AnalyzeMessage): AnalyzeReply {
  try {
    return { id: message.id, ok: true, result: analyzeSheet(message.grid, message.request) };
  } catch (e) {
    const error = e instanceof Error ? { name: e.name, message: e.message, stack: e.stack } : { name: 'Error', message: String(e) };
    return { id: message.id, ok: false, error };
  }
}

/** Items per part: a part is deserialised in one task of the pane's thread (~20 ms for 5,000 cells). */
export const PART_SIZE = 5_000;

/**
 * A result as several messages: for 10,000 AO the plan holds ~50,000 cells and their figures,
 * and one message that size takes the pane's thread ~0.3 s to deserialise. Sent in parts,
 * each is its own task and the pane keeps painting. The merges are not sent back: they are
 * the grid's, which the pane still has.
 */
export function replyInParts(reply: AnalyzeReply): AnalyzeReply[] {
  if (!('ok' in reply) || !reply.ok) return [reply];
  const { summary, plan } = reply.result;
  const parts: AnalyzeReply[] = [];
  const send = (part: PartKey, items: readonly unknown[]): void => {
    for (let i = 0; i < items.length; i += PART_SIZE) parts.push({ id: reply.id, part, items: items.slice(i, i + PART_SIZE) });
  };
  send('summaryComputed', summary.computed);
  if (plan.cells) {
    send('cells', plan.cells.cells);
    send('computed', plan.cells.computed);
  }
  const cells = plan.cells && { ...plan.cells, cells: [], computed: [], merges: [] };
  parts.push({ id: reply.id, ok: true, split: true, result: { summary: { ...summary, computed: [] }, plan: { ...plan, cells } } });
  return parts;
}

/** What the analyzer needs of a Worker (a real one, or a test's). */
export interface AnalyzerWorkerLike {
  postMessage(message: AnalyzeMessage): void;
  addEventListener(type: 'message', listener: (event: { readonly data: AnalyzeReply }) => void): void;
  addEventListener(type: 'error', listener: (event: { readonly message?: string }) => void): void;
}

interface Pending {
  readonly grid: Grid;
  /** The parts received so far. */
  readonly parts: Record<PartKey, unknown[]>;
  readonly request: AnalyzeRequest;
  readonly resolve: (r: AnalyzedSheet) => void;
  readonly reject: (e: unknown) => void;
}

/** A result sent in parts, whole again (the merges are the grid's, as buildPlan had them). */
function joinParts(result: AnalyzedSheet, p: Pending): AnalyzedSheet {
  const { summary, plan } = result;
  const computed = p.parts.summaryComputed as AnalysisSummary['computed'];
  const cells = plan.cells && {
    ...plan.cells,
    cells: p.parts.cells as NonNullable<RecomputePlan['cells']>['cells'],
    computed: p.parts.computed as NonNullable<RecomputePlan['cells']>['computed'],
    merges: p.grid.merges,
  };
  return { summary: { ...summary, computed }, plan: { ...plan, cells } };
}

/**
 * An Analyzer that runs the engine in the worker `create` makes (created on first use).
 * `log` receives why the worker was given up, if it was.
 */
export function createWorkerAnalyzer(create: () => AnalyzerWorkerLike, log: (...args: unknown[]) => void = console.warn): Analyzer {
  let worker: AnalyzerWorkerLike | null = null;
  let broken = false;
  let nextId = 1;
  const pending = new Map<number, Pending>();

  const giveUp = (why: unknown): void => {
    if (broken) return;
    broken = true;
    log('[Semáforo POI] El cálculo en segundo plano no está disponible; se calcula en el panel.', why);
    const waiting = [...pending.values()];
    pending.clear();
    for (const p of waiting) inThreadAnalyzer.analyze(p.grid, p.request).then(p.resolve, p.reject);
  };

  const start = (): AnalyzerWorkerLike | null => {
    if (worker || broken) return worker;
    try {
      const w = create();
      w.addEventListener('message', ({ data }) => {
        const p = pending.get(data.id);
        if (!p) return;
        if ('part' in data) {
          for (const item of data.items) p.parts[data.part].push(item);
          return;
        }
        pending.delete(data.id);
        if (data.ok) p.resolve(data.split ? joinParts(data.result, p) : data.result);
        else p.reject(Object.assign(new Error(data.error.message), { name: data.error.name, stack: data.error.stack }));
      });
      w.addEventListener('error', (event) => giveUp(event.message ?? event));
      worker = w;
    } catch (e) {
      giveUp(e);
    }
    return worker;
  };

  return {
    analyze(grid, request): Promise<AnalyzedSheet> {
      const w = start();
      if (!w || broken) return inThreadAnalyzer.analyze(grid, request);
      return new Promise<AnalyzedSheet>((resolve, reject) => {
        const id = nextId++;
        pending.set(id, { grid, request, resolve, reject, parts: { cells: [], computed: [], summaryComputed: [] } });
        try {
          w.postMessage({ id, grid, request });
        } catch (e) {
          // A grid that cannot be cloned: this one runs here, the worker stays.
          pending.delete(id);
          inThreadAnalyzer.analyze(grid, request).then(resolve, reject);
          log('[Semáforo POI] No se pudo enviar la hoja al cálculo en segundo plano.', e);
        }
      });
    },
  };
}
