import type { ExcelContext } from './excel-api';
import { isPayloadLimitError } from './errors';

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

/** Something queued on a request context, with its estimated request bytes. */
export interface Sized {
  readonly bytes: number;
}

/** Packs items in order into batches of at most `budget` bytes (one item may exceed it alone). */
export function packBySize<T extends Sized>(items: readonly T[], budget = PLAN_BUDGET_BYTES): T[][] {
  const batches: T[][] = [];
  let cur: T[] = [];
  let bytes = 0;
  for (const item of items) {
    if (cur.length && bytes + item.bytes > budget) {
      batches.push(cur);
      cur = [];
      bytes = 0;
    }
    cur.push(item);
    bytes += item.bytes;
  }
  if (cur.length) batches.push(cur);
  return batches;
}

export interface BatchStats {
  syncs: number;
  /** Estimated bytes of each batch that went through. */
  batchBytes: number[];
}

/**
 * Queues each batch and syncs it once, never per cell or row. A batch Excel refuses for its
 * size applied nothing, so it is split in two and retried. `queue` learns whether an earlier
 * batch already went through (the first one may have set-up work to do).
 */
export async function syncBatches<T extends Sized>(
  context: ExcelContext,
  batches: readonly T[][],
  queue: (batch: readonly T[], first: boolean) => void,
  onDone?: (batch: readonly T[]) => void,
): Promise<BatchStats> {
  const stats: BatchStats = { syncs: 0, batchBytes: [] };
  const pending = [...batches];
  while (pending.length) {
    const batch = pending.shift()!;
    queue(batch, stats.batchBytes.length === 0);
    try {
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
    } catch (e) {
      stats.syncs++;
      if (isPayloadLimitError(e) && batch.length > 1) {
        const half = Math.ceil(batch.length / 2);
        pending.unshift(batch.slice(0, half), batch.slice(half));
        continue;
      }
      throw e;
    }
    stats.syncs++;
    stats.batchBytes.push(batch.reduce((n, item) => n + item.bytes, 0));
    onDone?.(batch);
  }
  return stats;
}
