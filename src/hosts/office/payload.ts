/**
 * Request/response size budgets. Excel on the web refuses a request or a response over
 * 5 MB; we plan every batch to stay under 4 MB of JSON so the framing Office.js adds
 * (object paths, action ids) and UTF-8 accents never push it over.
 */
export const EXCEL_PAYLOAD_LIMIT = 5 * 1024 * 1024;
export const BATCH_BUDGET_BYTES = 4 * 1024 * 1024;
/** What we plan to: leave room for the framing we estimate only roughly. */
export const PLAN_BUDGET_BYTES = Math.floor(BATCH_BUDGET_BYTES * 0.85);
/** Rough framing cost of one proxy (getRange…) plus one action on it, in bytes. */
export const OP_OVERHEAD_BYTES = 360;

/**
 * UTF-8 bytes of a value as it travels in Office.js JSON (strings quoted, accents 2 bytes,
 * quotes and backslashes escaped). A cheap loop instead of JSON.stringify + TextEncoder on
 * megabytes of cells.
 */
export function jsonBytes(value: unknown): number {
  if (value === null || value === undefined) return 4;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value).length : 4;
  if (typeof value === 'boolean') return value ? 4 : 5;
  if (typeof value === 'string') {
    let n = 2;
    for (let i = 0; i < value.length; i++) {
      const c = value.charCodeAt(i);
      if (c === 34 || c === 92) n += 2;
      else if (c < 32) n += 6;
      else if (c < 128) n += 1;
      else if (c < 2048) n += 2;
      else n += 3;
    }
    return n;
  }
  if (Array.isArray(value)) {
    let n = 2 + Math.max(0, value.length - 1);
    for (const v of value) n += jsonBytes(v);
    return n;
  }
  if (typeof value === 'object') {
    let n = 2;
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) n += jsonBytes(k) + 2 + jsonBytes(v);
    return n;
  }
  return 4;
}

/** Bytes of a 2-D values array. */
export function matrixBytes(rows: readonly (readonly unknown[])[]): number {
  return jsonBytes(rows);
}
