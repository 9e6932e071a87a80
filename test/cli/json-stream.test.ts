import { writeJson } from '../../src/cli/json-stream';

function written(value: unknown): { text: string; chunks: string[] } {
  const chunks: string[] = [];
  writeJson(value, (c) => chunks.push(c));
  return { text: chunks.join(''), chunks };
}

/** What --json promises: JSON.stringify(value, null, 2), with C1 controls and bidi marks escaped. */
function expected(value: unknown): string {
  return (JSON.stringify(value, null, 2) ?? '').replace(/[\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function activity(i: number) {
  return {
    code: `AOI${30126400000 + i}`,
    name: i % 3 === 0 ? 'Línea\ncon salto y "comillas"' : 'ACTIVIDAD',
    figures: { programado: [1, 2.5, null, 0], ejecutado: [], avance: i % 2 ? 0.95 : null },
    skipped: undefined,
    rows: [i, i + 1],
    nested: { empty: {}, list: [[], [{}], [undefined]] },
  };
}

describe('writeJson', () => {
  it('writes exactly JSON.stringify(value, null, 2) for small and nested values', () => {
    for (const value of [null, 0, -1.5, 'texto', true, [], {}, [undefined, () => 1], { a: undefined, b: () => 1 }, activity(3), { list: [activity(1), activity(2)] }]) {
      expect(written(value).text).toBe(expected(value));
    }
  });

  it('escapes terminal controls in keys and values, at any depth and in either path', () => {
    const value = { ['clave\u009b']: 'valor\u202e', deep: { list: Array.from({ length: 3000 }, (_, i) => ({ t: `x\u0085${i}` })) } };
    const { text } = written(value);
    expect(text).toBe(expected(value));
    expect(text).not.toMatch(/[\u0085\u009b\u202e]/);
    expect(text).toContain('\\u009b');
  });

  it('honours toJSON like JSON.stringify', () => {
    const value = { when: new Date(Date.UTC(2023, 7, 15)), custom: { toJSON: () => ({ inner: [1, 2] }) }, list: Array.from({ length: 2500 }, (_, i) => ({ toJSON: () => i })) };
    expect(written(value).text).toBe(expected(value));
  });

  it('writes a large document in pieces of bounded size with the same text', () => {
    const value = {
      file: 'x.xlsx',
      period: { code: 'S1', months: [1, 2, 3], chosen: { by: 'fecha de corte', empty: {} } },
      activities: Array.from({ length: 20000 }, (_, i) => activity(i)),
      summary: { info: { deep: { list: [1, [2, { x: 'y' }]] } }, rows: Array.from({ length: 5000 }, (_, i) => [i, `f${i}`]) },
    };
    const { text, chunks } = written(value);
    expect(text).toBe(expected(value));
    expect(chunks.length).toBeGreaterThan(10);
    // A piece is at most the buffer size plus one small value's text.
    expect(Math.max(...chunks.map((c) => c.length))).toBeLessThan(1 << 18);
  });

  it('keeps pieces bounded when the values hold long texts', () => {
    const message = 'x'.repeat(50_000);
    const value = { issues: Array.from({ length: 300 }, (_, i) => ({ rule: 'ruido', row: i, message })) };
    const { text, chunks } = written(value);
    expect(text).toBe(expected(value));
    expect(Math.max(...chunks.map((c) => c.length))).toBeLessThan(1 << 18);
  });
});
