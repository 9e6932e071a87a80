/**
 * A generated report of `activities` AO (2 rows each, 6 merged ranges each) with blank
 * computed cells, written with the project's own .xlsx writer.
 */
import { buildWorkbook } from '../../src/hosts/xlsx';
import { aei, ao, oei, poiSheet, type AoSpec } from '../fixtures/poi-sheet';

export const BIG_SHEET = 'Reporte POI';

export function bigWorkbook(activities: number): Uint8Array {
  let seed = 7;
  const rand = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return Math.floor(seed / 65536) % n; // the high bits: the low ones of this LCG cycle fast
  };
  const perAei = 50;
  const aeiPerOei = 10;
  const objectives = [];
  let made = 0;
  for (let o = 1; made < activities; o++) {
    const actions = [];
    for (let a = 1; a <= aeiPerOei && made < activities; a++) {
      const list: AoSpec[] = [];
      for (let i = 0; i < perAei && made < activities; i++, made++) {
        const prog = Array.from({ length: 6 }, () => 1 + rand(9));
        // A spread of execution levels, so every traffic-light colour occurs.
        const level = [0.5, 0.85, 1, 1.2][rand(4)];
        const exec = prog.map((p) => Math.round(p * level));
        const finProg = prog.map((p) => p * 1000);
        list.push(ao({ code: `AOI${String(40000000000 + made).padStart(11, '0')}`, prog, exec, finProg, finExec: finProg.map((f) => Math.round(f * level)) }));
      }
      actions.push(aei(`${String(o).padStart(2, '0')}.${String(a).padStart(2, '0')}`, list));
    }
    objectives.push(oei(String(o).padStart(2, '0'), actions));
  }
  const sheet = poiSheet({ objectives });
  return buildWorkbook([
    { ...sheet.sheetSpec(BIG_SHEET), freezeRows: 5 },
  ]);
}
