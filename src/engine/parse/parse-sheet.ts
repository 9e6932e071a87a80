import { cellAt, type CellValue, type Grid } from '../grid/cell';
import { normalizedMonthNumber } from '../grid/months';
import { cellText, isBlank, normalizeLabel, normalizeOnce } from '../grid/text';
import { isNormalizedHeaderLabel, isNormalizedTitleText } from '../layout/find-layout';
import { valuesUnderMerges } from './merged-cells';
import { LocatedCell, MonthRow, rowBits, type AccumulatedColumn, type MonthColumns } from './month-row';
import type {
  Activity,
  ActivityRow,
  AggregationType,
  Layout,
  Located,
  PoiModel,
  ReportColumns,
  RowKind,
  StrategicAction,
  StrategicActionLine,
  StrayRow,
  TotalKey,
  TotalLine,
  TrafficColor,
  TrafficLightRow,
} from '../model';

const OEI = /^OEI\s*\.?\s*(\d+)\s*[-–:.]?\s*(.*)$/is;
const AEI = /^AEI\s*\.?\s*(\d+)\s*\.\s*(\d+)\s*[-–:.]?\s*(.*)$/is;
const AO = /^(AOI?\s*\d+)\s*[-–]\s*(.*)$/is;
const AEI_CODE_IN = /AEI\s*\.?\s*(\d+)\s*\.\s*(\d+)/i;

const TOTAL_LABELS: ReadonlyArray<readonly [string, TotalKey]> = [
  ['PROMEDIO DE EJECUCION FISICA', 'physicalAverage'],
  ['MEDIANA', 'physicalMedian'],
  ['EJECUCION FISICA TOTAL', 'aeiAverage'],
  ['TOTAL DE PROGRAMACION FINANCIERA', 'financialProgrammed'],
  ['TOTAL DE EJECUCION FINANCIERA', 'financialExecuted'],
  ['AO CON INFORMACION COMPLETA', 'completeActivities'],
  ['AO CON INFORMACION INCOMPLETA', 'incompleteActivities'],
];

const AGGREGATIONS: Readonly<Record<string, AggregationType>> = {
  'ACUMULADO ANUAL': 'Acumulado Anual',
  'ACUMULADO MENSUAL': 'Acumulado Mensual',
  'NO ACUMULADO': 'No Acumulado',
};

export function aggregationTypeOf(value: CellValue): AggregationType | null {
  if (typeof value !== 'string') return null;
  // Read for every AO: the usual spelling is recognised as it is.
  if (value === 'Acumulado Anual' || value === 'Acumulado Mensual' || value === 'No Acumulado') return value;
  return AGGREGATIONS[normalizeLabel(value)] ?? null;
}

const pad2 = (n: string): string => n.padStart(2, '0');
export const objectiveCode = (n: string): string => `OEI.${pad2(n)}`;
export const strategicActionCode = (o: string, a: string): string => `AEI.${pad2(o)}.${pad2(a)}`;

interface MutableAction {
  index: number;
  code: string;
  name: string;
  label: Located<string>;
  objectiveCode: string | null;
  activities: Activity[];
  physicalLine: StrategicActionLine | null;
  financialLine: StrategicActionLine | null;
}

interface MutableObjective {
  code: string;
  name: string;
  label: Located<string>;
  strategicActions: StrategicAction[];
}

/**
 * An AO of the printed report. Its label and its cells of CENTRO DE COSTO, PRIORIDAD, UNIDAD,
 * TIPO and AVANCE % are built when read (a rule or two per AO, then dropped): kept, they were
 * six more objects per AO alive until the end.
 */
class SheetActivity implements Activity {
  constructor(
    readonly index: number,
    readonly code: string,
    readonly name: string,
    /** The label's text, in the label column of the PROGRAMADO row. */
    private readonly labelText: string,
    readonly aggregationType: AggregationType | null,
    readonly programmed: ActivityRow,
    readonly executed: ActivityRow | null,
    readonly strategicActionCode: string | null,
    readonly objectiveCode: string | null,
    private readonly grid: Grid,
    private readonly columns: ReportColumns,
    /** The row of the AVANCE % cell: the PROGRAMADO row, or the EJECUTADO row when only it holds the %. */
    private readonly percentRow: number,
  ) {}

