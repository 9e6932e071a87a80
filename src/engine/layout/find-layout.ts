import { cellAt, gridWidth, type CellValue, type Grid } from '../grid/cell';
import { MONTH_SHORT_NAMES, monthNumber } from '../grid/months';
import { cellText, compactLabel, normalizeLabel } from '../grid/text';
import { exportLayout, findFlatLayout } from '../flat/find-flat-layout';
import type { Layout, Period, ReportColumns } from '../model';

// How far down a header may sit below the title rows.
const HEADER_SEARCH_ROWS = 60;

/** True when the row's cell starts the POI header (OBJETIVO ESTRATEGICO / ACCION ...). */
export function isHeaderLabel(value: CellValue): boolean {
  return typeof value === 'string' && isNormalizedHeaderLabel(normalizeLabel(value));
}

/** isHeaderLabel of a text already normalised (normalizeLabel). */
export function isNormalizedHeaderLabel(normalized: string): boolean {
  // Most texts fail on the first letter, before the spaces are taken out.
  return normalized.charCodeAt(0) === 79 /* O */ && normalized.replace(/ /g, '').startsWith('OBJETIVOESTRATEGICO');
}

export function isTitleText(value: CellValue): boolean {
  return typeof value === 'string' && isNormalizedTitleText(normalizeLabel(value));
}

/** isTitleText of a text already normalised (normalizeLabel). */
export function isNormalizedTitleText(normalized: string): boolean {
  return normalized.startsWith('REPORTE DE SEGUIMIENTO') || periodOf(normalized) !== null;
}

function periodOf(normalized: string): Period | null {
  if (normalized === 'PRIMER SEMESTRE') return 'PRIMER SEMESTRE';
  if (normalized === 'SEGUNDO SEMESTRE') return 'SEGUNDO SEMESTRE';
  if (normalized === 'ANUAL') return 'ANUAL';
  return null;
}

interface LabelHit {
  readonly row: number;
  readonly col: number;
  readonly compact: string;
}

function labelsIn(grid: Grid, rows: readonly number[], width: number): LabelHit[] {
  const hits: LabelHit[] = [];
  for (const row of rows) {
    for (let col = 0; col < width; col++) {
      const v = cellAt(grid, row, col);
      if (typeof v === 'string' && v.trim() !== '') hits.push({ row, col, compact: compactLabel(v) });
    }
  }
  return hits;
}

function firstCol(hits: readonly LabelHit[], test: (compact: string) => boolean, from = 0): number {
  const found = hits.filter((h) => h.col >= from && test(h.compact)).sort((a, b) => a.col - b.col)[0];
  return found ? found.col : -1;
}

/** Month labels of the header rows, by column (left to right), with the row each was found in. */
function monthLabels(grid: Grid, rows: readonly number[], width: number): { col: number; month: number; row: number }[] {
  const byCol = new Map<number, { month: number; row: number }>();
  for (const row of rows) {
    for (let col = 0; col < width; col++) {
      const v = cellAt(grid, row, col);
      if (typeof v !== 'string') continue;
      const m = monthNumber(v);
      if (m !== null && !byCol.has(col)) byCol.set(col, { month: m, row });
    }
  }
  return [...byCol.entries()].sort((a, b) => a[0] - b[0]).map(([col, v]) => ({ col, ...v }));
}

/**
 * Finds the POI report layout by its header labels (case-, accent- and space-insensitive),
 * never by fixed letters: the printed report (`kind: 'reporte'`) or the Aplicativo's flat
 * export (`kind: 'exportacion'`, all twelve months until a period is chosen). Returns null
 * when the sheet has neither.
 */
export function findLayout(grid: Grid): Layout | null {
  const printed = findPrintedLayout(grid);
  if (printed) return printed;
  const flat = findFlatLayout(grid);
  return flat ? exportLayout(grid, flat) : null;
}

function findPrintedLayout(grid: Grid): Layout | null {
  const width = gridWidth(grid);
  const limit = Math.min(grid.rows.length, HEADER_SEARCH_ROWS);
  for (let row = 0; row < limit; row++) {
    for (let col = 0; col < width; col++) {
      if (isHeaderLabel(cellAt(grid, row, col))) {
        const layout = layoutAt(grid, row, col, width);
        if (layout) return layout;
      }
    }
  }
  return null;
}

function layoutAt(grid: Grid, headerRow: number, labelCol: number, width: number): Layout | null {
  const headerRows = [headerRow, headerRow + 1].filter((r) => r < grid.rows.length);
  const hits = labelsIn(grid, headerRows, width);
  const progEje = firstCol(hits, (c) => c.startsWith('PROG') && c.includes('EJE'));
  if (progEje < 0) return null;
  // The FISICO block is the month columns before its AVANCE ACUMULADO, the FINANCIERO block
  // those after the AVANCE %; a stray column between two months does not split a block
  // (rules report it: noncontiguous-month-columns).
  const monthCols = monthLabels(grid, headerRows, width).filter((m) => m.col > progEje);
  if (monthCols.length === 0) return null;
  const isAccumulated = (c: string): boolean => c.startsWith('AVANCEACUMULADO');
  const physicalAccumulated = firstCol(hits, isAccumulated, monthCols[0].col + 1);
  if (physicalAccumulated < 0) return null;
  const physicalRun = monthCols.filter((m) => m.col < physicalAccumulated);
  const percent = firstCol(hits, (c) => c.startsWith('AVANCE%'), physicalRun[physicalRun.length - 1].col + 1);
  if (percent < 0) return null;
  const afterPhysical = monthCols.filter((m) => m.col > Math.max(physicalAccumulated, percent));
  if (afterPhysical.length === 0) return null;
  const financialAccumulated = firstCol(hits, isAccumulated, afterPhysical[0].col + 1);
  if (financialAccumulated < 0) return null;
  const financialRun = afterPhysical.filter((m) => m.col < financialAccumulated);

  const columns: ReportColumns = {
    label: labelCol,
    costCenter: firstCol(hits, (c) => c.startsWith('CENTRODECOSTO')),
    priority: firstCol(hits, (c) => c.startsWith('NIVELDEPRIORIDAD') || c === 'PRIORIDAD'),
    unit: firstCol(hits, (c) => c.startsWith('UNIDADMEDIDA') || c.startsWith('UNIDADDEMEDIDA')),
    aggregation: firstCol(hits, (c) => c.startsWith('TIPODEAGREGACION')),
    progEje,
    physicalMonths: physicalRun.map((m) => m.col),
    physicalAccumulated,
    percent,
    financialMonths: financialRun.map((m) => m.col),
    financialAccumulated,
    last: Math.max(financialAccumulated, percent, physicalAccumulated),
  };
  const titleRows: number[] = [];
  let period: Period = 'OTRO';
  let year: number | null = null;
  for (let r = 0; r < headerRow; r++) {
    const texts = (grid.rows[r] ?? []).map(cellText).filter((t) => t !== '');
    if (texts.length === 0) continue;
    titleRows.push(r);
    for (const t of texts) {
      const p = periodOf(normalizeLabel(t));
      if (p) period = p;
      const y = /\b(20\d\d)\b/.exec(t);
      if (y && year === null) year = Number(y[1]);
    }
  }
  const months = physicalRun.map((m) => m.month);
  return {
    kind: 'reporte',
    headerRow,
    headerRows,
    repeatedHeaderRows: [],
    titleRows,
    months,
    monthLabelRow: physicalRun[0].row,
    monthNames: months.map((m) => MONTH_SHORT_NAMES[m - 1]),
    financialMonths: financialRun.map((m) => m.month),
    columns,
    period,
    year,
  };
}
