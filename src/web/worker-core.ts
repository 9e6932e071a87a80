/**
 * What the worker does, without the worker: one open workbook, read → analyse → write.
 * Synchronous and DOM-free, so tests drive it directly in Node.
 */
import { analyze, findLayout, type Analysis } from '../engine';
import type { CellValue, Grid } from '../engine/grid/cell';
import { XlsxError, openXlsx, writePatchedCopy, type XlsxPackage } from '../hosts/xlsx';
import { observationsSheet, patchEdits, summarySheet } from '../hosts/xlsx/tool-sheets';
import type { Progress, SheetChoice, WriteResult } from '../app/contract';
import { UserFacingError } from '../app/contract';
import { toSummary } from '../app/summary';
import type { DownloadResult, OpenResult, Request, ResponseMessage, Results, SheetView, WireError } from './protocol';

type Report = (p: Progress) => void;

/** Column widths and frozen rows of the added sheets, as the CLI writes them. */

/** At most this many top rows are frozen in the view, whatever the header looks like. */
const MAX_FROZEN_ROWS = 10;

interface OpenFile {
  readonly name: string;
  bytes: Uint8Array;
  /** Null after a write, until the new bytes are needed. */
  pkg: XlsxPackage | null;
  readonly grids: Map<string, Grid>;
  modified: boolean;
}

export class WorkbookSession {
  private file: OpenFile | null = null;

  open(name: string, bytes: Uint8Array, report: Report): OpenResult {
    report({ stage: 'reading', message: `Abriendo «${name}»…` });
    const pkg = openXlsx(bytes); // throws XlsxError; the open file, if any, stays open
    this.file = { name, bytes, pkg, grids: new Map(), modified: false };
    return { name, sheets: this.sheets(report) };
  }

  /** Visible sheets (all of them when none is visible), each checked for the POI layout. */
  sheets(report: Report = () => undefined): readonly SheetChoice[] {
    const pkg = this.pkg();
    const visible = pkg.sheets.filter((s) => s.state === 'visible');
    const list = visible.length > 0 ? visible : pkg.sheets;
    return list.map((s, i) => {
      report({ stage: 'reading', fraction: i / list.length, message: `Leyendo la hoja «${s.name}»…` });
      return { name: s.name, recognised: findLayout(this.grid(s.name)) !== null };
    });
  }

  view(sheet: string): SheetView {
    const grid = this.grid(sheet);
    const layout = findLayout(grid);
    const frozen = layout ? Math.max(...layout.headerRows) + 1 : 0;
    return { sheet, grid, frozenRows: frozen <= MAX_FROZEN_ROWS ? frozen : 0 };
  }

  analyze(sheet: string, fechaCorte: string, report: Report): Analysis {
    report({ stage: 'reading', message: `Leyendo la hoja «${sheet}»…` });
    const grid = this.grid(sheet);
    report({ stage: 'computing' });
    return analyze(grid, { fechaCorte, sheet });
  }

  /** Computed cells + Observaciones + Resumen, into the open workbook (Descargar saves it). */
  recompute(sheet: string, fechaCorte: string, report: Report): WriteResult {
    const a = this.analyze(sheet, fechaCorte, report);
    if (!a.model) return { summary: toSummary(a), cellsWritten: 0, sheetsWritten: [] };
    report({ stage: 'writing', message: 'Escribiendo las celdas calculadas y las hojas Observaciones y Resumen…' });
    const edits = patchEdits(a);
    const sheets = [observationsSheet(a), summarySheet(a)];
    this.write(sheet, edits, sheets);
    return { summary: toSummary(a), cellsWritten: edits.length, sheetsWritten: sheets.map((s) => s.name) };
  }

  writeSummary(sheet: string, fechaCorte: string, report: Report): void {
    const a = this.analyze(sheet, fechaCorte, report);
    if (!a.model) {
      throw new UserFacingError(`La hoja «${sheet}» no tiene el formato del reporte de seguimiento del POI: no hay resumen que escribir. Elija la hoja del reporte.`);
    }
    report({ stage: 'writing', message: 'Escribiendo la hoja Resumen…' });
    this.write(sheet, [], [summarySheet(a)]);
  }

