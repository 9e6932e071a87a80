#!/usr/bin/env node
import { readdirSync, statSync, type Stats } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { XlsxError } from '../hosts/xlsx';
import { analysisJson } from './json';
import { parseCliArgs, UsageError, USAGE, wantsJson } from './args';
import { checkFile, type CheckResult } from './check-file';
import { consolidate } from './consolidate';
import type { CliOptions } from './args';
import { readConfig } from './config';
import { fsCause } from './fs-errors';
import { writeJson } from './json-stream';
import { COPY_SUFFIX, isCopyName, planOutputs } from './output-paths';
import { isFileProblem } from './read-input';
import { settleSignals } from './signals';
import { stdoutWriter, writeStderr } from './stdio';
import { visible } from './terminal';
import { countBySeverity, fileLine, fileReportLines } from './text-output';
import { useNodeCodec } from '../hosts/xlsx/node-codec';

export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** Raw text without a newline (the streamed JSON); without it, the JSON goes through `out` whole. */
  write?(chunk: string): void;
}

const stdout = stdoutWriter();
const processIo: Io = {
  out: (t) => stdout(t + '\n'),
  err: (t) => writeStderr(t + '\n'),
  write: stdout,
};

/** `POI_CHECK_DEBUG=1`: an internal error also prints its stack (for the team, not for planners). */
const debug = (): boolean => !!process.env.POI_CHECK_DEBUG && process.env.POI_CHECK_DEBUG !== '0';

const INTERNAL_HINT = 'Vuelva a intentarlo; si se repite, ejecute de nuevo con POI_CHECK_DEBUG=1 y envíe al equipo lo que imprime y el archivo.';

interface Input {
  readonly file: string;
  /** The input could not even be listed (a folder without permission…). */
  readonly problem?: string;
}

interface Inputs {
  readonly list: Input[];
  /** A folder was given: --out names a folder even for one file. */
  readonly fromFolder: boolean;
  /** Copies of an earlier run found in the folders and not read. */
  readonly skippedCopies: string[];
}

/** A folder stands for the .xlsx files in it (a planning office's batch of received workbooks). */
function expandInputs(inputs: readonly string[]): Inputs {
  const list: Input[] = [];
  const skippedCopies: string[] = [];
  let fromFolder = false;
  for (const input of inputs) {
    let stat: Stats | undefined;
    try {
      stat = statSync(input, { throwIfNoEntry: false });
    } catch (error) {
      list.push({ file: input, problem: `No se pudo abrir ${input}: ${fsCause(error)}.` });
      continue;
    }
    if (!stat?.isDirectory()) {
      list.push({ file: input });
      continue;
    }
    fromFolder = true;
    let names: string[];
    try {
      names = readdirSync(input);
    } catch (error) {
      list.push({ file: input, problem: `No se pudo leer la carpeta ${input}: ${fsCause(error)}.` });
      continue;
    }
    const found: string[] = [];
    for (const name of names.sort()) {
      if (extname(name).toLowerCase() !== '.xlsx' || name.startsWith('~$')) continue;
      // A copy written by an earlier run (--out into the same folder) is not a received report.
      if (isCopyName(name)) skippedCopies.push(join(input, name));
      else found.push(join(input, name));
    }
    if (found.length === 0) {
      const copies = skippedCopies.length > 0 ? ' (solo copias *.recalculado.xlsx; para revisarlas, indíquelas por su nombre)' : '';
      throw new UsageError(`La carpeta ${input} no tiene archivos .xlsx${copies}.`);
    }
    list.push(...found.map((file) => ({ file })));
  }
  return { list, fromFolder, skippedCopies };
}

type Outcome = { file: string; result: CheckResult } | { file: string; problem: string };

function internalError(error: unknown, file?: string): string {
  const where = file ? `${basename(file)}: ` : '';
  const detail = debug() && error instanceof Error ? ` [${error.name}: ${error.message}]` : '';
  return `${where}error interno de poi-check${detail}. ${INTERNAL_HINT}`;
}

function printStack(io: Io, error: unknown): void {
  if (debug() && error instanceof Error && error.stack) io.err(error.stack);
}

