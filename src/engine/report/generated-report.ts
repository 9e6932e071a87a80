import type { Analysis } from '../analysis';
import type { ActivityFigures, Figures, StrategicActionFigures } from '../figures';
import type { CellRange, CellValue } from '../grid/cell';
import { MONTH_SHORT_NAMES } from '../grid/months';
import type { MonthCell, PoiModel, TrafficColor } from '../model';
import { NUMBER_FORMATS } from '../patch/types';
import type { Table, TableCell } from './tables';

export const GENERATED_REPORT_SHEET = 'Reporte de seguimiento';

/** A sheet in the printed layout (poi-rules §1), generated from the Aplicativo's flat export. */
export interface GeneratedSheet {
  readonly name: string;
  readonly table: Table;
  readonly merges: readonly CellRange[];
  readonly columnWidths: readonly number[];
  readonly freezeRows: number;
}

// Fills a planner expects: header and OEI/AEI bands in the Aplicativo's blues, the traffic light in its colours.
export const REPORT_FILLS = {
  header: 'BDD7EE',
  objective: 'DDEBF7',
  strategicAction: 'F2F2F2',
  strategicActionLine: 'FFF2CC',
  totals: 'E2EFDA',
  red: 'FF7C80',
  yellow: 'FFE699',
  green: 'A9D08E',
} as const;

// Blank cells are shared: a 20,000-AO report has hundreds of thousands of them.
const EMPTY: TableCell = Object.freeze({ value: null });
const BLANK_BORDERED: TableCell = Object.freeze({ value: null, border: true });
const PROGRAMMED_LABEL: TableCell = Object.freeze({ value: 'PROGRAMADO', border: true, bold: true });
const EXECUTED_LABEL: TableCell = Object.freeze({ value: 'EJECUTADO', border: true, bold: true });

const PHYSICAL_FORMAT = NUMBER_FORMATS['physical-accumulated'];
const MONEY_FORMAT = NUMBER_FORMATS['financial-accumulated'];

/** The styles of an AO's cells, as frozen cells whose value SharedCells replaces. */
const STYLES = (() => {
  const style = (s: Omit<TableCell, 'value'>): TableCell => Object.freeze({ value: null, ...s });
  const percent = { border: true, format: NUMBER_FORMATS.percent, bold: true, align: 'center', verticalAlign: 'center' } as const;
  return {
    textTop: style({ border: true, wrap: true, verticalAlign: 'top' }),
    priority: style({ border: true, align: 'center', verticalAlign: 'top' }),
    aggregation: style({ border: true, verticalAlign: 'top' }),
    physicalMonth: style({ border: true, format: PHYSICAL_FORMAT, align: 'right' }),
    financialMonth: style({ border: true, format: MONEY_FORMAT, align: 'right' }),
    physicalAccumulated: style({ border: true, format: PHYSICAL_FORMAT, bold: true, align: 'right' }),
    financialAccumulated: style({ border: true, format: MONEY_FORMAT, bold: true, align: 'right' }),
    percent: style(percent),
    percentBy: {
      red: style({ ...percent, fill: REPORT_FILLS.red }),
      yellow: style({ ...percent, fill: REPORT_FILLS.yellow }),
      green: style({ ...percent, fill: REPORT_FILLS.green }),
    } satisfies Record<TrafficColor, TableCell>,
  };
})();

/** Distinct values that share their cells, per style (a 20,000-AO report has ~700,000 AO cells). */
const SHARED_VALUES = 65_536;

/**
 * One frozen cell per style and value: an AO's cells repeat those of other AO (month counts,
 * zeros, an amount spread evenly over the months, the same cost centre, unit or type), and
 * they were most of what a report allocated and the collector then copied.
 */
class SharedCells {
  private readonly pools = new Map<TableCell, { readonly small: TableCell[]; readonly other: Map<CellValue, TableCell> }>();