  get label(): Located<string> {
    return new LocatedCell(this.labelText, this.programmed.row, this.columns.label);
  }

  get costCenter(): Located<CellValue> {
    return this.cell(this.programmed.row, this.columns.costCenter);
  }

  get priority(): Located<CellValue> {
    return this.cell(this.programmed.row, this.columns.priority);
  }

  get unit(): Located<CellValue> {
    return this.cell(this.programmed.row, this.columns.unit);
  }

  get aggregation(): Located<CellValue> {
    return this.cell(this.programmed.row, this.columns.aggregation);
  }

  get percent(): Located<CellValue> {
    return this.cell(this.percentRow, this.columns.percent);
  }

  /** As SheetParser.at(): a missing column reads blank, addressed at column A. */
  private cell(row: number, col: number): Located<CellValue> {
    return new LocatedCell(col >= 0 ? cellAt(this.grid, row, col) : null, row, Math.max(col, 0));
  }
}

/** A non-blank cell of a row that is not an AO row: its text and that text normalised. */
interface RowText {
  readonly col: number;
  readonly text: string;
  readonly norm: string;
}

/** A row a page repeats: a header (listed in repeatedHeaderRows) or a title (skipped). */
interface PageRow {
  readonly cells: ReadonlyArray<CellValue>;
  readonly header: boolean;
}

/** Walks the rows after the header: OEI → AEI → AO pairs, AEI lines, totals, traffic light. */
export function parseSheet(grid: Grid, layout: Layout): PoiModel {
  return new SheetParser(grid, layout).parse();
}

class SheetParser {
  private readonly objectives: MutableObjective[] = [];
  private readonly actions: MutableAction[] = [];
  private readonly activities: Activity[] = [];
  private readonly totals: TotalLine[] = [];
  private readonly strays: StrayRow[] = [];
  private readonly repeatedHeaderRows: number[] = [];
  private trafficLight: { headerRow: number; cols: Record<TrafficColor, number>; aei: TrafficLightRow | null; ao: TrafficLightRow | null } | null =
    null;
  private objective: MutableObjective | null = null;
  private action: MutableAction | null = null;
  /** Header (and title) rows met, by their cells: see pageRowLike. */
  private readonly pageRows: PageRow[] = [];
  /** An AO whose PROGRAMADO row was read, waiting for its EJECUTADO row (null: none); its label, code and name. Fields, not an object per AO. */
  private pending: ActivityRow | null = null;
  private pendingLabel = '';
  private pendingCode = '';
  private pendingName = '';

  /** The month columns every AO row reads, and the month cells whose value hides under a merged area (read as blank, see merged-cells.ts). */
  private readonly monthColumns: MonthColumns;

  constructor(
    private readonly grid: Grid,
    private readonly layout: Layout,
  ) {
    const cols = [...layout.columns.physicalMonths, ...layout.columns.financialMonths];
    // As at(): a missing column reads blank, addressed at column A.
    const accumulated = (col: number): AccumulatedColumn => ({ read: col, at: Math.max(col, 0) });
    this.monthColumns = {
      cols,
      physical: layout.columns.physicalMonths.length,
      underMerge: valuesUnderMerges(grid, cols),
      physicalAccumulated: accumulated(layout.columns.physicalAccumulated),
      financialAccumulated: accumulated(layout.columns.financialAccumulated),
    };
  }

  parse(): PoiModel {
    const start = this.layout.headerRows[this.layout.headerRows.length - 1] + 1;
    for (let row = start; row < this.grid.rows.length; row++) this.parseRow(row);
    this.flushPending();
    const tl = this.trafficLight;
    return {
      layout: { ...this.layout, repeatedHeaderRows: this.repeatedHeaderRows },
      objectives: this.objectives,
      strategicActions: this.actions,
      activities: this.activities,
      totals: this.totals,
      trafficLight: tl ? { headerRow: tl.headerRow, aei: tl.aei, ao: tl.ao } : null,
      strayRows: this.strays,
    };
  }

  private at(row: number, col: number): Located<CellValue> {
    return new LocatedCell(col >= 0 ? cellAt(this.grid, row, col) : null, row, Math.max(col, 0));
  }