function printJson(io: Io, value: unknown): void {
  if (io.write) {
    writeJson(value, io.write);
    io.write('\n');
  } else {
    let text = '';
    writeJson(value, (chunk) => (text += chunk));
    io.out(text);
  }
}

/** Many lines (one per observation) in pieces of about 64 KB, never one string of them all. */
function printLines(io: Io, lines: readonly string[]): void {
  if (!io.write) {
    for (const line of lines) io.out(line);
    return;
  }
  let buffer = '';
  for (const line of lines) {
    buffer += line + '\n';
    if (buffer.length >= 1 << 16) {
      io.write(buffer);
      buffer = '';
    }
  }
  if (buffer) io.write(buffer);
}

/**
 * Runs the command; resolves to the exit status (0 no error, 1 errors found, 2 unusable input
 * or wrong arguments). Never throws: every failure is one Spanish line on stderr (and, with
 * --json, `{"error": "...", "code": 2}` on stdout).
 */
export async function main(argv: readonly string[], io: Io = processIo): Promise<number> {
  try {
    return await run(argv, io);
  } catch (error) {
    const known = error instanceof UsageError || isFileProblem(error);
    const message = known ? error.message : internalError(error);
    io.err(`poi-check: ${visible(message)}`);
    if (!known) printStack(io, error);
    if (wantsJson(argv)) printJson(io, { error: message, code: 2 });
    return 2;
  }
}

async function run(argv: readonly string[], io: Io): Promise<number> {
  const options = parseCliArgs(argv);
  if (options.help) {
    if (options.json) printJson(io, { usage: USAGE });
    else io.out(USAGE);
    return 0;
  }
  const inputs = expandInputs(options.files);
  const severities = options.config ? readConfig(options.config) : undefined;
  if (options.consolidate) return runConsolidated(options, inputs, severities, io);
  const files = inputs.list.map((i) => i.file);
  const many = files.length > 1;
  const readable = inputs.list.filter((i) => !i.problem).map((i) => i.file);
  const planned = planOutputs({ files: readable, out: options.out, batch: many || inputs.fromFolder, overwrite: options.overwrite });
  // By position: the same file given twice gets two outputs, like two files with one name.
  const outputs = planned[Symbol.iterator]();
  if (inputs.skippedCopies.length > 0) {
    const names = inputs.skippedCopies.map((f) => basename(f)).join(', ');
    io.err(visible(`poi-check: no se revisan ${names}: son copias recalculadas de una ejecución anterior (para revisarlas, indíquelas por su nombre).`));
  }

  const outcomes: Outcome[] = [];
  for (const input of inputs.list) {
    const { file } = input;
    if (input.problem) {
      outcomes.push({ file, problem: input.problem });
      continue;
    }
    try {
      const out = outputs.next().value;
      outcomes.push({ file, result: checkFile({ path: file, fechaCorte: options.fechaCorte, sheet: options.sheet, out, severities, choices: choicesOf(options) }) });
    } catch (error) {
      if (isFileProblem(error)) outcomes.push({ file, problem: error.message });
      // The .xlsx host's errors are user sentences (a damaged part met while writing the copy…).
      else if (error instanceof XlsxError) outcomes.push({ file, problem: `${basename(file)}: ${error.message}` });
      else {
        // An unexpected failure of the tool: say so in one line, keep the others going.
        outcomes.push({ file, problem: internalError(error, file) });
        printStack(io, error);
      }
    }
    // A Ctrl+C that arrived while a copy was written is handled here, between files.
    await settleSignals();
  }

  for (const o of outcomes) if ('problem' in o) io.err(`poi-check: ${visible(o.problem)}`);
  if (options.json) {
    const items = outcomes.map((o) =>
      'result' in o
        ? { ...analysisJson(o.file, o.result.analysis), ...(o.result.written ? { copy: o.result.written } : {}) }
        : { file: o.file, error: o.problem },
    );
    printJson(io, many ? items : items[0]);
  } else if (many) {
    for (const o of outcomes) {
      if ('result' in o) io.out(fileLine(o.file, o.result.analysis) + (o.result.written ? visible(` → ${o.result.written}`) : ''));
    }
    const read = outcomes.filter((o) => 'result' in o) as { file: string; result: CheckResult }[];
    const withErrors = read.filter((o) => countBySeverity(o.result.analysis).error > 0).length;
    io.out(`${files.length} archivos: ${read.length - withErrors} sin errores, ${withErrors} con errores, ${files.length - read.length} no se pudieron leer.`);
  } else if ('result' in outcomes[0]) {
    printLines(io, fileReportLines(outcomes[0].file, outcomes[0].result.analysis, outcomes[0].result.written));
  }

  if (outcomes.some((o) => 'problem' in o)) return 2;
  if (outcomes.some((o) => 'result' in o && o.result.analysis.observations.some((x) => x.internal))) return 2;
  return outcomes.some((o) => 'result' in o && countBySeverity(o.result.analysis).error > 0) ? 1 : 0;
}

