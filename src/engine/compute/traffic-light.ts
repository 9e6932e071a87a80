import type { TrafficColor } from '../model';
import type { TrafficCounts } from '../figures';

/** Rule 12: red < 75, yellow 75–95 (both ends included), green > 95, on rounded figures. */
export function trafficColor(value: number): TrafficColor {
  if (value < 75) return 'red';
  if (value <= 95) return 'yellow';
  return 'green';
}

export function countColors(values: readonly (number | string | null)[]): TrafficCounts {
  const counts = { red: 0, yellow: 0, green: 0 };
  // Indexed: a for…of allocates an iterator result per value in this run-once, cold loop.
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v === 'number') counts[trafficColor(v)]++;
  }
  return counts;
}