  /** The row's non-blank cells as text, each normalised once for the label tests below. */
  private rowTexts(row: number): RowText[] {
    const r = this.grid.rows[row];
    const out: RowText[] = [];
    if (!r) return out;
    for (let col = 0; col < r.length; col++) {
      const v = r[col];
      if (v === undefined || v === null) continue;
      const text = typeof v === 'string' ? v.trim() : String(v);
      if (text === '') continue;
      // A number's text (digits, '.', '-', no exponent) is its own normal form: the AEI lines'
      // and totals' amounts skip normalisation. The other texts of these rows (AEI and OEI
      // labels, AEI lines, totals) are met once each: normalised without filling the cache
      // (page header copies are known without their texts, see pageRowLike).
      const plain = typeof v === 'number' && Number.isFinite(v) && !text.includes('e');
      out.push({ col, text, norm: plain ? text : normalizeOnce(text) });
    }
    return out;
  }

  private parseRow(row: number): void {
    const cols = this.layout.columns;
    // AO rows are nearly all rows: decide them first, without looking at the other cells.
    // Their two rows are read here, not in methods of their own: V8 then optimises this path
    // once, within parseRow, rather than once per method and again inlined into parseRow.
    const kind = rowKind(cellAt(this.grid, row, cols.progEje));
    if (kind !== null) {
      // An AO row's month cells, read at one place for both kinds (a stray AO row reads them for nothing).
      const cells = this.grid.rows[row];
      const bits = rowBits(row, cells, this.monthColumns);
      const monthRow = new MonthRow(row, kind, cells, this.monthColumns, null, bits & 0xff, bits >> 8);
      if (kind === 'EJECUTADO') {
        if (this.pending === null) return void this.strays.push({ row, reason: 'executed-without-programmed', text: 'EJECUTADO' });
        return this.addActivity(monthRow);
      }
      const label = cellText(cellAt(this.grid, row, cols.label));
      this.flushPending();
      // The usual spelling is cut where AO would cut it, without a match, a replace and an upper-case copy per AO.
      const end = plainCodeEnd(label);
      if (end > 0) {
        this.pendingCode = label.slice(0, end);
        this.pendingName = label.slice(end + 3).trim();
      } else if (!this.unusualActivityLabel(row, label)) return;
      this.pendingLabel = label;
      this.pending = monthRow;
      return;
    }
    const label = cellText(cellAt(this.grid, row, cols.label));

    const cells = this.grid.rows[row];
    const copy = cells === undefined ? null : this.pageRowLike(cells);
    if (copy !== null) {
      if (copy.header) this.repeatedHeaderRows.push(row);
      return;
    }
    const texts = this.rowTexts(row);
    if (texts.length === 0) return;
    if (texts.some((t) => isNormalizedHeaderLabel(t.norm)) || this.isMonthHeaderRow(texts)) {
      this.repeatedHeaderRows.push(row);
      return this.rememberPageRow(cells, true);
    }
    if (texts.length <= 2 && texts.every((t) => isNormalizedTitleText(t.norm))) return this.rememberPageRow(cells, false);

    if (this.strategicActionLine(row, texts)) return;
    if (this.totalLine(row, texts)) return;
    if (this.trafficLightRow(row, texts)) return;

    const oei = OEI.exec(label);
    if (oei) return this.startObjective(row, label, oei);
    const aei = AEI.exec(label);
    if (aei) return this.startAction(row, label, aei);
    if (isFootnote(label) || (texts.length === 1 && isFootnote(texts[0].text))) return;
    this.flushPending();
    this.strays.push({ row, reason: 'unrecognised', text: texts.map((t) => t.text).join(' | ').slice(0, 200), at: { row, col: texts[0].col } });
  }

  /**
   * A header or title row that holds exactly the cells of one met before (a printed report
   * repeats them on every page: a thousand copies of a 20-cell header on a 10,000-AO sheet).
   * Which of them a row is depends on its cells alone, so a copy is known without its texts.
   */
  private pageRowLike(cells: ReadonlyArray<CellValue>): PageRow | null {
    const rows = this.pageRows;
    for (let k = 0; k < rows.length; k++) {
      const known = rows[k].cells;
      if (known.length !== cells.length) continue;
      let i = 0;
      while (i < cells.length && cells[i] === known[i]) i++;
      if (i === cells.length) return rows[k];
    }
    return null;
  }

