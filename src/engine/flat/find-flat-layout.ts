import { cellAt, gridWidth, type Grid } from '../grid/cell';
import { MONTH_SHORT_NAMES } from '../grid/months';
import { cellText, compactLabel } from '../grid/text';
import type { Layout } from '../model';
import { PHASES, type FlatColumnKey, type FlatColumns, type FlatLayout, type Measure, type MonthBlock, type Phase } from './types';

// The Aplicativo leaves row 1 empty and writes the header in row 2; allow a few title rows.
export const FLAT_HEADER_SEARCH_ROWS = 10;

/** Header labels, compacted (no case, accents or spaces), of the identity columns the engine reads. */
const COLUMN_LABELS: Readonly<Record<FlatColumnKey, readonly string[]>> = {
  poi: ['POI'],
  ueId: ['UEID'],
  ue: ['UE'],
  costCenterId: ['CENTROCOSTOID', 'CENTRODECOSTOID'],
  costCenter: ['CENTRODECOSTO', 'CENTROCOSTO'],
  responsibleCenter: ['CCRESPONSABLE'],
  oei: ['OEI'],
  oeiName: ['OBJETIVOESTRATEGICOINSTITUCIONAL'],
  aei: ['AEI'],
  aeiName: ['ACCIONESTRATEGICAINSTITUCIONAL'],
  activityId: ['ACTIVIDADOPERATIVAID'],
  activityName: ['ACTIVIDADOPERATIVA'],
  priority: ['PRIORIDAD'],
  unitId: ['UMID'],
  unit: ['UNIDADDEMEDIDA', 'UNIDADMEDIDA'],
  accumulated: ['ACUMULADO'],
  type: ['TIPO'],
  aggregationType: ['TIPODEAGREGACION'],
};

const KEY_BY_LABEL = new Map<string, FlatColumnKey>();
for (const [key, labels] of Object.entries(COLUMN_LABELS) as [FlatColumnKey, readonly string[]][]) {
  for (const l of labels) KEY_BY_LABEL.set(l, key);
}

// `F(RE) 01`, `Fn(SE) Total`, `F (RE)01` once compacted: F(RE)01, FN(SE)TOTAL.
const BLOCK_LABEL = /^(FN|F)\((A|AJ|CS|RE_P|RE|SE_P|SE)\)(0?[1-9]|1[0-2]|TOTAL)$/;

/** A month-block label read: measure, phase and month (0 = Total). */
export function blockLabel(compact: string): { measure: Measure; phase: Phase; month: number } | null {
  const m = BLOCK_LABEL.exec(compact);
  if (!m) return null;
  return { measure: m[1] === 'FN' ? 'Fn' : 'F', phase: m[2] as Phase, month: m[3] === 'TOTAL' ? 0 : Number(m[3]) };
}

/** What a header row holds of the flat export: its columns and blocks. */
interface HeaderScan {
  readonly columns: FlatColumns;
  readonly blocks: MonthBlock[];
  readonly labels: string[];
  /** How many known export labels the row holds (identity columns and block cells). */
  readonly known: number;
}

function scanRow(grid: Grid, row: number, width: number): HeaderScan {
  const columns = Object.fromEntries(Object.keys(COLUMN_LABELS).map((k) => [k, -1])) as Record<FlatColumnKey, number>;
  const blocks = new Map<string, { measure: Measure; phase: Phase; months: number[]; total: number }>();
  const labels: string[] = [];
  let known = 0;
  for (let col = 0; col < width; col++) {
    const v = cellAt(grid, row, col);
    labels.push(cellText(v));
    if (typeof v !== 'string' || v.trim() === '') continue;
    const compact = compactLabel(v);
    const key = KEY_BY_LABEL.get(compact);
    if (key) {
      known++;
      if (columns[key] < 0) columns[key] = col; // the first of a repeated label wins
      continue;
    }
    const b = blockLabel(compact);
    if (!b) continue;
    known++;
    const id = `${b.measure}(${b.phase})`;
    let block = blocks.get(id);
    if (!block) {
      block = { measure: b.measure, phase: b.phase, months: new Array<number>(12).fill(-1), total: -1 };
      blocks.set(id, block);
    }
    if (b.month === 0) {
      if (block.total < 0) block.total = col;
    } else if (block.months[b.month - 1] < 0) block.months[b.month - 1] = col;
  }
  const ordered = [...blocks.entries()]
    .map(([name, b]): MonthBlock => ({ name, ...b }))
    .sort((a, b) => firstColumn(a) - firstColumn(b));
  return { columns, blocks: ordered, labels, known };
}

function firstColumn(b: MonthBlock): number {
  const cols = [...b.months, b.total].filter((c) => c >= 0);
  return Math.min(...cols);
}

/** True for a block with at least one month column (a lone `Total` is not a month block). */
const hasMonths = (b: MonthBlock): boolean => b.months.some((c) => c >= 0);

/**
 * The flat export's header: the first of the first 10 rows that holds `Actividad Operativa ID`
 * and at least one month block. Null when no row does.
 */
