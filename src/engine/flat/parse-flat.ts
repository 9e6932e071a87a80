import { cellAt, type CellValue, type Grid } from '../grid/cell';
import { cellText, isBlank, readNumber } from '../grid/text';
import {
  CELL_BLANK,
  CELL_NEGATIVE,
  CELL_POSITIVE,
  cellBits,
  type Activity,
  type ActivityRow,
  type Located,
  type MonthCell,
  type Objective,
  type PoiModel,
  type RowKind,
  type StrategicAction,
} from '../model';
import { LocatedCell, MonthRow, oddList, type AccumulatedColumn, type MonthColumns } from '../parse/month-row';
import { flatAggregation } from './aggregation';
import { exportLayout } from './find-flat-layout';
import { blockIndex } from './cells';
import type { AnalysisPeriod, FlatActivity, FlatLayout, MonthBlock, Phase, ProgrammedPhase } from './types';

/**
 * Codes sort as a person reads them: OEI.2 before OEI.10. The collator is made on first use:
 * building an Intl.Collator costs ~10 ms, which every CLI start paid, export or not.
 */
let codeCollator: Intl.Collator | undefined;
export function compareCodes(a: string, b: string): number {
  return (codeCollator ??= new Intl.Collator('es', { numeric: true })).compare(a, b);
}

/** Programmed is the first of these with a value (flat-export.md §2.2). */
export const PROGRAMMED_PHASES: readonly ProgrammedPhase[] = ['RE', 'CS', 'AJ', 'A'];

export interface ParseFlatOptions {
  readonly period: AnalysisPeriod;
  readonly programmedPhase?: ProgrammedPhase;
  /** Set on every AO (consolidation of several exports). */
  readonly file?: string;
}

/** The rows of one AO (same `Actividad Operativa ID` within one `UE ID`), in sheet order. */
interface RowGroup {
  readonly ueId: string;
  readonly code: string;
  readonly rows: number[];
}

/**
 * Reads the flat export into the same model as the printed report (OEI → AEI → AO), so the
 * compute and the rules run unchanged: each AO becomes a PROGRAMADO/EJECUTADO pair whose
 * month cells are the period's months of the chosen phase (sums over the AO's rows) and point
 * at the export's own cells (the first row's, for an AO over several rows).
 */
export function parseFlat(grid: Grid, flat: FlatLayout, options: ParseFlatOptions): PoiModel {
  const layout = exportLayout(grid, flat, options.period.months);
  const groups = groupRows(grid, flat);
  const reader = new BlockReader(grid, flat, options.period.months);

  const c = flat.columns;
  const located = (row: number, col: number): Located<CellValue> => new LocatedCell(col >= 0 ? cellAt(grid, row, col) : null, row, Math.max(col, 0));
  const text = (row: number, col: number): string => (col >= 0 ? cellText(cellAt(grid, row, col)) : '');

  // OEI and AEI of each AO from its first row; the AO are then built in the printed report's
  // order (OEI, then AEI within it, by code; AO in export order within an AEI) with their final index.
  type ActionGroups = { code: string; name: string; oei: string; label: Located<string>; groups: RowGroup[] };
  // By OEI then AEI (no key string per AO); `actions` keeps the order of first appearance.
  const actionsByOei = new Map<string, Map<string, ActionGroups>>();
  const actions: ActionGroups[] = [];
  const objectives = new Map<string, { code: string; name: string; label: Located<string> }>();
  for (const g of groups) {
    const first = g.rows[0];
    const oei = text(first, c.oei);
    const aei = text(first, c.aei);
    let byAei = actionsByOei.get(oei);
    if (!byAei) {
      objectives.set(oei, { code: oei, name: text(first, c.oeiName), label: { value: oei, at: { row: first, col: Math.max(c.oei, 0) } } });
      actionsByOei.set(oei, (byAei = new Map()));
    }
    const action = byAei.get(aei);
    if (action) action.groups.push(g);
    else {
      const created = { code: aei, name: text(first, c.aeiName), oei, label: { value: aei, at: { row: first, col: Math.max(c.aei, 0) } }, groups: [g] };
      byAei.set(aei, created);
      actions.push(created);
    }
  }
  const objectiveOrder = [...objectives.keys()].sort(compareCodes);
  const actionList = actions.sort((x, y) => compareCodes(x.oei, y.oei) || compareCodes(x.code, y.code));

  const activities: Activity[] = [];
  const sources: FlatActivity[] = [];
  const strategicActions: StrategicAction[] = [];
  const actionsByObjective = new Map<string, StrategicAction[]>();
  for (const a of actionList) {
    const own: Activity[] = [];
    for (const g of a.groups) {
      const first = g.rows[0];
      const physicalPhase = options.programmedPhase ?? reader.firstPhaseWithValues('F', g.rows);
      const financialPhase = options.programmedPhase ?? reader.firstPhaseWithValues('Fn', g.rows);
      const type = c.type >= 0 ? cellAt(grid, first, c.type) : null;
      const aggregationTypeCell = located(first, c.aggregationType);
      const accumulated = located(first, c.accumulated);
      const agg = flatAggregation(type, aggregationTypeCell.value, accumulated.value);
      const aggregation = agg.from === 'aggregationType' ? aggregationTypeCell : agg.from === 'type' || c.accumulated < 0 ? located(first, c.type) : accumulated;
      const name = text(first, c.activityName);
      const activity: Activity = {
        index: activities.length,
        code: g.code,
        name,
        label: { value: name === '' ? g.code : `${g.code} - ${name}`, at: { row: first, col: Math.max(c.activityId, 0) } },
        costCenter: located(first, c.costCenter >= 0 ? c.costCenter : c.responsibleCenter),
        priority: located(first, c.priority),
        unit: located(first, c.unit),
        aggregation,
        aggregationType: agg.type,
        programmed: reader.activityRow(g.rows, 'PROGRAMADO', reader.block('F', physicalPhase), reader.block('Fn', financialPhase)),
        executed: reader.activityRow(g.rows, 'EJECUTADO', reader.block('F', 'SE'), reader.block('Fn', 'SE')),
        percent: null,
        strategicActionCode: a.code,
        objectiveCode: a.oei,
      };
      activities.push(activity);
      sources.push(
        options.file !== undefined
          ? { rows: g.rows, ueId: g.ueId, programmedPhase: physicalPhase, financialProgrammedPhase: financialPhase, file: options.file }
          : { rows: g.rows, ueId: g.ueId, programmedPhase: physicalPhase, financialProgrammedPhase: financialPhase },
      );
      own.push(activity);
    }
    const action: StrategicAction = {
      index: strategicActions.length,
      code: a.code,
      name: a.name,
      label: a.label,
      objectiveCode: a.oei,
      activities: own,
      physicalLine: null,
      financialLine: null,
    };
    strategicActions.push(action);
    const list = actionsByObjective.get(a.oei);
    if (list) list.push(action);
    else actionsByObjective.set(a.oei, [action]);
  }
  const objectiveList: Objective[] = objectiveOrder.map((code) => {
    const o = objectives.get(code)!;
    return { code: o.code, name: o.name, label: o.label, strategicActions: actionsByObjective.get(code) ?? [] };
  });
  return {
    layout,
    objectives: objectiveList,
    strategicActions,
    activities,
    totals: [],
    trafficLight: null,
    strayRows: [],
    flat: { period: options.period, activities: sources, forcedPhase: options.programmedPhase ?? null },
  };
}