  /** A cell of `style` (one of STYLES) holding `value`. */
  of(style: TableCell, value: CellValue): TableCell {
    if (typeof value === 'number' && Object.is(value, -0)) return { ...style, value };
    let pool = this.pools.get(style);
    if (!pool) this.pools.set(style, (pool = { small: [], other: new Map() }));
    // Small whole numbers (most physical months) by index, the rest through a Map.
    const small = typeof value === 'number' && value >= 0 && value < 1024 && (value | 0) === value;
    let cell = small ? pool.small[value] : pool.other.get(value);
    if (!cell) {
      cell = Object.freeze({ ...style, value });
      if (small) pool.small[value] = cell;
      else if (pool.other.size < SHARED_VALUES) pool.other.set(value, cell);
    }
    return cell;
  }
}

const COLOR_FILL: Readonly<Record<TrafficColor, string>> = { red: REPORT_FILLS.red, yellow: REPORT_FILLS.yellow, green: REPORT_FILLS.green };

/** The printed report's footnotes (i)–(vii), for the months of the period. */
export function footnotes(period: string): string[] {
  return [
    '(i) Forman parte del reporte las AO de la exportación del Aplicativo CEPLAN, con su programación aprobada (fases RE, CS, AJ o A) y su seguimiento (SE).',
    `(ii) La columna AVANCE ACUMULADO, en la fila PROG y EJE de cada AO, mostrará valores que dependerán de su configuración en TIPO DE AGREGACIÓN: (a) si es 'Acumulado Anual' se suma los valores de ${period}; (b) si es 'Acumulado Mensual' se toma el último valor mayor a cero del periodo; y (c) si es 'No Acumulado' solo se señala con '-'.`,
    "(iii) Los valores de la columna AVANCE % ACUMULADO dependerán de su configuración en TIPO DE AGREGACIÓN: (a) si es 'Acumulado Anual' o 'Acumulado Mensual' se calcula como (ejecución acumulada / programación acumulada)*100, con un máximo de 100; y (b) si es 'No Acumulado', como el promedio de (ejecución / programación)*100 de cada mes. Mostrará 'S.I.' si falta registrar el seguimiento en algún mes.",
    "(iv) La sigla 'S.I.' significa seguimiento incompleto. Se presenta en AO con registros de seguimiento vacío en alguno de los meses cuyo plazo ha vencido a la fecha de corte. El plazo para el registro de seguimiento de cada mes es el último día del siguiente mes.",
    "(v) La sigla 'S.P.' significa sin programación y se presenta en AO que tienen programación cero en el periodo.",
    "(vi) Las cifras de EJECUCIÓN FÍSICA POR AEI son calculadas como el promedio del AVANCE % ACUMULADO de sus AO. Consideraciones: (a) solo tendrá un valor calculado cuando ninguna de sus AO esté en S.I.; y (b) no entra en el promedio las AO con '-' ni S.P.",
    '(vii) La cifra de EJECUCIÓN FÍSICA TOTAL es calculada como el promedio de la EJECUCIÓN FÍSICA POR AEI; el PROMEDIO DE EJECUCIÓN FÍSICA (%) y la MEDIANA, sobre el AVANCE % de las AO con cifra.',
  ];
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/**
 * The codes as the printed layout writes them, so the printed-layout reader finds them:
 * `OEI.01`, `AEI.01.02`, `AOI…`. A code of the export that is not in that form keeps its
 * digits (or gets its position) — docs/flat-export.md.
 */
export function printedObjectiveCode(code: string, position: number): string {
  const m = /(\d+)/.exec(code);
  return `OEI.${pad2(m ? Number(m[1]) : position)}`;
}

export function printedActionCode(code: string, objective: string, position: number): string {
  const o = /^OEI\.(\d+)$/.exec(objective)![1];
  const m = /(\d+)\D+(\d+)\s*$/.exec(code) ?? /(\d+)\s*$/.exec(code);
  if (m && m.length === 3) return `AEI.${pad2(Number(m[1]))}.${pad2(Number(m[2]))}`;
  return `AEI.${o}.${pad2(m ? Number(m[1]) : position)}`;
}

export function printedActivityCode(code: string, position: number): string {
  const compact = code.replace(/\s+/g, '');
  if (/^AOI?\d+$/i.test(compact)) return compact.toUpperCase();
  const digits = compact.replace(/\D/g, '');
  return `AOI${digits === '' ? pad2(position) : digits}`;
}

/** Column positions of the generated report for `n` months (poi-rules §1: 21 columns A–U for a semester). */
function columnsFor(n: number) {
  const months = 6;
  return {
    label: 0,
    costCenter: 1,
    priority: 2,
    unit: 3,
    aggregation: 4,
    progEje: 5,
    months,
    accumulated: months + n,
    percent: months + n + 1,
    financialMonths: months + n + 2,
    financialAccumulated: months + 2 * n + 2,
    width: months + 2 * n + 3,
  };
}

/**
 * The printed report for an analysis of a flat export; null for a sheet that already is the
 * printed report (nothing to generate) or when nothing was read.
 */
export function generatedReport(analysis: Analysis): GeneratedSheet | null {
  const { model, figures, period } = analysis;
  if (!model || !figures || !period || model.layout.kind !== 'exportacion') return null;
  return new ReportBuilder(model, figures, analysis).build(period.title);
}

class ReportBuilder {
  private readonly rows: TableCell[][] = [];
  private readonly merges: CellRange[] = [];
  private readonly cols: ReturnType<typeof columnsFor>;
  private readonly months: readonly number[];
  private readonly shared = new SharedCells();

  constructor(
    private readonly model: PoiModel,
    private readonly figures: Figures,
    private readonly analysis: Analysis,
  ) {
    this.months = model.layout.months;
    this.cols = columnsFor(this.months.length);
  }

  /** Adds a row (the array is kept: callers pass a fresh one); a gap becomes the shared empty cell. */
  private row(cells: (TableCell | undefined)[] = []): number {
    for (let i = 0; i < cells.length; i++) cells[i] ??= EMPTY;
    this.rows.push(cells as TableCell[]);
    return this.rows.length - 1;
  }

  private merge(top: number, left: number, bottom: number, right: number): void {
    if (bottom > top || right > left) this.merges.push({ top, left, bottom, right });
  }

  build(periodTitle: string): GeneratedSheet {
    const { width } = this.cols;
    const year = this.model.layout.year ?? Number(this.analysis.fechaCorte.slice(0, 4));
    const title = (value: string): TableCell => ({ value, bold: true, align: 'center' });
    this.merge(this.row([title(`REPORTE DE SEGUIMIENTO DEL PLAN OPERATIVO INSTITUCIONAL ${year}`)]), 0, 0, width - 1);
    this.merge(this.row([title(periodTitle)]), 0, 1, width - 1);
    const files = 'files' in this.analysis ? (this.analysis.files as readonly { file: string; recognised: boolean }[]).filter((f) => f.recognised) : [];
    const from =
      files.length > 0
        ? `las exportaciones del Aplicativo CEPLAN ${files.map((f) => `«${f.file}»`).join(', ')}`
        : `la exportación del Aplicativo CEPLAN (hoja «${this.analysis.sheet}»)`;
    const source = `Generado desde ${from} con fecha de corte ${this.analysis.fechaCorte}.`;
    this.merge(this.row([{ value: source, align: 'center' }]), 0, 2, width - 1);
    this.header();
    const byActivity = new Map(this.figures.activities.map((f) => [f.activity.index, f]));
    const byAction = new Map(this.figures.strategicActions.map((f) => [f.strategicAction.index, f]));
    this.model.objectives.forEach((o, i) => {
      const oCode = printedObjectiveCode(o.code, i + 1);
      this.bandRow(`${oCode} ${o.name}`.trim(), REPORT_FILLS.objective);
      o.strategicActions.forEach((s, j) => {
        const sCode = printedActionCode(s.code, oCode, j + 1);
        this.bandRow(`${sCode} ${s.name}`.trim(), REPORT_FILLS.strategicAction);
        for (const a of s.activities) this.activity(byActivity.get(a.index)!);
        this.actionLine(sCode, byAction.get(s.index)!);
      });
    });
    this.row();
    this.totals();
    this.row();
    for (const note of footnotes(this.monthsText())) this.merge(this.row([{ value: note, wrap: true, verticalAlign: 'top' }]), 0, this.rows.length - 1, width - 1);
    this.row();
    this.trafficLight(year);
    return {
      name: GENERATED_REPORT_SHEET,
      table: this.rows,
      merges: this.merges,
      columnWidths: this.columnWidths(),
      freezeRows: 5,
    };
  }

  private monthsText(): string {
    const names = ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'setiembre', 'octubre', 'noviembre', 'diciembre'];
    const first = names[this.months[0] - 1];
    const last = names[this.months[this.months.length - 1] - 1];
    return first === last ? first : `${first} a ${last}`;
  }

  private header(): void {
    const c = this.cols;
    const h = (value: string | null): TableCell => ({ value, bold: true, fill: REPORT_FILLS.header, align: 'center', verticalAlign: 'center', wrap: true, border: true });
    const first: TableCell[] = [];
    const second: TableCell[] = [];
    const fixed = ['OBJETIVO ESTRATEGICO / ACCION ESTRATÉGICA / ACTIVIDAD OPERATIVA', 'CENTRO DE COSTO', 'NIVEL DE PRIORIDAD', 'UNIDAD MEDIDA', 'TIPO DE AGREGACIÓN', 'PROG./ EJE.'];
    fixed.forEach((label, i) => {
      first[i] = h(label);
      second[i] = h(null);
    });
    for (let i = c.months; i < c.width; i++) {
      first[i] = h(null);
      second[i] = h(null);
    }
    first[c.months] = h('FISICO');
    first[c.financialMonths] = h('FINANCIERO');
    this.months.forEach((m, i) => {
      second[c.months + i] = h(MONTH_SHORT_NAMES[m - 1]);
      second[c.financialMonths + i] = h(MONTH_SHORT_NAMES[m - 1]);
    });
    second[c.accumulated] = h('AVANCE ACUMULADO.');
    second[c.percent] = h('AVANCE % ACUMULADO');
    second[c.financialAccumulated] = h('AVANCE ACUMULADO');
    const top = this.row(first);
    this.row(second);
    for (let i = 0; i < fixed.length; i++) this.merge(top, i, top + 1, i);
    this.merge(top, c.months, top, c.percent);
    this.merge(top, c.financialMonths, top, c.financialAccumulated);
  }

  private bandRow(text: string, fill: string): void {
    const cells: TableCell[] = [{ value: text, bold: true, fill, border: true }];
    for (let i = 1; i < this.cols.width; i++) cells.push({ value: null, fill, border: true });
    this.row(cells);
  }

  private activity(f: ActivityFigures): void {
    const c = this.cols;
    const a = f.activity;
    const shared = this.shared;
    const type = a.aggregationType ?? 'Acumulado Anual'; // the type the figures used (an unknown one is flagged on the export)
    const pair = (kind: 'PROGRAMADO' | 'EJECUTADO'): TableCell[] => {
      const programmed = kind === 'PROGRAMADO';
      const source = programmed ? a.programmed : a.executed;
      const cells: TableCell[] = [];
      if (programmed) {
        cells.push(
          { value: `${printedActivityCode(a.code, a.index + 1)} - ${a.name}`, border: true, wrap: true, verticalAlign: 'top' },
          shared.of(STYLES.textTop, a.costCenter.value),
          shared.of(STYLES.priority, a.priority.value),
          shared.of(STYLES.textTop, a.unit.value),
          shared.of(STYLES.aggregation, type),
        );
      } else for (let i = 0; i < 5; i++) cells.push(BLANK_BORDERED);
      cells.push(programmed ? PROGRAMMED_LABEL : EXECUTED_LABEL);
      const n = this.months.length;
      for (let i = 0; i < n; i++) cells[c.months + i] = shared.of(STYLES.physicalMonth, monthValue(source?.physical[i]));
      cells[c.accumulated] = shared.of(STYLES.physicalAccumulated, programmed ? f.physicalProgrammed : f.physicalExecuted);
      cells[c.percent] = !programmed ? BLANK_BORDERED : shared.of(f.color ? STYLES.percentBy[f.color] : STYLES.percent, f.percent);
      for (let i = 0; i < n; i++) cells[c.financialMonths + i] = shared.of(STYLES.financialMonth, monthValue(source?.financial[i]));
      cells[c.financialAccumulated] = shared.of(STYLES.financialAccumulated, programmed ? f.financialProgrammed : f.financialExecuted);
      return cells;
    };
    const top = this.row(pair('PROGRAMADO'));
    this.row(pair('EJECUTADO'));
    for (let i = 0; i < 5; i++) this.merge(top, i, top + 1, i);
    this.merge(top, c.percent, top + 1, c.percent);
  }

  private actionLine(code: string, f: StrategicActionFigures): void {
    const c = this.cols;
    const fill = REPORT_FILLS.strategicActionLine;
    const cells: TableCell[] = [];
    for (let i = 0; i < c.width; i++) cells.push({ value: null, fill });
    cells[0] = { value: `EJECUCIÓN FÍSICA POR ${code}:`, bold: true, fill, align: 'right' };
    cells[c.percent] = {
      value: f.physical,
      format: NUMBER_FORMATS['aei-physical'],
      bold: true,
      align: 'center',
      fill: f.color ? COLOR_FILL[f.color] : fill,
      border: true,
    };
    cells[c.financialMonths] = { value: `EJECUCIÓN FINANCIERA POR ${code}:`, bold: true, fill, align: 'right' };
    cells[c.financialAccumulated] = { value: f.financial, format: NUMBER_FORMATS['aei-financial'], bold: true, fill, border: true };
    const row = this.row(cells);
    this.merge(row, 0, row, c.progEje);
    this.merge(row, c.financialMonths, row, c.financialAccumulated - 1);
  }

  private totals(): void {
    const t = this.figures.totals;
    const c = this.cols;
    const money = NUMBER_FORMATS['financial-accumulated'];
    const lines: [string, number | null, string][] = [
      ['PROMEDIO DE EJECUCIÓN FÍSICA (%)', t.physicalAverage, '0.0'],
      ['MEDIANA DEI AV% DEL POI', t.physicalMedian, '0.00'],
      ['EJECUCIÓN FÍSICA TOTAL (PROMEDIO DE AEI)', t.aeiAverage, '0.0'],
      ['TOTAL DE PROGRAMACIÓN FINANCIERA', t.financialProgrammed, money],
      ['TOTAL DE EJECUCIÓN FINANCIERA', t.financialExecuted, money],
      ['AO CON INFORMACIÓN COMPLETA', t.completeActivities, '0'],
      ['AO CON INFORMACIÓN INCOMPLETA', t.incompleteActivities, '0'],
    ];
    for (const [label, value, format] of lines) {
      const cells: TableCell[] = [{ value: label, bold: true, fill: REPORT_FILLS.totals, border: true }];
      cells[c.financialAccumulated] = { value, format, bold: true, fill: REPORT_FILLS.totals, border: true, align: 'right' };
      const row = this.row(cells);
      this.merge(row, 0, row, c.progEje);
    }
  }

  private trafficLight(year: number): void {
    const tl = this.figures.trafficLight;
    const h = (value: string, fill: string = REPORT_FILLS.header): TableCell => ({ value, bold: true, fill, align: 'center', border: true });
    this.row([h(`Año: ${year}`), h('< 75%', REPORT_FILLS.red), h('75% - 95%', REPORT_FILLS.yellow), h('> 95%', REPORT_FILLS.green)]);
    const count = (value: number): TableCell => ({ value, format: '0', align: 'center', border: true });
    this.row([{ value: 'Acciones Estratégicas', border: true }, count(tl.aei.red), count(tl.aei.yellow), count(tl.aei.green)]);
    this.row([{ value: 'Actividades Operativas (Ejecución física)', border: true }, count(tl.ao.red), count(tl.ao.yellow), count(tl.ao.green)]);
  }

  private columnWidths(): number[] {
    const c = this.cols;
    const widths = new Array<number>(c.width).fill(11);
    [widths[0], widths[1], widths[2], widths[3], widths[4], widths[5]] = [60, 24, 11, 16, 16, 13];
    widths[c.accumulated] = 12;
    widths[c.percent] = 11;
    widths[c.financialAccumulated] = 15;
    for (let i = 0; i < this.months.length; i++) widths[c.financialMonths + i] = 12;
    return widths;
  }
}

/** What the printed month cell shows: the AO's value; an unreadable single cell keeps its text (not a blank: not S.I.). */
function monthValue(m: MonthCell | undefined): CellValue {
  if (!m) return null;
  if (m.value !== null) return m.value;
  return m.problem ? m.raw : null;
}