export function findFlatLayout(grid: Grid): FlatLayout | null {
  const width = gridWidth(grid);
  const limit = Math.min(grid.rows.length, FLAT_HEADER_SEARCH_ROWS);
  for (let row = 0; row < limit; row++) {
    if (!mayBeHeader(grid, row)) continue;
    const scan = scanRow(grid, row, width);
    if (scan.columns.activityId >= 0 && scan.blocks.some(hasMonths)) {
      return { headerRow: row, columns: scan.columns, blocks: scan.blocks, labels: scan.labels };
    }
  }
  return null;
}

// Cheap pre-check: a header row has at least the AO code and one month label.
function mayBeHeader(grid: Grid, row: number): boolean {
  const r = grid.rows[row];
  if (!r) return false;
  let texts = 0;
  for (const v of r) if (typeof v === 'string' && v.trim() !== '' && ++texts >= 2) return true;
  return false;
}

/** A header that looks like the Aplicativo's export but lacks what the engine needs. */
export interface FlatHeaderProblem {
  readonly row: number;
  /** Spanish names of what was found, e.g. `UE ID`, `bloques F(RE), F(SE)`. */
  readonly found: readonly string[];
  /** Spanish names of what is missing: `Actividad Operativa ID` and/or `los bloques de meses …`. */
  readonly missing: readonly string[];
}

// A row with this many known export labels is an export header, even with parts missing.
const MIN_KNOWN_LABELS = 4;

const SHOWN_COLUMNS: ReadonlyArray<readonly [FlatColumnKey, string]> = [
  ['poi', 'POI'],
  ['ueId', 'UE ID'],
  ['oei', 'OEI'],
  ['aei', 'AEI'],
  ['activityId', 'Actividad Operativa ID'],
  ['activityName', 'Actividad Operativa'],
  ['unit', 'Unidad de Medida'],
  ['accumulated', 'Acumulado'],
  ['type', 'Tipo'],
];

/**
 * For a sheet findFlatLayout rejects: the row that looks most like an export header and what it
 * lacks (issue 15: "parece una exportación del Aplicativo, pero falta …"). Null when no row does.
 */
export function flatHeaderProblem(grid: Grid): FlatHeaderProblem | null {
  const width = gridWidth(grid);
  const limit = Math.min(grid.rows.length, FLAT_HEADER_SEARCH_ROWS);
  let best: { row: number; scan: HeaderScan } | null = null;
  for (let row = 0; row < limit; row++) {
    if (!mayBeHeader(grid, row)) continue;
    const scan = scanRow(grid, row, width);
    if (scan.known >= MIN_KNOWN_LABELS && (!best || scan.known > best.scan.known)) best = { row, scan };
  }
  if (!best) return null;
  const { columns, blocks } = best.scan;
  const found = SHOWN_COLUMNS.filter(([k]) => columns[k] >= 0).map(([, label]) => label);
  const monthBlocks = blocks.filter(hasMonths);
  if (monthBlocks.length > 0) found.push(`los bloques ${monthBlocks.map((b) => b.name).join(', ')}`);
  const missing: string[] = [];
  if (columns.activityId < 0) missing.push('la columna «Actividad Operativa ID»');
  if (monthBlocks.length === 0) missing.push('los bloques de meses («F(RE) 01» … «F(RE) 12», «F(SE) 01» …)');
  return missing.length === 0 ? null : { row: best.row, found, missing };
}

/** The phases in the order the export writes them, for sorting and messages. */
export const PHASE_ORDER: ReadonlyMap<Phase, number> = new Map(PHASES.map((p, i) => [p, i]));

/**
 * The engine's Layout for a flat export: the months of the period (all twelve until one is
 * chosen), the year from `POI`, and no printed columns (-1: nothing is written into an export).
 */
export function exportLayout(grid: Grid, flat: FlatLayout, months: readonly number[] = ALL_MONTHS): Layout {
  const none = -1;
  return {
    kind: 'exportacion',
    flat,
    headerRow: flat.headerRow,
    headerRows: [flat.headerRow],
    repeatedHeaderRows: [],
    titleRows: [],
    months,
    monthLabelRow: flat.headerRow,
    monthNames: months.map((m) => MONTH_SHORT_NAMES[m - 1]),
    financialMonths: months,
    columns: {
      label: flat.columns.activityId,
      costCenter: flat.columns.costCenter,
      priority: flat.columns.priority,
      unit: flat.columns.unit,
      aggregation: flat.columns.type >= 0 ? flat.columns.type : flat.columns.accumulated,
      progEje: none,
      physicalMonths: [],
      physicalAccumulated: none,
      percent: none,
      financialMonths: [],
      financialAccumulated: none,
      last: none,
    },
    period: months.length === 12 ? 'ANUAL' : months.length === 6 && months[0] === 1 ? 'PRIMER SEMESTRE' : months.length === 6 && months[0] === 7 ? 'SEGUNDO SEMESTRE' : 'OTRO',
    year: exportYear(grid, flat),
  };
}

const ALL_MONTHS: readonly number[] = Array.from({ length: 12 }, (_, i) => i + 1);

/** The POI year: the first `POI` value of the data rows that reads as a year. */
export function exportYear(grid: Grid, flat: FlatLayout): number | null {
  const col = flat.columns.poi;
  if (col < 0) return null;
  for (let row = flat.headerRow + 1; row < grid.rows.length; row++) {
    const m = /^(\d{4})(\.0+)?$/.exec(cellText(cellAt(grid, row, col)));
    if (m) return Number(m[1]);
  }
  return null;
}
