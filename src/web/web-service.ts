/**
 * The PoiService of the offline page: the workbook lives in a worker (worker-core.ts);
 * this side sends requests, relays progress, and keeps the page's own state (file, shown
 * sheet, selected cell) for the components that subscribe to it.
 */
import type { AnalysisSummary, AnalyzeChoices, PoiService, Progress, SheetChoice, WriteResult } from '../app/contract';
import { UserFacingError } from '../app/contract';
import { type ShownError, toShownError } from '../ui/use-analysis';
import { defaultSheet } from '../app/choose-sheet';
import type { DownloadResult, Op, Request, RequestMessage, ResponseMessage, Results, SheetView, WireError } from './protocol';

/** What the page needs of a Worker (tests pass an in-process one). */
export interface WorkerPort {
  postMessage(message: RequestMessage, transfer: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: { readonly data: ResponseMessage }) => void): void;
  addEventListener(type: 'error', listener: (event: { readonly message: string }) => void): void;
}

export interface WebState {
  /** The open workbook; `seq` changes with every file opened. */
  readonly file: { readonly name: string; readonly seq: number } | null;
  /** Set while a file is being opened. */
  readonly opening: Progress | null;
  /** Why the last file could not be opened (the previous one, if any, stays open). */
  readonly fileError: ShownError | null;
  /** The sheet shown in the grid, and its cells once read. */
  readonly sheet: string | null;
  readonly view: SheetView | null;
  /** Why the shown sheet could not be read. */
  readonly viewError: ShownError | null;
  /** The last analysis of the shown sheet. */
  readonly summary: AnalysisSummary | null;
  /** The cell to highlight; `seq` changes on every selection, even of the same cell. */
  readonly selected: { readonly a1: string; readonly seq: number } | null;
  /** Computed cells or sheets were written: Descargar offers the recomputed copy. */
  readonly modified: boolean;
}

const INITIAL: WebState = {
  file: null,
  opening: null,
  fileError: null,
  sheet: null,
  view: null,
  viewError: null,
  summary: null,
  selected: null,
  modified: false,
};

export const WORKER_FAILED =
  'No se pudo iniciar el cálculo en segundo plano. Recargue la página; si se repite, use una versión reciente de Chrome, Edge o Firefox.';

interface Pending {
  readonly resolve: (value: never) => void;
  readonly reject: (e: unknown) => void;
  readonly onProgress?: (p: Progress) => void;
}

export class WebPoiService implements PoiService {
  private state: WebState = INITIAL;
  private readonly listeners = new Set<() => void>();
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private selectSeq = 0;

  constructor(private readonly worker: WorkerPort) {
    worker.addEventListener('message', (e) => this.receive(e.data));
    worker.addEventListener('error', (e) => {
      const error = new UserFacingError(WORKER_FAILED, e.message);
      for (const p of this.pending.values()) p.reject(error);
      this.pending.clear();
    });
  }

  // --- store, for useSyncExternalStore --------------------------------------------
  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
  readonly getState = (): WebState => this.state;

  private set(patch: Partial<WebState>): void {
    this.state = { ...this.state, ...patch };
    for (const l of this.listeners) l();
  }

