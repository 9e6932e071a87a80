/**
 * Reading a received workbook from disk: only regular files, never more bytes than the size
 * the file system states (a device, a pipe or a socket has no honest size), and every
 * operating-system error said in one Spanish line.
 */
import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import { fsCause } from './fs-errors';

/** A file the command cannot use: exit 2, this Spanish line on stderr. */
export class FileProblem extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FileProblem';
  }
}

/** Also a FileProblem from another copy of this class (a module duplicated by a merge or a bundle). */
export function isFileProblem(error: unknown): error is Error {
  return error instanceof FileProblem || (error instanceof Error && error.name === 'FileProblem');
}

// Guards the machine against a file that is not a workbook at all (a 2 GB video renamed).
export const MAX_FILE_BYTES = 512 * 1024 * 1024;

// O_NONBLOCK: opening a named pipe swapped in after the stat check must not wait for a writer.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

export function readWorkbookFile(path: string): Uint8Array {
  const stat = statOrProblem(path);
  refuseIrregular(path, stat);
  let fd: number;
  try {
    fd = openSync(path, OPEN_FLAGS);
  } catch (error) {
    throw new FileProblem(`No se pudo abrir ${path}: ${fsCause(error)}.`);
  }
  try {
    // The size of what was opened, not of what was stat'ed a moment before.
    const opened = fstatSync(fd);
    refuseIrregular(path, opened);
    const bytes = new Uint8Array(opened.size);
    let read = 0;
    while (read < bytes.length) {
      const n = readSync(fd, bytes, read, bytes.length - read, null);
      if (n === 0) break;
      read += n;
    }
    // A file that shrank while read is cut short; the xlsx reader reports it as incomplete.
    return read === bytes.length ? bytes : bytes.subarray(0, read);
  } catch (error) {
    if (error instanceof FileProblem) throw error;
    throw new FileProblem(`No se pudo leer ${path}: ${fsCause(error)}.`);
  } finally {
    closeSync(fd);
  }
}

function statOrProblem(path: string): Stats {
  let stat: Stats | undefined;
  try {
    stat = statSync(path, { throwIfNoEntry: false });
  } catch (error) {
    throw new FileProblem(`No se pudo abrir ${path}: ${fsCause(error)}.`);
  }
  if (!stat) throw new FileProblem(`No se encontró el archivo ${path}. Revise la ruta y el nombre.`);
  return stat;
}

function refuseIrregular(path: string, stat: Stats): void {
  if (stat.isDirectory()) throw new FileProblem(`${path} es una carpeta; indique los archivos .xlsx que contiene.`);
  if (!stat.isFile()) {
    throw new FileProblem(
      `${path} no es un archivo común (es un dispositivo, una tubería o un socket): guarde el reporte como archivo .xlsx e indíquelo.`,
    );
  }
  if (stat.size > MAX_FILE_BYTES) throw new FileProblem(`${path} pesa más de 512 MB: no parece un reporte POI. Revise el archivo.`);
}