  private rememberPageRow(cells: ReadonlyArray<CellValue> | undefined, header: boolean): void {
    // A few kinds of page rows: a sheet whose every copy differs (a page number) compares against a handful.
    if (cells !== undefined && this.pageRows.length < 8) this.pageRows.push({ cells, header });
  }

  private isMonthHeaderRow(texts: readonly RowText[]): boolean {
    let months = 0;
    // Indexed loops over a row's texts (every row that is not an AO's): a for…of, unoptimised, allocates an iterator result per text.
    for (let i = 0; i < texts.length; i++) if (normalizedMonthNumber(texts[i].norm) !== null) months++;
    return months >= 2 && months >= texts.length / 2;
  }

  private startObjective(row: number, label: string, m: RegExpExecArray): void {
    this.flushPending();
    const o: MutableObjective = {
      code: objectiveCode(m[1]),
      name: m[2].trim(),
      label: new LocatedCell(label, row, this.layout.columns.label),
      strategicActions: [],
    };
    this.objectives.push(o);
    this.objective = o;
    this.action = null;
  }

  private startAction(row: number, label: string, m: RegExpExecArray): void {
    this.flushPending();
    if (!this.objective) this.strays.push({ row, reason: 'strategic-action-before-objective', text: label.slice(0, 200) });
    const a: MutableAction = {
      index: this.actions.length,
      code: strategicActionCode(m[1], m[2]),
      name: m[3].trim(),
      label: new LocatedCell(label, row, this.layout.columns.label),
      objectiveCode: this.objective?.code ?? null,
      activities: [],
      physicalLine: null,
      financialLine: null,
    };
    this.actions.push(a);
    this.objective?.strategicActions.push(a);
    this.action = a;
  }

  /** An AO label of another spelling, read by AO into the pending code and name; false (a stray row) when it is none. */
  private unusualActivityLabel(row: number, label: string): boolean {
    const m = AO.exec(label);
    if (!m) {
      this.strays.push({ row, reason: 'programmed-without-label', text: label.slice(0, 200) || 'PROGRAMADO' });
      return false;
    }
    this.pendingCode = m[1].replace(/\s+/g, '').toUpperCase();
    this.pendingName = m[2].trim();
    return true;
  }

  /** Closes the pending AO: it had no EJECUTADO row. */
  private flushPending(): void {
    if (!this.pending) return;
    this.strays.push({ row: this.pending.row, reason: 'programmed-without-executed', text: this.pendingCode });
    this.addActivity(null);
  }

  private addActivity(executed: ActivityRow | null): void {
    const programmed = this.pending!;
    this.pending = null;
    const cols = this.layout.columns;
    const row = programmed.row;
    // The % cell is merged over the pair; some producers leave it on the EJECUTADO row.
    const percentRow =
      isBlank(cols.percent >= 0 ? cellAt(this.grid, row, cols.percent) : null) && executed && !isBlank(cellAt(this.grid, executed.row, cols.percent))
        ? executed.row
        : row;
    if (!this.action) this.strays.push({ row, reason: 'activity-before-strategic-action', text: this.pendingCode });
    const activity: Activity = new SheetActivity(
      this.activities.length,
      this.pendingCode,
      this.pendingName,
      this.pendingLabel,
      aggregationTypeOf(cols.aggregation >= 0 ? cellAt(this.grid, row, cols.aggregation) : null),
      programmed,
      executed,
      this.action?.code ?? null,
      this.action ? this.action.objectiveCode : this.objective?.code ?? null,
      this.grid,
      cols,
      percentRow,
    );
    this.activities.push(activity);
    this.action?.activities.push(activity);
  }

  /** `EJECUCIÓN FÍSICA POR AEI.01.01:` and/or `EJECUCIÓN FINANCIERA POR AEI.01.01:` on this row. */
  private strategicActionLine(row: number, texts: readonly RowText[]): boolean {
    const cols = this.layout.columns;
    let found = false;
    for (let i = 0; i < texts.length; i++) {
      const t = texts[i];
      const n = t.norm;
      const physical = n.startsWith('EJECUCION FISICA POR');
      const financial = n.startsWith('EJECUCION FINANCIERA POR');
      if (!physical && !financial) continue;
      found = true;
      const m = AEI_CODE_IN.exec(t.text);
      const line: StrategicActionLine = {
        row,
        label: new LocatedCell(t.text, row, t.col),
        namesCode: m ? strategicActionCode(m[1], m[2]) : null,
        value: this.at(row, physical ? cols.percent : cols.financialAccumulated),
      };
      this.flushPending();
      if (!this.action) {
        this.strays.push({ row, reason: 'unrecognised', text: t.text, at: { row, col: t.col } });
        continue;
      }
      if (physical) this.action.physicalLine = line;
      else this.action.financialLine = line;
    }
    return found;
  }