/** Data rows grouped by (UE ID, Actividad Operativa ID), in order of first appearance. Rows without an AO ID are skipped. */
function groupRows(grid: Grid, flat: FlatLayout): RowGroup[] {
  const { activityId, ueId } = flat.columns;
  // By UE then code (no key string per row); the list keeps the order of first appearance.
  const byUe = new Map<string, Map<string, RowGroup>>();
  const groups: RowGroup[] = [];
  for (let row = flat.headerRow + 1; row < grid.rows.length; row++) {
    const code = cellText(cellAt(grid, row, activityId));
    if (code === '') continue;
    const ue = ueId >= 0 ? cellText(cellAt(grid, row, ueId)) : '';
    let codes = byUe.get(ue);
    if (!codes) byUe.set(ue, (codes = new Map()));
    const g = codes.get(code);
    if (g) g.rows.push(row);
    else {
      const created = { ueId: ue, code, rows: [row] };
      codes.set(code, created);
      groups.push(created);
    }
  }
  return groups;
}

/** Rows of an export that carry data but no `Actividad Operativa ID` (0-based). */
export function rowsWithoutActivity(grid: Grid, flat: FlatLayout): number[] {
  const out: number[] = [];
  const cols = flat.blocks.flatMap((b) => b.months.filter((c) => c >= 0));
  for (let row = flat.headerRow + 1; row < grid.rows.length; row++) {
    if (cellText(cellAt(grid, row, flat.columns.activityId)) !== '') continue;
    if (cols.some((c) => !isBlank(cellAt(grid, row, c)))) out.push(row);
  }
  return out;
}

class BlockReader {
  private readonly blocks: Readonly<Record<'F' | 'Fn', ReadonlyMap<Phase, MonthBlock>>>;
  /** Where a value the export lacks (a missing block or Total) is reported: the AO's code. */
  private readonly fallbackCol: number;
  private readonly columnsByBlocks = new Map<MonthBlock | null, Map<MonthBlock | null, MonthColumns>>();

  constructor(
    private readonly grid: Grid,
    flat: FlatLayout,
    private readonly months: readonly number[],
  ) {
    this.blocks = blockIndex(flat);
    this.fallbackCol = flat.columns.activityId;
  }

  block(measure: 'F' | 'Fn', phase: Phase | null): MonthBlock | null {
    return phase === null ? null : this.blocks[measure].get(phase) ?? null;
  }

