/**
 * Synchronous writes to stdout and stderr: the JSON of a large run is streamed in pieces
 * without queueing them all in memory, a reader that stops early (`| head`) ends the output
 * quietly (EPIPE), and a non-blocking pipe (EAGAIN) is waited for instead of failing.
 */
import { writeSync } from 'node:fs';
import { errorCode } from './fs-errors';

const pause = new Int32Array(new SharedArrayBuffer(4));

/** fs.writeSync's two forms used here (a test passes one that writes little at a time). */
export type WriteSync = {
  (fd: number, text: string): number;
  (fd: number, bytes: Uint8Array): number;
};

/**
 * Writes all of `text` to `fd`; false once the reader has gone (EPIPE). The string goes to
 * Node as it is: a Buffer per 64 KB piece, counted by V8 as external memory, cost a 10,000-AO
 * --json run about 20 ms of garbage collection. Only the rest of a partial write (a full
 * non-blocking pipe) becomes bytes.
 */
export function writeText(fd: number, text: string, write: WriteSync = writeSync): boolean {
  let rest: Uint8Array | undefined;
  for (;;) {
    try {
      if (rest === undefined) {
        const n = write(fd, text);
        const length = Buffer.byteLength(text, 'utf8');
        if (n >= length) return true;
        rest = Buffer.from(text, 'utf8').subarray(n);
      } else {
        if (rest.length === 0) return true;
        rest = rest.subarray(write(fd, rest));
      }
    } catch (error) {
      const code = errorCode(error);
      if (code === 'EAGAIN') {
        Atomics.wait(pause, 0, 0, 5);
        continue;
      }
      if (code === 'EPIPE') return false;
      throw error;
    }
  }
}

/** Writes to fd 1; after the reader has gone, further writes are dropped. */
export function stdoutWriter(): (text: string) => void {
  let open = true;
  return (text) => {
    if (open) open = writeText(1, text);
  };
}

export function writeStderr(text: string): void {
  try {
    writeText(2, text);
  } catch {
    // Nowhere left to say it.
  }
}
