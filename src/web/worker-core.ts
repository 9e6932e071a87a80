/**
 * What the worker does, without the worker: one open workbook, and the application layer
 * over the .xlsx port (src/app/service.ts). DOM-free, so tests drive it directly in Node.
 */
import { findLayout } from '../engine';
import { CHOOSE_THE_SHEET } from '../engine/not-recognised';
import { XlsxError, XlsxInternalError } from '../hosts/xlsx';
import { createXlsxPort, type XlsxWorkbookPort } from '../hosts/xlsx/workbook-port';
import type { AnalysisSummary, AnalyzeChoices, Progress, SheetChoice, WriteResult } from '../app/contract';
import { UserFacingError } from '../app/contract';
import { createPoiService, type AppPoiService } from '../app/service';
import type { DownloadResult, OpenResult, Request, ResponseMessage, Results, SheetView, WireError } from './protocol';

type Report = (p: Progress) => void;

/** At most this many top rows are frozen in the view, whatever the header looks like. */
const MAX_FROZEN_ROWS = 10;

interface OpenFile {
  readonly name: string;
  readonly port: XlsxWorkbookPort;
  readonly service: AppPoiService;
}

export class WorkbookSession {
  private file: OpenFile | null = null;
  private tail: Promise<unknown> = Promise.resolve();

  /** Requests run one after another, as they arrive: a view never sees half a recompute. */
  serial<T>(task: () => Promise<T>): Promise<T> {
    const next = this.tail.then(task, task);
    this.tail = next.catch(() => undefined);
    return next;
  }

  async open(name: string, bytes: Uint8Array, report: Report): Promise<OpenResult> {
    report({ stage: 'reading', message: `Abriendo «${name}»…` });
    const port = createXlsxPort(bytes); // throws XlsxError; the open file, if any, stays open
    const file: OpenFile = { name, port, service: createPoiService(port, { whatToDo: CHOOSE_THE_SHEET }) };
    const sheets = await file.service.listSheets();
    this.file = file;
    return { name, sheets };
  }

  /** The sheets a planner may choose from, each checked for the POI layout. */
  sheets(): Promise<readonly SheetChoice[]> {
    return this.current().service.listSheets();
  }

  async view(sheet: string): Promise<SheetView> {
    const grid = await this.current().port.readGrid(sheet);
    const layout = findLayout(grid);
    const frozen = layout ? Math.max(...layout.headerRows) + 1 : 0;
    return { sheet, grid, frozenRows: frozen <= MAX_FROZEN_ROWS ? frozen : 0 };
  }

  analyze(sheet: string, fechaCorte: string, report: Report, choices?: AnalyzeChoices): Promise<AnalysisSummary> {
    return this.current().service.analyze(sheet, fechaCorte, report, choices);
  }

  /** Computed cells + the tool's sheets, into the open workbook (Descargar saves it). */
  recompute(sheet: string, fechaCorte: string, report: Report, choices?: AnalyzeChoices): Promise<WriteResult> {
    return this.current().service.recompute(sheet, fechaCorte, report, choices);
  }

  writeSummary(sheet: string, fechaCorte: string, report: Report, choices?: AnalyzeChoices): Promise<void> {
    return this.current().service.writeSummary(sheet, fechaCorte, report, choices);
  }

  download(): DownloadResult {
    const f = this.current();
    const stem = f.name.replace(/\.xlsx$/i, '');
    // A copy: the buffer is transferred to the page and the session keeps its own.
    return { fileName: f.port.modified ? `${stem}-recalculado.xlsx` : f.name, bytes: f.port.bytes().slice() };
  }

  private current(): OpenFile {
    if (!this.file) throw new UserFacingError('Abra primero un libro .xlsx (o pulse «Abrir ejemplo»).');
    return this.file;
  }
}

export function toWireError(e: unknown): WireError {
  if (e instanceof XlsxError || e instanceof UserFacingError) {
    return { userFacing: true, name: e.name, message: e.message, detail: e.detail };
  }
  // A defect of ours (XlsxInternalError included) is not the file's fault: its detail goes to the detail view.
  if (e instanceof XlsxInternalError) return { userFacing: false, name: e.name, message: e.message, detail: e.detail ?? e.stack };
  if (e instanceof Error) return { userFacing: false, name: e.name, message: e.message, detail: e.stack };
  return { userFacing: false, name: 'Error', message: String(e) };
}

/** Runs one request (after those before it) and posts its progress and its answer. */
export function handleRequest(
  session: WorkbookSession,
  id: number,
  request: Request,
  post: (message: ResponseMessage, transfer?: Transferable[]) => void,
): void {
  const report: Report = (progress) => post({ id, kind: 'progress', progress });
  // Never rejects: every failure is posted as the answer.
  void session.serial(() => run(session, request, report)).then(
    (result) => {
      const transfer = request.op === 'download' ? [(result as DownloadResult).bytes.buffer as ArrayBuffer] : undefined;
      post({ id, kind: 'ok', result }, transfer);
    },
    (e: unknown) => post({ id, kind: 'error', error: toWireError(e) }),
  );
}

async function run(session: WorkbookSession, r: Request, report: Report): Promise<Results[Request['op']]> {
  switch (r.op) {
    case 'open':
      return session.open(r.name, r.bytes, report);
    case 'sheets':
      return session.sheets();
    case 'analyze':
      return session.analyze(r.sheet, r.fechaCorte, report, r.choices);
    case 'recompute':
      return session.recompute(r.sheet, r.fechaCorte, report, r.choices);
    case 'summary':
      await session.writeSummary(r.sheet, r.fechaCorte, report, r.choices);
      return null;
    case 'view':
      return session.view(r.sheet);
    case 'download':
      return session.download();
  }
}