  /** The first of RE, CS, AJ, A whose block has any non-blank month (of the twelve) in the AO's rows. */
  firstPhaseWithValues(measure: 'F' | 'Fn', rows: readonly number[]): ProgrammedPhase | null {
    for (const phase of PROGRAMMED_PHASES) {
      const block = this.block(measure, phase);
      if (!block) continue;
      for (const row of rows) {
        const cells = this.grid.rows[row];
        if (!cells) continue;
        for (const col of block.months) if (col >= 0 && !isBlank(cells[col] ?? null)) return phase;
      }
    }
    return null;
  }

  activityRow(rows: readonly number[], kind: RowKind, physical: MonthBlock | null, financial: MonthBlock | null): ActivityRow {
    const first = rows[0];
    const columns = this.columns(physical, financial);
    const cells = this.grid.rows[first];
    const { cols } = columns;
    const n = this.months.length;
    // A month of a one-row AO is the grid's cell; a sum over rows, a missing column and any
    // text are built here (MonthRow's odd cells).
    let odd: (MonthCell | undefined)[] | null = null;
    let physicalBits = 0;
    let financialBits = 0;
    for (let i = 0; i < cols.length; i++) {
      const col = cols[i];
      let bits: number;
      const v = col >= 0 && rows.length === 1 && cells !== undefined ? cells[col] : undefined;
      if (col >= 0 && rows.length === 1 && (v === undefined || v === null || (typeof v === 'number' && Number.isFinite(v)))) {
        bits = v === undefined || v === null ? CELL_BLANK : v < 0 ? CELL_NEGATIVE : v > 0 ? CELL_POSITIVE : 0;
      } else {
        const cell = this.monthCell(rows, i < n ? physical : financial, this.months[i < n ? i : i - n]);
        (odd ??= oddList(cols.length))[i] = cell;
        bits = cellBits(cell.value, cell.problem);
      }
      if (i < n) physicalBits |= bits;
      else financialBits |= bits;
    }
    return new MonthRow(first, kind, cells, columns, odd, physicalBits, financialBits);
  }

  /** The period's month columns of a physical and a financial block (-1 where missing), built once per pair. */
  private columns(physical: MonthBlock | null, financial: MonthBlock | null): MonthColumns {
    let byFinancial = this.columnsByBlocks.get(physical);
    if (!byFinancial) this.columnsByBlocks.set(physical, (byFinancial = new Map()));
    let columns = byFinancial.get(financial);
    if (!columns) {
      const of = (block: MonthBlock | null): number[] => this.months.map((m) => (block ? block.months[m - 1] : -1));
      // A missing Total reads blank and is reported at the AO's code.
      const total = (block: MonthBlock | null): AccumulatedColumn => {
        const col = block?.total ?? -1;
        return col >= 0 ? { read: col, at: col } : { read: -1, at: this.fallbackCol };
      };
      columns = {
        cols: [...of(physical), ...of(financial)],
        physical: this.months.length,
        physicalAccumulated: total(physical),
        financialAccumulated: total(financial),
      };
      byFinancial.set(financial, columns);
    }
    return columns;
  }

  /** The AO's value of one month: the sum over its rows; blank when any row leaves it blank (§2.1). */
  private monthCell(rows: readonly number[], block: MonthBlock | null, month: number): MonthCell {
    const col = block ? block.months[month - 1] : -1;
    const first = rows[0];
    if (col < 0) return new FlatMonthCell(first, block && block.total >= 0 ? block.total : this.fallbackCol, null, null);
    if (rows.length === 1) {
      const raw = cellAt(this.grid, first, col);
      if (raw === null || (typeof raw === 'number' && Number.isFinite(raw))) return new FlatMonthCell(first, col, raw, raw);
      const read = readNumber(raw);
      return new FlatMonthCell(first, col, raw, read.value, read.problem);
    }
    let sum = 0;
    let unreadable = false;
    for (const row of rows) {
      const raw = cellAt(this.grid, row, col);
      if (isBlank(raw)) return new FlatMonthCell(first, col, null, null);
      const read = typeof raw === 'number' && Number.isFinite(raw) ? raw : readNumber(raw).value;
      if (read === null) unreadable = true;
      else sum += read;
    }
    // Clear binary drift (0.1 + 0.2) without touching real decimals.
    const value = Math.round(sum * 1e9) / 1e9;
    return new FlatMonthCell(first, col, value, value, unreadable ? 'not-a-number' : undefined);
  }
}

/** A month of an AO. The address is built when asked (rules, messages): an export has hundreds of thousands of these. */
class FlatMonthCell implements MonthCell {
  constructor(
    private readonly row: number,
    private readonly col: number,
    readonly raw: CellValue,
    readonly value: number | null,
    readonly problem?: 'text-number' | 'not-a-number',
  ) {}

  get at(): { readonly row: number; readonly col: number } {
    return { row: this.row, col: this.col };
  }
}
