import { analyzeSheet } from '../../src/app/analyzer';
import { answerAnalyze, createWorkerAnalyzer, type AnalyzeMessage, type AnalyzeReply, type AnalyzerWorkerLike } from '../../src/app/analyzer-worker';
import { aei, ao, oei, poiSheet } from '../fixtures/poi-sheet';

const REQUEST = { sheet: 'Reporte POI', fechaCorte: '2023-08-15' };
const grid = poiSheet({ objectives: [oei('01', [aei('01.01', [ao({ prog: [2, 2, 0, 0, 0, 0], exec: [1, 2, 0, 0, 0, 0], percent: 80 })])])] }).toGrid();

/** A worker in this thread: messages are structured-cloned both ways and answered later, as a Worker does. */
class ClonedWorker implements AnalyzerWorkerLike {
  readonly posted: AnalyzeMessage[] = [];
  private onMessage: ((e: { data: AnalyzeReply }) => void)[] = [];
  private onError: ((e: { message?: string }) => void)[] = [];
  constructor(private readonly answer: (m: AnalyzeMessage) => AnalyzeReply = answerAnalyze) {}
  postMessage(message: AnalyzeMessage): void {
    this.posted.push(message);
    const copy = structuredClone(message);
    setTimeout(() => {
      const reply = structuredClone(this.answer(copy));
      this.onMessage.forEach((l) => l({ data: reply }));
    }, 0);
  }
  addEventListener(type: 'message' | 'error', listener: never): void {
    if (type === 'message') this.onMessage.push(listener);
    else this.onError.push(listener);
  }
  fail(message: string): void {
    this.onError.forEach((l) => l({ message }));
  }
}

describe('the worker-backed analyzer', () => {
  it('gives, through structured clones, exactly what the engine gives in this thread', async () => {
    const worker = new ClonedWorker();
    const analyzer = createWorkerAnalyzer(() => worker, () => undefined);
    const result = await analyzer.analyze(grid, REQUEST);
    expect(worker.posted).toHaveLength(1);
    expect(result).toEqual(analyzeSheet(grid, REQUEST));
    expect(result.summary.observations.some((o) => o.rule === 'stated-percent')).toBe(true);
  });

  it('passes the engine’s own error back', async () => {
    const analyzer = createWorkerAnalyzer(() => new ClonedWorker(), () => undefined);
    await expect(analyzer.analyze(grid, { ...REQUEST, fechaCorte: '15/08/2023' })).rejects.toMatchObject({ name: 'InvalidOptionsError' });
  });

  it('computes in this thread when the worker cannot start or dies, without losing a request', async () => {
    const logged: unknown[] = [];
    const noWorker = createWorkerAnalyzer(() => {
      throw new Error('Worker is not defined');
    }, (...a) => logged.push(a));
    expect(await noWorker.analyze(grid, REQUEST)).toEqual(analyzeSheet(grid, REQUEST));

    // A worker that never answers, then fails to load its script.
    const silent = new ClonedWorker();
    silent.postMessage = (m) => void silent.posted.push(m);
    const analyzer = createWorkerAnalyzer(() => silent, (...a) => logged.push(a));
    const waiting = analyzer.analyze(grid, REQUEST);
    silent.fail('analysis-worker.js: 404');
    expect(await waiting).toEqual(analyzeSheet(grid, REQUEST));
    expect(await analyzer.analyze(grid, REQUEST)).toEqual(analyzeSheet(grid, REQUEST));
    expect(silent.posted).toHaveLength(1);
    expect(logged).toHaveLength(2);
  });
});