  // --- page-only actions ----------------------------------------------------------
  async openFile(file: Blob & { readonly name: string }): Promise<void> {
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await file.arrayBuffer());
    } catch (e) {
      this.set({ fileError: { message: `No se pudo leer «${file.name}». Revise que el archivo siga en su lugar y vuelva a intentarlo.`, detail: String(e) } });
      return;
    }
    await this.openBytes(file.name, bytes);
  }

  /** Opens the sample bundled beside the page (no network beyond this page's own folder). */
  async openSample(url: string, name = url.split('/').pop() ?? 'ejemplo.xlsx'): Promise<void> {
    this.set({ opening: { stage: 'reading', message: 'Descargando el ejemplo…' }, fileError: null });
    let bytes: Uint8Array;
    try {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      bytes = new Uint8Array(await response.arrayBuffer());
    } catch (e) {
      this.set({
        opening: null,
        fileError: {
          message: 'No se encontró el libro de ejemplo junto a la página. Vuelva a construir la página (npm run build:web) o abra su propio archivo .xlsx.',
          detail: e instanceof Error ? e.message : String(e),
        },
      });
      return;
    }
    await this.openBytes(name, bytes);
  }

  async openBytes(name: string, bytes: Uint8Array): Promise<void> {
    this.set({ opening: { stage: 'reading', message: `Abriendo «${name}»…` }, fileError: null });
    // The buffer is transferred (not copied) to the worker; a view into a larger buffer is copied first.
    const own = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice();
    try {
      const opened = await this.request({ op: 'open', name, bytes: own }, (p) => this.set({ opening: p }), [own.buffer as ArrayBuffer]);
      const first = defaultSheet(opened.sheets);
      this.set({
        ...INITIAL,
        file: { name: opened.name, seq: (this.state.file?.seq ?? 0) + 1 },
        sheet: first,
      });
      if (first !== null) await this.loadView(first);
    } catch (e) {
      this.set({ opening: null, fileError: toShownError(e) });
    }
  }

  /** Shows `sheet` in the grid (reads it once; the worker keeps it). */
  async showSheet(sheet: string): Promise<void> {
    if (sheet === this.state.sheet) return; // shown, or on its way
    this.set({ sheet, view: null, viewError: null, selected: null, summary: this.state.summary?.sheet === sheet ? this.state.summary : null });
    await this.loadView(sheet);
  }

  /** The open workbook with what was written, ready to save. */
  async download(): Promise<DownloadResult> {
    return this.request({ op: 'download' });
  }

  // --- PoiService -----------------------------------------------------------------
  async listSheets(): Promise<readonly SheetChoice[]> {
    return this.request({ op: 'sheets' });
  }

  async analyze(sheet: string, fechaCorte: string, onProgress?: (p: Progress) => void, choices?: AnalyzeChoices): Promise<AnalysisSummary> {
    const summary = await this.request({ op: 'analyze', sheet, fechaCorte, ...(choices ? { choices } : {}) }, onProgress);
    await this.showSummary(summary, false);
    return summary;
  }

  async recompute(sheet: string, fechaCorte: string, onProgress?: (p: Progress) => void, choices?: AnalyzeChoices): Promise<WriteResult> {
    const result = await this.request({ op: 'recompute', sheet, fechaCorte, ...(choices ? { choices } : {}) }, onProgress);
    // The grid keeps showing the sheet until the written one arrives (no flicker).
    if (result.summary.recognised) this.set({ modified: true });
    await this.showSummary(result.summary, true);
    return result;
  }

  async writeSummary(sheet: string, fechaCorte: string, onProgress?: (p: Progress) => void, choices?: AnalyzeChoices): Promise<void> {
    await this.request({ op: 'summary', sheet, fechaCorte, ...(choices ? { choices } : {}) }, onProgress);
    this.set({ modified: true });
  }

  async selectCell(sheet: string, a1: string): Promise<void> {
    if (sheet !== this.state.sheet) await this.showSheet(sheet);
    this.set({ selected: { a1, seq: ++this.selectSeq } });
  }

  // --- plumbing -------------------------------------------------------------------
  /** Shows the analysed sheet with its marks; `reload` after a write changed its cells. */
  private async showSummary(summary: AnalysisSummary, reload: boolean): Promise<void> {
    const switching = summary.sheet !== this.state.sheet;
    this.set(switching ? { sheet: summary.sheet, view: null, viewError: null, selected: null, summary } : { summary });
    if (switching || reload) await this.loadView(summary.sheet);
  }

  /** Never rejects: a sheet that cannot be read is shown as `viewError` where the grid would be. */
  private async loadView(sheet: string): Promise<void> {
    const seq = this.state.file?.seq;
    const current = () => this.state.sheet === sheet && this.state.file?.seq === seq;
    try {
      const view = await this.request({ op: 'view', sheet });
      if (current()) this.set({ view, viewError: null }); // drop a late answer for a sheet no longer shown
    } catch (e) {
      if (current()) this.set({ view: null, viewError: toShownError(e) });
    }
  }

  private request<K extends Op>(
    request: Extract<Request, { op: K }>,
    onProgress?: (p: Progress) => void,
    transfer: Transferable[] = [],
  ): Promise<Results[K]> {
    const id = this.nextId++;
    return new Promise<Results[K]>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: never) => void, reject, onProgress });
      this.worker.postMessage({ ...request, id }, transfer);
    });
  }

  private receive(message: ResponseMessage): void {
    const p = this.pending.get(message.id);
    if (!p) return;
    if (message.kind === 'progress') {
      p.onProgress?.(message.progress);
      return;
    }
    this.pending.delete(message.id);
    if (message.kind === 'ok') p.resolve(message.result as never);
    else p.reject(fromWire(message.error));
  }
}

function fromWire(w: WireError): Error {
  if (w.userFacing) return new UserFacingError(w.message, w.detail);
  const e = new Error(w.message);
  e.name = w.name;
  if (w.detail) e.stack = w.detail;
  return e;
}
