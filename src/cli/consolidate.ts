/**
 * `--consolidar`: several flat exports (one per unit, usually) read as one entity through the
 * engine's analyzeExports, and with --out one generated report written into a NEW workbook: a
 * copy of the first export read (kept byte for byte) plus «Reporte de seguimiento»,
 * Observaciones (with the file of each observation) and Resumen. No input is ever written.
 */
import { basename } from 'node:path';
import { buildPlan } from '../app/build-plan';
import { chooseSheetSync } from '../app/choose-sheet';
import type { AnalyzeChoices } from '../app/contract';
import type { RecomputePlan, ToolSheet } from '../app/plan';
import { analyzeExports, type ConsolidatedAnalysis, type ExportInput } from '../engine/flat/consolidate';
import type { Severity } from '../engine/observation';
import type { TableCell } from '../engine/report/tables';
import { XlsxError } from '../hosts/xlsx';
import { createXlsxPort, type XlsxWorkbookPort } from '../hosts/xlsx/workbook-port';
import { almostExport, CHOOSE_WITH_HOJA } from './check-file';
import { FileProblem, isFileProblem, readWorkbookFile } from './read-input';
import { writeAtomically } from './write-output';

export interface ConsolidateRequest {
  readonly files: readonly string[];
  readonly fechaCorte: string;
  readonly sheet?: string;
  readonly out?: string;
  readonly severities?: Readonly<Record<string, Severity | 'off'>>;
  readonly choices?: AnalyzeChoices;
}

export interface ConsolidateResult {
  readonly analysis: ConsolidatedAnalysis;
  readonly written?: string;
  /** One Spanish line per input left out (unreadable, no sheet, a printed report, a copy of ours). */
  readonly leftOut: readonly string[];
  /** True when an input was left out (unreadable, no sheet, a printed report, a copy of ours): exit 2. */
  readonly unreadable: boolean;
}

interface Opened {
  readonly input: ExportInput;
  readonly port: XlsxWorkbookPort;
}

function open(file: string, sheet: string | undefined): Opened {
  try {
    const port = createXlsxPort(readWorkbookFile(file));
    // A workbook this tool wrote (it carries our generated report) would count its AO twice.
    if (port.now.sheets().some((s) => s.toolRole === 'reporte')) {
      throw new FileProblem(
        `${basename(file)}: es un libro escrito por poi-check (tiene la hoja «Reporte de seguimiento» generada); no se consolida. Indique las exportaciones originales.`,
      );
    }
    const pick = chooseSheetSync(port.now, { wanted: sheet, whatToDo: CHOOSE_WITH_HOJA });
    if (pick.sheet === null) throw new FileProblem(`${basename(file)}: ${almostExport(port, sheet) ?? pick.reason}`);
    return { input: { file, sheet: pick.sheet, grid: port.now.readGrid(pick.sheet) }, port };
  } catch (error) {
    if (error instanceof XlsxError) throw new FileProblem(`${basename(file)}: ${error.message}`);
    throw error;
  }
}

/** Observaciones with a first column «Archivo»; a cell links only when it is in the copy (the first export). */
function withFiles(sheet: ToolSheet, analysis: ConsolidatedAnalysis, base: string): ToolSheet {
  const table = sheet.table.map((row, i): readonly TableCell[] => {
    if (i === 0) return [{ value: 'Archivo', bold: true }, ...row];
    const o = analysis.observations[i - 1];
    const file = o?.file;
    const cells = file === base ? row : row.map((c) => (c.link ? { ...c, link: undefined } : c));
    return [{ value: file ? basename(file) : null }, ...cells];
  });
  return { ...sheet, table, ...(sheet.columnWidths ? { columnWidths: [28, ...sheet.columnWidths] } : {}) };
}

/** The plan for the new workbook: nothing written in the export kept; the tool's sheets added. */
function consolidatedPlan(analysis: ConsolidatedAnalysis, base: ExportInput): RecomputePlan {
  const plan = buildPlan(analysis);
  const sheets = plan.sheets.map((s) => (s.role === 'observaciones' ? withFiles(s, analysis, base.file) : s));
  return {
    ...plan,
    sheet: base.sheet,
    cells: { sheet: base.sheet, cells: [], computed: [], merges: [] },
    sheets,
  };
}

export function consolidate(request: ConsolidateRequest): ConsolidateResult {
  const opened: Opened[] = [];
  const leftOut: string[] = [];
  for (const file of request.files) {
    try {
      opened.push(open(file, request.sheet));
    } catch (error) {
      if (!isFileProblem(error)) throw error;
      leftOut.push(error.message);
    }
  }
  const analysis = analyzeExports(
    opened.map((o) => o.input),
    { fechaCorte: request.fechaCorte, severities: request.severities, ...request.choices },
  );
  // A printed report or a foreign sheet: its observation says why; it is left out of the figures.
  for (const f of analysis.files) {
    if (f.recognised) continue;
    const why = analysis.observations.find((o) => o.file === f.file && o.rule === 'header-not-found');
    leftOut.push(`${basename(f.file)}: no se consolida. ${why?.message ?? ''}`.trim());
  }
  const unreadable = leftOut.length > 0;
  if (!request.out || !analysis.model) return { analysis, leftOut, unreadable };
  const base = opened.find((o) => analysis.files.some((f) => f.file === o.input.file && f.recognised))!;
  try {
    base.port.now.apply(consolidatedPlan(analysis, base.input));
  } catch (error) {
    // A damaged part met while writing the copy: a sentence about that file, not ours.
    if (error instanceof XlsxError) throw new FileProblem(`${basename(base.input.file)}: ${error.message}`);
    throw error;
  }
  writeAtomically(request.out, base.port.bytes());
  return { analysis, written: request.out, leftOut, unreadable };
}
