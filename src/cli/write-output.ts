/**
 * Writing a copy: it appears whole or not at all (a temporary file renamed into place), the
 * temporary file never survives a failure or a signal, and a failure names its cause.
 */
import nodeFs from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fsCause } from './fs-errors';
import { FileProblem } from './read-input';
import { holdTemp, releaseTemp } from './signals';

/** The calls used, so a test can make the disk fail (ENOSPC) or a signal arrive mid-write (also by patching node:fs itself: it is read at each call). */
export type WriteFs = Pick<typeof nodeFs, 'openSync' | 'writeSync' | 'closeSync' | 'renameSync' | 'unlinkSync'>;

export function tempPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
}

export function writeAtomically(path: string, bytes: Uint8Array, fs: WriteFs = nodeFs): void {
  const tmp = tempPathFor(path);
  holdTemp(tmp);
  let created = false;
  try {
    // 'wx': never follow or reuse a file already there under the temporary name.
    const fd = fs.openSync(tmp, 'wx');
    created = true;
    try {
      for (let at = 0; at < bytes.length; ) at += fs.writeSync(fd, bytes, at, bytes.length - at);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, path);
    created = false;
  } catch (error) {
    if (created) {
      try {
        fs.unlinkSync(tmp);
      } catch {
        // Best effort: the message below is what matters.
      }
    }
    throw new FileProblem(`No se pudo escribir ${path}: ${fsCause(error)}.`);
  } finally {
    releaseTemp(tmp);
  }
}
