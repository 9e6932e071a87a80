import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { columnLetters, fromA1 } from '../../engine/grid/a1';
import { cellAt, gridWidth, type Address } from '../../engine/grid/cell';
import type { AnalysisSummary } from '../../app/contract';
import { formatCellValue } from '../../ui/format';
import type { SheetView } from '../protocol';
import { type CellMark, cellMarks } from './sheet-marks';
import { HEAD_WIDTH, ROW_HEIGHT, SheetRow, useCellStyles } from './SheetRow';

const MAX_COLUMNS = 64;
/** Rows rendered above and below the visible ones, so fast scrolling shows no gaps. */
const OVERSCAN = 8;
const NO_MARKS: ReadonlyMap<number, CellMark> = new Map();

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

/**
 * The report sheet as a grid. Only the rows in view are in the DOM, so a 20,000-row
 * sheet scrolls as fast as a small one. Title and report header stay frozen on top.
 */
export function SheetGrid({ view, summary, selected }: SheetGridProps) {
  const styles = useStyles();
  const cellStyles = useCellStyles();
  const { grid } = view;
  const rowCount = grid.rows.length;
  const frozen = Math.min(view.frozenRows, rowCount);
  const colCount = useMemo(() => Math.min(gridWidth(grid), MAX_COLUMNS), [grid]);
  const widths = useMemo(() => Array.from({ length: colCount }, (_, c) => (c === 0 ? 320 : 96)), [colCount]);
  const lefts = useMemo(() => widths.reduce<number[]>((acc, w, i) => [...acc, acc[i] + w], [HEAD_WIDTH]), [widths]);
  const totalWidth = lefts[lefts.length - 1];
  const marks = useMemo(() => (summary && summary.sheet === view.sheet ? cellMarks(summary) : NO_MARKS), [summary, view.sheet]);
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
  const rowProps = (r: number) => ({ grid, row: r, widths, marks, width: totalWidth, selectedCol: sel?.row === r ? sel.col : -1 });

  const body = [];
  for (let r = first; r < last; r++) {
    body.push(<SheetRow key={r} {...rowProps(r)} frozen={false} top={(r - frozen) * ROW_HEIGHT} />);
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
        <div role="row" aria-rowindex={1} className={cellStyles.row}>
          <div className={mergeClasses(cellStyles.cell, cellStyles.head)} style={{ width: HEAD_WIDTH }} />
          {widths.map((w, c) => (
            <div key={c} role="columnheader" className={mergeClasses(cellStyles.cell, cellStyles.head, sel?.col === c && cellStyles.headOn)} style={{ width: w, position: 'static' }}>
              {columnLetters(c)}
            </div>
          ))}
        </div>
        {Array.from({ length: frozen }, (_, r) => (
          <SheetRow key={r} {...rowProps(r)} frozen />
        ))}
      </div>
      <div style={{ position: 'relative', height: (rowCount - frozen) * ROW_HEIGHT, width: totalWidth }}>{body}</div>
      <div className={styles.live} aria-live="polite">
        {sel ? `Celda ${selected?.a1} seleccionada: ${formatCellValue(cellAt(grid, sel.row, sel.col)) || 'vacía'}` : ''}
      </div>
    </div>
  );
}
