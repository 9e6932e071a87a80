/**
 * The Analyzer in a Web Worker (the pane: a 10,000-AO report is ~1.6 s of engine that must
 * not freeze Excel's pane). The grid goes in, the summary and the plan come back, both plain
 * data. Both ends are here and DOM-free; the worker's entry file only wires `self` to
 * answerAnalyze. If the worker cannot start or dies, the engine runs in this thread instead:
 * slower to the eye, never a failure.
 */
import type { Grid } from '../engine/grid/cell';
import { analyzeSheet, inThreadAnalyzer, type AnalyzeRequest, type AnalyzedSheet, type Analyzer } from './analyzer';

export interface AnalyzeMessage {
  readonly id: number;
  readonly grid: Grid;
  readonly request: AnalyzeRequest;
}

export type AnalyzeReply =
  | { readonly id: number; readonly ok: true; readonly result: AnalyzedSheet }
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

/** What the analyzer needs of a Worker (a real one, or a test's). */
export interface AnalyzerWorkerLike {
  postMessage(message: AnalyzeMessage): void;
  addEventListener(type: 'message', listener: (event: { readonly data: AnalyzeReply }) => void): void;
  addEventListener(type: 'error', listener: (event: { readonly message?: string }) => void): void;
}

interface Pending {
  readonly grid: Grid;
  readonly request: AnalyzeRequest;
  readonly resolve: (r: AnalyzedSheet) => void;
  readonly reject: (e: unknown) => void;
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
        pending.delete(data.id);
        if (data.ok) p.resolve(data.result);
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
        pending.set(id, { grid, request, resolve, reject });
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
