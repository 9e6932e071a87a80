import { analyzeSheet } from '../../src/app/analyzer';
import { answerAnalyze, createWorkerAnalyzer, PART_SIZE, replyInParts, type AnalyzeMessage, type AnalyzeReply, type AnalyzerWorkerLike } from '../../src/app/analyzer-worker';
import { aei, ao, oei, poiSheet } from '../fixtures/poi-sheet';

const REQUEST = { sheet: 'Reporte POI', fechaCorte: '2023-08-15' };
const grid = poiSheet({ objectives: [oei('01', [aei('01.01', [ao({ prog: [2, 2, 0, 0, 0, 0], exec: [1, 2, 0, 0, 0, 0], percent: 80 })])])] }).toGrid();

/** A worker in this thread: messages are structured-cloned both ways and answered later, as a Worker does. */
class ClonedWorker implements AnalyzerWorkerLike {
  readonly posted: AnalyzeMessage[] = [];
  private onMessage: ((e: { data: AnalyzeReply }) => void)[] = [];
  private onError: ((e: { message?: string }) => void)[] = [];
  readonly replies: AnalyzeReply[] = [];
  constructor(
    private readonly answer: (m: AnalyzeMessage) => AnalyzeReply = answerAnalyze,
    /** The pane's worker sends a result in parts. */
    private readonly split: (r: AnalyzeReply) => AnalyzeReply[] = (r) => [r],
  ) {}
  postMessage(message: AnalyzeMessage): void {
    this.posted.push(message);
    const copy = structuredClone(message);
    setTimeout(() => {
      for (const reply of this.split(this.answer(copy))) {
        this.replies.push(reply);
        // Each message is its own task, as a Worker's are.
        setTimeout(() => this.onMessage.forEach((l) => l({ data: structuredClone(reply) })), 0);
      }
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

  it('gives the same when the result comes in parts (each a task of the pane’s thread), the long arrays at most PART_SIZE a message', async () => {
    const big = poiSheet({
      objectives: [oei('01', [aei('01.01', Array.from({ length: 1_100 }, (_, i) => ao({ code: `AOI${String(i).padStart(11, '0')}`, prog: [2, 2, 0, 0, 0, 0], exec: [1, 2, 0, 0, 0, 0] })))])],
    }).toGrid();
    const worker = new ClonedWorker(answerAnalyze, replyInParts);
    const result = await createWorkerAnalyzer(() => worker, () => undefined).analyze(big, REQUEST);
    const whole = analyzeSheet(big, REQUEST);
    expect(whole.plan.cells!.cells.length).toBeGreaterThan(PART_SIZE);
    expect(result).toEqual(whole);
    const parts = worker.replies.filter((r) => 'part' in r);
    expect(parts.length).toBeGreaterThanOrEqual(3);
    expect(Math.max(...parts.map((r) => ('part' in r ? r.items.length : 0)))).toBe(PART_SIZE);
    // The last message carries the rest, without the long arrays (nor the grid's merges).
    const last = worker.replies[worker.replies.length - 1];
    expect('ok' in last && last.ok && last.result.plan.cells).toMatchObject({ cells: [], computed: [], merges: [] });
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
