/**
 * poi-check's writes to stdout and stderr (src/cli/stdio.ts): a string is handed to the system
 * whole, and a non-blocking pipe that takes only part of it, or none for now (EAGAIN), still
 * gets every byte in order, accents and all.
 */
import { writeText, type WriteSync } from '../../src/cli/stdio';

const errno = (code: string): Error => Object.assign(new Error(code), { code });

/** A pipe that takes at most `max` bytes a call and refuses every third call for now. */
function slowPipe(max: number): { write: WriteSync; bytes: number[]; calls: string[] } {
  const bytes: number[] = [];
  const calls: string[] = [];
  const write = ((_fd: number, data: string | Uint8Array): number => {
    calls.push(typeof data);
    if (calls.length % 3 === 0) throw errno('EAGAIN');
    const all = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    const taken = all.subarray(0, max);
    bytes.push(...taken);
    return taken.length;
  }) as WriteSync;
  return { write, bytes, calls };
}

describe('writeText', () => {
  const text = 'Meta física «Muy Alta» › año 2023: ñandú\n'.repeat(5);

  it('hands a string over as it is when it is taken whole', () => {
    const pipe = slowPipe(Infinity);
    expect(writeText(1, text, pipe.write)).toBe(true);
    expect(pipe.calls).toEqual(['string']);
    expect(Buffer.from(pipe.bytes).toString('utf8')).toBe(text);
  });

  it('writes the rest of a partial write, cut inside a letter, and waits out EAGAIN', () => {
    // 7 bytes at a time cuts «, í, ñ and › (2 and 3 bytes in UTF-8) between calls.
    const pipe = slowPipe(7);
    expect(writeText(1, text, pipe.write)).toBe(true);
    expect(Buffer.from(pipe.bytes).toString('utf8')).toBe(text);
    expect(pipe.calls[0]).toBe('string');
    expect(pipe.calls.slice(1).every((c) => c === 'object')).toBe(true);
  });

  it('says the reader has gone (EPIPE) and throws any other error', () => {
    expect(writeText(1, text, (() => { throw errno('EPIPE'); }) as WriteSync)).toBe(false);
    expect(() => writeText(1, text, (() => { throw errno('EIO'); }) as WriteSync)).toThrow('EIO');
  });
});
