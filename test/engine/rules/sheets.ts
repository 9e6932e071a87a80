/**
 * Small sheets for the rule tests. One first-semester AO under OEI.01 / AEI.01.01:
 * PROGRAMADO on row 8, EJECUTADO on row 9, the AEI line on row 10; months G–L,
 * physical acc. M, % N, money months O–T, money acc. U; totals on rows 11–16 (value in U).
 */
import { aei, ao, oei, type AoSpec, type PoiSheetSpec } from '../../fixtures/poi-sheet';

/** A clean AO: programmed and executed every month, money programmed and spent. */
export function cleanAo(over: Partial<AoSpec> = {}): AoSpec {
  return ao({
    prog: [1, 1, 1, 5, 5, 5],
    exec: [1, 1, 1, 5, 5, 5],
    finProg: [100, 100, 100, 100, 100, 100],
    finExec: [100, 100, 100, 100, 100, 100],
    ...over,
  });
}

/** One OEI, one AEI, the given AO (a clean one when none). */
export function sheet(...activities: Partial<AoSpec>[]): PoiSheetSpec {
  const list = activities.length === 0 ? [cleanAo()] : activities.map((a) => cleanAo(a));
  return { objectives: [oei('01', [aei('01.01', list)])] };
}
