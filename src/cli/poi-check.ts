#!/usr/bin/env node
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { analysisJson } from './json';
import { parseCliArgs, UsageError, USAGE, type CliOptions } from './args';
import { checkFile, FileProblem, samePath, type CheckResult } from './check-file';
import { readConfig } from './config';
import { countBySeverity, fileLine, fileReport } from './text-output';

export interface Io {
  out(text: string): void;
  err(text: string): void;
}

const processIo: Io = {
  out: (t) => process.stdout.write(t + '\n'),
  err: (t) => process.stderr.write(t + '\n'),
};

/** A folder stands for the .xlsx files in it (a planning office's batch of received workbooks). */
function expandInputs(inputs: readonly string[]): string[] {
  const files: string[] = [];
  for (const input of inputs) {
    if (existsSync(input) && statSync(input).isDirectory()) {
      const found = readdirSync(input)
        .filter((f) => extname(f).toLowerCase() === '.xlsx' && !f.startsWith('~$'))
        .sort()
        .map((f) => join(input, f));
      if (found.length === 0) throw new UsageError(`La carpeta ${input} no tiene archivos .xlsx.`);
      files.push(...found);
    } else files.push(input);
  }
  return files;
}

function outputPath(options: CliOptions, file: string, many: boolean): string | undefined {
  if (!options.out) return undefined;
  if (!many) return options.out;
  mkdirSync(options.out, { recursive: true });
  return join(options.out, basename(file, extname(file)) + '.recalculado.xlsx');
}

type Outcome = { file: string; result: CheckResult } | { file: string; problem: string };

/** Runs the command; returns the exit status (0 no error, 1 errors found, 2 unusable input). */
export function main(argv: readonly string[], io: Io = processIo): number {
  let options: CliOptions;
  let files: string[];
  let severities;
  try {
    options = parseCliArgs(argv);
    if (options.help) {
      io.out(USAGE);
      return 0;
    }
    files = expandInputs(options.files);
    severities = options.config ? readConfig(options.config) : undefined;
    const many = files.length > 1;
    if (options.out && !many && samePath(options.out, files[0])) {
      throw new UsageError('--out no puede ser el archivo de entrada: elija otro nombre para la copia recalculada.');
    }
    if (options.out && many && files.some((f) => samePath(f, options.out!))) {
      throw new UsageError('--out debe ser una carpeta distinta de los archivos de entrada.');
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`poi-check: ${error.message}`);
      return 2;
    }
    throw error;
  }

  const many = files.length > 1;
  const outcomes: Outcome[] = files.map((file) => {
    try {
      const out = outputPath(options, file, many);
      if (out && samePath(out, file)) return { file, problem: `${basename(file)}: la copia tendría el mismo nombre que la entrada; use otra carpeta en --out.` };
      return { file, result: checkFile({ path: file, fechaCorte: options.fechaCorte, sheet: options.sheet, out, severities }) };
    } catch (error) {
      if (error instanceof FileProblem) return { file, problem: error.message };
      // An unexpected failure of the tool: say so in one line, keep the others going.
      return { file, problem: `${basename(file)}: error interno de poi-check (${error instanceof Error ? error.message : String(error)}). Informe al equipo con el archivo.` };
    }
  });

  for (const o of outcomes) if ('problem' in o) io.err(`poi-check: ${o.problem}`);
  if (options.json) {
    const items = outcomes.map((o) => ('result' in o ? analysisJson(o.file, o.result.analysis) : { file: o.file, error: o.problem }));
    io.out(JSON.stringify(many ? items : items[0], null, 2));
  } else if (many) {
    for (const o of outcomes) if ('result' in o) io.out(fileLine(o.file, o.result.analysis));
    const read = outcomes.filter((o) => 'result' in o) as { file: string; result: CheckResult }[];
    const withErrors = read.filter((o) => countBySeverity(o.result.analysis).error > 0).length;
    io.out(`${files.length} archivos: ${read.length - withErrors} sin errores, ${withErrors} con errores, ${files.length - read.length} no se pudieron leer.`);
  } else if ('result' in outcomes[0]) {
    io.out(fileReport(outcomes[0].file, outcomes[0].result.analysis, outcomes[0].result.written));
  }

  if (outcomes.some((o) => 'problem' in o)) return 2;
  if (outcomes.some((o) => 'result' in o && o.result.analysis.observations.some((x) => x.internal))) return 2;
  return outcomes.some((o) => 'result' in o && countBySeverity(o.result.analysis).error > 0) ? 1 : 0;
}

if (require.main === module) {
  process.exitCode = main(process.argv.slice(2));
}