  private totalLine(row: number, texts: readonly RowText[]): boolean {
    const first = texts[0];
    const n = first.norm;
    const entry = TOTAL_LABELS.find(([prefix]) => n.startsWith(prefix));
    if (!entry) return false;
    this.flushPending();
    // The value sits in the report's last column; a drifted one is the rightmost filled cell.
    const valueCol = texts.length > 1 ? texts[texts.length - 1].col : this.layout.columns.last;
    this.totals.push({
      key: entry[1],
      label: new LocatedCell(first.text, row, first.col),
      value: this.at(row, valueCol),
    });
    return true;
  }

  private trafficLightRow(row: number, texts: readonly RowText[]): boolean {
    let bands = 0;
    for (let i = 0; i < texts.length; i++) if (bandOf(texts[i].norm) !== null) bands++;
    if (bands === 3) {
      this.flushPending();
      const cols = {} as Record<TrafficColor, number>;
      for (const t of texts) {
        const band = bandOf(t.norm);
        if (band) cols[band] = t.col;
      }
      this.trafficLight = { headerRow: row, cols, aei: null, ao: null };
      return true;
    }
    if (!this.trafficLight) return false;
    const n = texts[0].norm;
    const target = n.startsWith('ACCIONES ESTRATEGICAS') ? 'aei' : n.startsWith('ACTIVIDADES OPERATIVAS') ? 'ao' : null;
    if (!target) return false;
    const c = this.trafficLight.cols;
    this.trafficLight[target] = {
      label: new LocatedCell(texts[0].text, row, texts[0].col),
      counts: { red: this.at(row, c.red), yellow: this.at(row, c.yellow), green: this.at(row, c.green) },
    };
    return true;
  }
}

/**
 * Where the code ends in an AO label of the usual spelling, «AOI30126400000 - NAME» (upper
 * case AO or AOI, digits, then « - »), or -1 for any other: AO then reads the same code (no
 * space to drop, upper case already) and the name after the hyphen.
 */
function plainCodeEnd(label: string): number {
  if (label.charCodeAt(0) !== 65 /* A */ || label.charCodeAt(1) !== 79 /* O */) return -1;
  const digits = label.charCodeAt(2) === 73 /* I */ ? 3 : 2;
  let i = digits;
  for (; i < label.length; i++) {
    const c = label.charCodeAt(i);
    if (c < 48 || c > 57) break;
  }
  if (i === digits || label.charCodeAt(i) !== 32 || label.charCodeAt(i + 1) !== 45 /* - */ || label.charCodeAt(i + 2) !== 32) return -1;
  return i;
}

function rowKind(value: CellValue): RowKind | null {
  if (typeof value !== 'string') return null;
  if (value === 'PROGRAMADO' || value === 'EJECUTADO') return value; // the common spelling, without normalising
  const n = normalizeLabel(value);
  if (n === 'PROGRAMADO' || n === 'PROG' || n === 'PROG.') return 'PROGRAMADO';
  if (n === 'EJECUTADO' || n === 'EJE' || n === 'EJE.') return 'EJECUTADO';
  return null;
}

/** The band a traffic-light header names, from its normalised text. */
function bandOf(normalized: string): TrafficColor | null {
  // Every band starts with <, 7 or >: most texts stop here.
  const first = normalized.charCodeAt(0);
  if (first !== 60 && first !== 55 && first !== 62) return null;
  const c = normalized.replace(/ /g, '');
  if (/^<75%?$/.test(c)) return 'red';
  if (/^75%?-95%?$/.test(c)) return 'yellow';
  if (/^>95%?$/.test(c)) return 'green';
  return null;
}

function isFootnote(text: string): boolean {
  return /^[-•\s]*\((i|ii|iii|iv|v|vi|vii|viii|ix|x)\)/i.test(text.trim()) || /^NOTAS?:?$/i.test(text.trim());
}
