import { UserFacingError } from '../../src/app/contract';
import { GENERIC_ERROR, analysisReducer, initialAnalysisState, isBusy, toShownError } from '../../src/ui/use-analysis';
import { sampleSummary } from './fake-service';

describe('analysisReducer', () => {
  it('goes idle → reading → computing → writing → done', () => {
    let s = analysisReducer(initialAnalysisState, { type: 'start', action: 'recompute' });
    expect(s.status).toBe('reading');
    s = analysisReducer(s, { type: 'progress', progress: { stage: 'computing', fraction: 0.4 } });
    expect(s).toMatchObject({ status: 'computing', progress: { stage: 'computing', fraction: 0.4 } });
    s = analysisReducer(s, { type: 'progress', progress: { stage: 'writing' } });
    expect(s.status).toBe('writing');
    const summary = sampleSummary();
    s = analysisReducer(s, { type: 'done', summary, cellsWritten: 7, sheetsWritten: ['Observaciones'] });
    expect(s).toMatchObject({ status: 'done', action: 'recompute', progress: null, summary, cellsWritten: 7, sheetsWritten: ['Observaciones'], error: null });
  });

  it('ignores progress once a run has finished', () => {
    const done = analysisReducer(analysisReducer(initialAnalysisState, { type: 'start', action: 'validate' }), { type: 'done', summary: sampleSummary() });
    expect(analysisReducer(done, { type: 'progress', progress: { stage: 'reading' } })).toBe(done);
  });

  it('keeps the last summary through a failure and clears the error on the next start', () => {
    const summary = sampleSummary();
    let s = analysisReducer(initialAnalysisState, { type: 'done', summary });
    s = analysisReducer(analysisReducer(s, { type: 'start', action: 'validate' }), { type: 'failed', error: { message: 'x' } });
    expect(s).toMatchObject({ status: 'failed', summary, error: { message: 'x' } });
    s = analysisReducer(s, { type: 'start', action: 'validate' });
    expect(s.error).toBeNull();
    expect(s.summary).toBe(summary);
  });

  it('does not mutate the state it is given', () => {
    const frozen = Object.freeze({ ...initialAnalysisState });
    expect(() => analysisReducer(frozen, { type: 'start', action: 'validate' })).not.toThrow();
    expect(frozen.status).toBe('idle');
  });

  it('knows the busy states', () => {
    expect(['idle', 'reading', 'computing', 'writing', 'done', 'failed'].map((s) => isBusy(s as never))).toEqual([false, true, true, true, false, false]);
  });
});

describe('toShownError', () => {
  it('shows a UserFacingError as it is', () => {
    expect(toShownError(new UserFacingError('Cierre la edición de la celda.', 'raw'))).toEqual({ message: 'Cierre la edición de la celda.' });
  });
  it('turns anything else into the generic sentence with a detail', () => {
    expect(toShownError(new RangeError('bad'))).toEqual({ message: GENERIC_ERROR, detail: 'RangeError: bad' });
    expect(toShownError('oops')).toEqual({ message: GENERIC_ERROR, detail: 'oops' });
  });
});
