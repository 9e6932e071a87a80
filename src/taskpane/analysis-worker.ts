/// <reference lib="webworker" />
/**
 * The pane's engine worker (an entry of its own: webpack finds it through
 * create-analysis-worker.ts). Everything it does is src/app/analyzer-worker.ts's answerAnalyze and replyInParts.
 */
import { answerAnalyze, replyInParts, type AnalyzeMessage } from '../app/analyzer-worker';

declare const self: DedicatedWorkerGlobalScope;

self.onmessage = (event: MessageEvent<AnalyzeMessage>) => {
  // In parts: the pane's thread deserialises each in a task of its own.
  for (const reply of replyInParts(answerAnalyze(event.data))) self.postMessage(reply);
};
