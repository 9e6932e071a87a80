// The in-memory Excel counts request bytes with Node's Buffer.byteLength; the browser has none.
const g = globalThis as unknown as { Buffer?: unknown };
const encoder = new TextEncoder();
g.Buffer ??= { byteLength: (text: string) => encoder.encode(text).length };
export {};
