import type { CellValue } from '../grid/cell';
import { isBlank, normalizeLabel } from '../grid/text';
import type { AggregationType } from '../model';
import { aggregationTypeOf } from '../parse/parse-sheet';

/** `Tipo` values the Aplicativo writes besides the printed types. */
const KNOWN_TYPES = new Set(['ANUAL', 'MENSUAL']);

export interface FlatAggregation {
  /** The type read; null when `Acumulado` is neither SI nor NO (then computed as Acumulado Anual). */
  readonly type: AggregationType | null;
  /** Which cell decided it. */
  readonly from: 'type' | 'aggregationType' | 'accumulated';
  /** `Acumulado` is not SI/NO (and no printed type was named). */
  readonly unknownAccumulated: boolean;
  /** `Tipo` is neither blank, ANUAL, MENSUAL nor a printed type. */
  readonly unknownType: boolean;
}

/**
 * flat-export.md §2.4: a `Tipo` (or `Tipo de Agregación`) naming a printed type wins; else
 * `Acumulado` NO → No Acumulado, SI with `Tipo` MENSUAL → Acumulado Mensual, SI → Acumulado Anual.
 */
export function flatAggregation(type: CellValue, aggregationType: CellValue, accumulated: CellValue): FlatAggregation {
  // A few distinct triples over tens of thousands of rows: each is decided once.
  let byAggregationType = MEMO.get(type);
  if (!byAggregationType) MEMO.set(type, (byAggregationType = new Map()));
  let byAccumulated = byAggregationType.get(aggregationType);
  if (!byAccumulated) byAggregationType.set(aggregationType, (byAccumulated = new Map()));
  let result = byAccumulated.get(accumulated);
  if (!result) {
    if (MEMO.size > MEMO_LIMIT || byAggregationType.size > MEMO_LIMIT || byAccumulated.size > MEMO_LIMIT) MEMO.clear();
    result = decide(type, aggregationType, accumulated);
    byAccumulated.set(accumulated, result);
  }
  return result;
}

const MEMO = new Map<CellValue, Map<CellValue, Map<CellValue, FlatAggregation>>>();
const MEMO_LIMIT = 1024;

function decide(type: CellValue, aggregationType: CellValue, accumulated: CellValue): FlatAggregation {
  const typeText = typeof type === 'string' ? normalizeLabel(type) : type === null ? '' : String(type);
  const unknownType = !isBlank(type) && !KNOWN_TYPES.has(typeText) && aggregationTypeOf(type) === null;
  const named = aggregationTypeOf(aggregationType);
  if (named) return { type: named, from: 'aggregationType', unknownAccumulated: false, unknownType };
  const printed = aggregationTypeOf(type);
  if (printed) return { type: printed, from: 'type', unknownAccumulated: false, unknownType };
  const acc = typeof accumulated === 'string' ? normalizeLabel(accumulated) : '';
  if (acc === 'NO') return { type: 'No Acumulado', from: 'accumulated', unknownAccumulated: false, unknownType };
  if (acc === 'SI') {
    return { type: typeText === 'MENSUAL' ? 'Acumulado Mensual' : 'Acumulado Anual', from: 'accumulated', unknownAccumulated: false, unknownType };
  }
  return { type: null, from: 'accumulated', unknownAccumulated: true, unknownType };
}
