/// <reference lib="webworker" />
/**
 * The page's worker: reading, analysing and writing a workbook take seconds on a large
 * report, so they run here and the page keeps answering clicks.
 */
import { WorkbookSession, handleRequest } from './worker-core';
import type { RequestMessage, ResponseMessage } from './protocol';

declare const self: DedicatedWorkerGlobalScope;

const session = new WorkbookSession();

self.onmessage = (event: MessageEvent<RequestMessage>) => {
  const { id, ...request } = event.data;
  handleRequest(session, id, request, (message: ResponseMessage, transfer?: Transferable[]) =>
    self.postMessage(message, transfer ?? []),
  );
};
