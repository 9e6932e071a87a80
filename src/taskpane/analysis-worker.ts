/// <reference lib="webworker" />
/**
 * The pane's engine worker (an entry of its own: webpack finds it through
 * create-analysis-worker.ts). Everything it does is src/app/analyzer-worker.ts's answerAnalyze.
 */
import { answerAnalyze, type AnalyzeMessage } from '../app/analyzer-worker';

declare const self: DedicatedWorkerGlobalScope;

self.onmessage = (event: MessageEvent<AnalyzeMessage>) => {
  self.postMessage(answerAnalyze(event.data));
};