function choicesOf(options: CliOptions): { period?: string; programmedPhase?: CliOptions['programmedPhase'] } {
  return {
    ...(options.period !== undefined ? { period: options.period } : {}),
    ...(options.programmedPhase !== undefined ? { programmedPhase: options.programmedPhase } : {}),
  };
}

/**
 * --consolidar: the exports as one entity. One JSON object (with `files`), one report; with
 * --out a new workbook (a file; in a folder, consolidado.recalculado.xlsx), never an input.
 */
async function runConsolidated(options: CliOptions, inputs: Inputs, severities: ReturnType<typeof readConfig> | undefined, io: Io): Promise<number> {
  if (inputs.skippedCopies.length > 0) {
    const names = inputs.skippedCopies.map((f) => basename(f)).join(', ');
    io.err(visible(`poi-check: no se consolidan ${names}: son copias recalculadas de una ejecución anterior.`));
  }
  const problems = inputs.list.filter((i) => i.problem).map((i) => i.problem!);
  const files = inputs.list.filter((i) => !i.problem).map((i) => i.file);
  let out = options.out;
  if (out !== undefined && isDirectory(out)) out = join(out, `consolidado${COPY_SUFFIX}.xlsx`);
  const [target] = planOutputs({ files, out, batch: false, overwrite: options.overwrite });
  const result = consolidate({ files, fechaCorte: options.fechaCorte, sheet: options.sheet, out: target, severities, choices: choicesOf(options) });
  await settleSignals();
  for (const line of [...problems, ...result.leftOut]) io.err(`poi-check: ${visible(line)}`);
  const { analysis } = result;
  const label = files.join(' + ');
  if (options.json) {
    printJson(io, { ...analysisJson(label, analysis), files: analysis.files, ...(result.written ? { copy: result.written } : {}) });
  } else {
    const lines = fileReportLines(`Consolidado de ${files.length} archivos`, analysis, result.written);
    const list = analysis.files.map((f) => `${f.file} (${f.recognised ? `hoja «${f.sheet}», ${f.activities} AO` : 'no se consolidó'})`);
    printLines(io, [lines[0], ...list.map((l) => visible(`  Archivo: ${l}`)), ...lines.slice(1)]);
  }
  if (problems.length > 0 || result.unreadable || !analysis.model) return 2;
  if (analysis.observations.some((x) => x.internal)) return 2;
  return countBySeverity(analysis).error > 0 ? 1 : 0;
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path, { throwIfNoEntry: false })?.isDirectory() ?? false;
  } catch {
    return false;
  }
}

/** The process entry (also what a bundle runs): exit status from main, nothing thrown. */
export async function runCli(argv: readonly string[] = process.argv.slice(2)): Promise<void> {
  // On Node, zip parts inflate and deflate with the native zlib (fflate stays for the browser).
  useNodeCodec();
  try {
    process.exitCode = await main(argv);
  } catch (error) {
    // main never throws; this guards printing itself (a closed stderr…): still no stack trace.
    writeStderr(`poi-check: ${internalError(error)}\n`);
    process.exitCode = 2;
  }
}

if (require.main === module) void runCli();
