import { useEffect, useLayoutEffect, useMemo, useRef, useState, type CSSProperties } from 'react';
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { columnLetters, fromA1, toA1 } from '../../engine/grid/a1';
import { cellAt, gridWidth, type Address } from '../../engine/grid/cell';
import type { AnalysisSummary } from '../../taskpane/service';
import { formatCellValue } from '../../taskpane/format';
import { TRAFFIC_COLORS } from '../../taskpane/components/TrafficLight';
import { SEVERITY_COLOR, SEVERITY_TEXT } from '../../taskpane/components/ObservationList';
import type { SheetView } from '../protocol';
import { type CellMark, cellKey, cellMarks } from './sheet-marks';

export const ROW_HEIGHT = 24;
const HEAD_WIDTH = 56;
const MAX_COLUMNS = 64;
/** Rows rendered above and below the visible ones, so fast scrolling shows no gaps. */
const OVERSCAN = 8;

const useStyles = makeStyles({
  scroller: {
    position: 'relative',
    overflow: 'auto',
    height: 'min(70vh, 640px)',
    minHeight: '240px',
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    background: tokens.colorNeutralBackground1,
    fontSize: tokens.fontSizeBase200,
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  frozen: { position: 'sticky', top: 0, zIndex: 3, background: tokens.colorNeutralBackground1 },
  row: { display: 'flex', height: `${ROW_HEIGHT}px` },
  cell: {
    boxSizing: 'border-box',
    flexShrink: 0,
    height: `${ROW_HEIGHT}px`,
    lineHeight: `${ROW_HEIGHT - 1}px`,
    padding: '0 4px',
    borderRight: `1px solid ${tokens.colorNeutralStroke2}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    whiteSpace: 'nowrap',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    position: 'relative',
  },
  number: { textAlign: 'end', fontVariantNumeric: 'tabular-nums' },
  head: {
    position: 'sticky',
    left: 0,
    zIndex: 2,
    textAlign: 'center',
    background: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground2,
  },
  headOn: { background: tokens.colorBrandBackground2, fontWeight: tokens.fontWeightSemibold },
  frozenCell: { background: tokens.colorNeutralBackground2, fontWeight: tokens.fontWeightSemibold },
  // A blue corner marks a cell the tool computes (and may write).
  computed: { backgroundImage: 'linear-gradient(225deg, #0f6cbd 7px, transparent 7px)' },
  selected: { outline: '3px solid #1b1b1b', outlineOffset: '-3px', zIndex: 1 },
  live: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)' },
});

export interface SheetGridProps {
  readonly view: SheetView;
  readonly summary: AnalysisSummary | null;
  readonly selected: { readonly a1: string; readonly seq: number } | null;
}

function parse(a1: string | undefined): Address | null {
  if (!a1) return null;
  try {
    return fromA1(a1);
  } catch {
    return null;
  }
}

function describe(a1: string, text: string, mark: CellMark | undefined): string | undefined {
  if (!mark) return text.length > 12 ? text : undefined;
  const lines = [text ? `${a1}: ${text}` : a1];
  if (mark.computed) lines.push('Celda calculada por el Semáforo POI.');
  for (const o of mark.observations ?? []) lines.push(`${SEVERITY_TEXT[o.severity].one}: ${o.message}`);
  return lines.join('\n');
}

/**
 * The report sheet as a grid. Only the rows in view are in the DOM, so a 20,000-row
 * sheet scrolls as fast as a small one. Title and report header stay frozen on top.
 */
export function SheetGrid({ view, summary, selected }: SheetGridProps) {
  const styles = useStyles();
  const { grid } = view;
  const rowCount = grid.rows.length;
  const frozen = Math.min(view.frozenRows, rowCount);
  const colCount = useMemo(() => Math.min(gridWidth(grid), MAX_COLUMNS), [grid]);
  const widths = useMemo(() => Array.from({ length: colCount }, (_, c) => (c === 0 ? 320 : 96)), [colCount]);
  const lefts = useMemo(() => widths.reduce<number[]>((acc, w, i) => [...acc, (acc[i] ?? HEAD_WIDTH) + w], [HEAD_WIDTH]), [widths]);
  const totalWidth = lefts[lefts.length - 1];
  const marks = useMemo(() => (summary && summary.sheet === view.sheet ? cellMarks(summary) : new Map<number, CellMark>()), [summary, view.sheet]);
  const sel = parse(selected?.a1);

  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(560);
  const headHeight = (1 + frozen) * ROW_HEIGHT;

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const measure = () => setHeight(el.clientHeight || 560);
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  // Bring the selected cell into view (centred), like Excel's Go To.
  useEffect(() => {
    const el = scroller.current;
    if (!el || !sel || sel.row >= rowCount) return;
    const bodyHeight = el.clientHeight - headHeight;
    if (sel.row >= frozen) {
      const top = (sel.row - frozen) * ROW_HEIGHT;
      if (top < el.scrollTop || top + ROW_HEIGHT > el.scrollTop + bodyHeight) {
        const target = Math.max(0, top - Math.max(0, bodyHeight - ROW_HEIGHT) / 2);
        el.scrollTop = target;
        setScrollTop(target); // the scroll event corrects it if the browser clamps it
      }
    }
    if (sel.col < colCount) {
      const left = lefts[sel.col];
      if (left - HEAD_WIDTH < el.scrollLeft || left + widths[sel.col] > el.scrollLeft + el.clientWidth) {
        el.scrollLeft = Math.max(0, left - HEAD_WIDTH - 16);
      }
    }
    // On a narrow screen the grid sits below the pane: bring it into the window.
    const box = el.getBoundingClientRect();
    if (box.top < 0 || box.bottom > window.innerHeight) el.scrollIntoView?.({ block: 'nearest' });
    // Only on a new selection (seq) or a new view: scrolling by hand must not snap back.
  }, [selected?.seq, view]);

  const first = frozen + Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(rowCount, frozen + Math.ceil((scrollTop + height) / ROW_HEIGHT) + OVERSCAN);

  const renderRow = (r: number, style: CSSProperties | undefined, isFrozen: boolean) => (
    <div key={r} role="row" aria-rowindex={r + 2} className={styles.row} style={{ width: totalWidth, ...style }}>
      <div role="rowheader" className={mergeClasses(styles.cell, styles.head, sel?.row === r && styles.headOn)} style={{ width: HEAD_WIDTH }}>
        {r + 1}
      </div>
      {widths.map((w, c) => {
        const v = cellAt(grid, r, c);
        const text = formatCellValue(v);
        const mark = marks.get(cellKey(r, c));
        const isSel = sel !== null && sel.row === r && sel.col === c;
        const a1 = toA1({ row: r, col: c });
        const color = mark?.computed?.color;
        const style: CSSProperties = { width: w };
        if (color) {
          style.background = TRAFFIC_COLORS[color].bg;
          style.color = TRAFFIC_COLORS[color].fg;
        }
        if (mark?.severity) style.boxShadow = `inset 0 0 0 2px ${SEVERITY_COLOR[mark.severity]}`;
        return (
          <div
            key={c}
            role="gridcell"
            aria-colindex={c + 2}
            aria-selected={isSel || undefined}
            data-a1={a1}
            data-computed={mark?.computed ? 'true' : undefined}
            data-color={color ?? undefined}
            data-severity={mark?.severity}
            data-selected={isSel ? 'true' : undefined}
            title={describe(a1, text, mark)}
            className={mergeClasses(
              styles.cell,
              typeof v === 'number' && styles.number,
              isFrozen && styles.frozenCell,
              mark?.computed && styles.computed,
              isSel && styles.selected,
            )}
            style={style}
          >
            {text}
          </div>
        );
      })}
    </div>
  );

  const rows = [];
  for (let r = first; r < last; r++) {
    rows.push(renderRow(r, { position: 'absolute', top: (r - frozen) * ROW_HEIGHT, left: 0 }, false));
  }

  return (
    <div
      ref={scroller}
      className={styles.scroller}
      role="grid"
      aria-label={`Hoja «${view.sheet}»`}
      aria-rowcount={rowCount + 1}
      aria-colcount={colCount + 1}
      tabIndex={0}
      onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
      data-testid="sheet-grid"
    >
      <div className={styles.frozen} style={{ width: totalWidth }}>
        <div role="row" aria-rowindex={1} className={styles.row}>
          <div className={mergeClasses(styles.cell, styles.head)} style={{ width: HEAD_WIDTH }} />
          {widths.map((w, c) => (
            <div key={c} role="columnheader" className={mergeClasses(styles.cell, styles.head, sel?.col === c && styles.headOn)} style={{ width: w, position: 'static' }}>
              {columnLetters(c)}
            </div>
          ))}
        </div>
        {Array.from({ length: frozen }, (_, r) => renderRow(r, undefined, true))}
      </div>
      <div style={{ position: 'relative', height: (rowCount - frozen) * ROW_HEIGHT, width: totalWidth }}>{rows}</div>
      <div className={styles.live} aria-live="polite">
        {sel ? `Celda ${selected?.a1} seleccionada: ${formatCellValue(cellAt(grid, sel.row, sel.col)) || 'vacía'}` : ''}
      </div>
    </div>
  );
}
