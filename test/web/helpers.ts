import { buildWorkbook } from '../../src/hosts/xlsx';
import { WorkbookSession, handleRequest } from '../../src/web/worker-core';
import type { RequestMessage, ResponseMessage } from '../../src/web/protocol';
import type { WorkerPort } from '../../src/web/web-service';
import { aei, ao, oei, poiSheet } from '../fixtures/poi-sheet';

type Listener = (event: { readonly data: ResponseMessage }) => void;
type ErrorListener = (event: { readonly message: string }) => void;

/** The worker's code run in the same thread, answering asynchronously as a Worker does. */
export class InProcessWorker implements WorkerPort {
  readonly session = new WorkbookSession();
  readonly posted: RequestMessage[] = [];
  private readonly onMessage: Listener[] = [];
  private readonly onError: ErrorListener[] = [];

  postMessage(message: RequestMessage): void {
    this.posted.push(message);
    setTimeout(() => {
      const { id, ...request } = message;
      handleRequest(this.session, id, request, (m) => this.onMessage.forEach((l) => l({ data: m })));
    }, 0);
  }

  addEventListener(type: 'message', listener: Listener): void;
  addEventListener(type: 'error', listener: ErrorListener): void;
  addEventListener(type: 'message' | 'error', listener: Listener | ErrorListener): void {
    if (type === 'message') this.onMessage.push(listener as Listener);
    else this.onError.push(listener as ErrorListener);
  }

  /** Simulates the worker script failing to load. */
  crash(message: string): void {
    this.onError.forEach((l) => l({ message }));
  }
}

export const REPORT_SHEET = 'Reporte POI';

/** A small report: 3 AO, computed cells blank (so Recalcular has cells to write), and a notes sheet. */
export function smallReport() {
  return poiSheet({
    objectives: [
      oei('01', [
        aei('01.01', [
          ao({ code: 'AOI30126400101', prog: [1, 1, 1, 1, 1, 1], exec: [1, 1, 1, 1, 1, 1], finProg: [10, 0, 0, 0, 0, 0], finExec: [10, 0, 0, 0, 0, 0] }),
          ao({ code: 'AOI30126400102', prog: [2, 2, 2, 2, 2, 2], exec: [1, 1, 1, 1, 1, 1] }),
        ]),
        aei('01.02', [ao({ code: 'AOI30126400103', prog: [4, 0, 0, 0, 0, 0], exec: [1, 0, 0, 0, 0, 0], percent: 90 })]),
      ]),
    ],
  });
}

export function smallWorkbook(): Uint8Array {
  const sheet = smallReport();
  return buildWorkbook([
    { name: 'Notas', table: [[{ value: 'Notas del planificador' }]] },
    sheet.sheetSpec(REPORT_SHEET),
  ]);
}

export const CSV_BYTES = new TextEncoder().encode('AOI,PROGRAMADO,EJECUTADO\nAOI1,1,1\n');
export const PDF_BYTES = new TextEncoder().encode('%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n');

export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0));
}
