/**
 * Synchronous writes to stdout and stderr: the JSON of a large run is streamed in pieces
 * without queueing them all in memory, a reader that stops early (`| head`) ends the output
 * quietly (EPIPE), and a non-blocking pipe (EAGAIN) is waited for instead of failing.
 */
import { writeSync } from 'node:fs';
import { errorCode } from './fs-errors';

const pause = new Int32Array(new SharedArrayBuffer(4));

function writeAll(fd: number, text: string): boolean {
  let bytes = Buffer.from(text, 'utf8');
  while (bytes.length > 0) {
    try {
      const n = writeSync(fd, bytes);
      bytes = bytes.subarray(n);
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
  return true;
}

/** Writes to fd 1; after the reader has gone, further writes are dropped. */
export function stdoutWriter(): (text: string) => void {
  let open = true;
  return (text) => {
    if (open) open = writeAll(1, text);
  };
}

export function writeStderr(text: string): void {
  try {
    writeAll(2, text);
  } catch {
    // Nowhere left to say it.
  }
}