  download(): DownloadResult {
    const f = this.current();
    const stem = f.name.replace(/\.xlsx$/i, '');
    // A copy: the buffer is transferred to the page and the session keeps its own.
    return { fileName: f.modified ? `${stem}-recalculado.xlsx` : f.name, bytes: f.bytes.slice() };
  }

  private write(sheet: string, edits: { row: number; col: number; value: CellValue }[], addSheets: Parameters<typeof writePatchedCopy>[3]): void {
    const f = this.current();
    f.bytes = writePatchedCopy(f.bytes, sheet, edits, addSheets);
    f.modified = true;
    f.pkg = null;
    // The report sheet now holds the edits; apply them to the cached grid rather than
    // parse the whole sheet again. Other sheets (Observaciones, Resumen) are read anew.
    const grid = f.grids.get(sheet);
    f.grids.clear();
    if (grid) f.grids.set(sheet, withEdits(grid, edits));
  }

  private current(): OpenFile {
    if (!this.file) throw new UserFacingError('Abra primero un libro .xlsx (o pulse «Abrir ejemplo»).');
    return this.file;
  }

  private pkg(): XlsxPackage {
    const f = this.current();
    f.pkg ??= openXlsx(f.bytes);
    return f.pkg;
  }

  private grid(sheet: string): Grid {
    const f = this.current();
    let g = f.grids.get(sheet);
    if (!g) {
      g = this.pkg().readSheet(sheet);
      f.grids.set(sheet, g);
    }
    return g;
  }
}

/** The grid with `edits` applied; rows not edited are shared, not copied. */
export function withEdits(grid: Grid, edits: readonly { row: number; col: number; value: CellValue }[]): Grid {
  const rows = grid.rows.slice();
  const copied = new Set<number>();
  for (const e of edits) {
    if (!copied.has(e.row)) {
      rows[e.row] = (rows[e.row] ?? []).slice();
      copied.add(e.row);
    }
    const r = rows[e.row] as CellValue[];
    while (r.length <= e.col) r.push(null);
    r[e.col] = e.value;
  }
  return { rows, merges: grid.merges };
}

export function toWireError(e: unknown): WireError {
  if (e instanceof XlsxError || e instanceof UserFacingError) {
    return { userFacing: true, name: e.name, message: e.message, detail: e.detail };
  }
  if (e instanceof Error) return { userFacing: false, name: e.name, message: e.message, detail: e.stack };
  return { userFacing: false, name: 'Error', message: String(e) };
}

/** Runs one request and posts its progress and its answer. */
export function handleRequest(
  session: WorkbookSession,
  id: number,
  request: Request,
  post: (message: ResponseMessage, transfer?: Transferable[]) => void,
): void {
  const report: Report = (progress) => post({ id, kind: 'progress', progress });
  try {
    const result = run(session, request, report);
    const transfer = request.op === 'download' ? [(result as DownloadResult).bytes.buffer as ArrayBuffer] : undefined;
    post({ id, kind: 'ok', result }, transfer);
  } catch (e) {
    post({ id, kind: 'error', error: toWireError(e) });
  }
}

function run(session: WorkbookSession, r: Request, report: Report): Results[Request['op']] {
  switch (r.op) {
    case 'open':
      return session.open(r.name, r.bytes, report);
    case 'sheets':
      return session.sheets();
    case 'analyze':
      return toSummary(session.analyze(r.sheet, r.fechaCorte, report));
    case 'recompute':
      return session.recompute(r.sheet, r.fechaCorte, report);
    case 'summary':
      session.writeSummary(r.sheet, r.fechaCorte, report);
      return null;
    case 'view':
      return session.view(r.sheet);
    case 'download':
      return session.download();
  }
}
