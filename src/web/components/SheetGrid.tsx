import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { columnLetters, fromA1, toA1 } from '../../engine/grid/a1';
import { cellAt, gridWidth, type Address } from '../../engine/grid/cell';
import type { AnalysisSummary } from '../../app/contract';
import type { SheetView } from '../protocol';
import { type CellMark, cellKey, cellMarks } from './sheet-marks';
import { cellFormats, formatAt } from './cell-format';
import { moveCursor } from './grid-cursor';

const KEYS = { ArrowDown: 1, ArrowUp: 1, ArrowRight: 1, ArrowLeft: 1, PageDown: 1, PageUp: 1, Home: 1, End: 1 };
import { HEAD_WIDTH, ROW_HEIGHT, SheetRow, cellText, describeCell, useCellStyles } from './SheetRow';

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
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '1px' },
  },
  frozen: { position: 'sticky', top: 0, zIndex: 4, background: tokens.colorNeutralBackground1 },
  corner: { zIndex: 5 },
  live: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)' },
});

export interface SheetGridProps {
  readonly view: SheetView;
  readonly summary: AnalysisSummary | null;
  /** A cell chosen elsewhere (an observation); `seq` changes on every choice, even of the same cell. */
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
 * The report sheet as a grid: one Tab stop with a cell cursor (arrows, Re Pág/Av Pág,
 * Inicio/Fin, Ctrl+Inicio); Esc goes back to where the focus came from (the observation).
 * Only the rows in view are in the DOM; the header rows and column A stay in view.
 */
export function SheetGrid({ view, summary, selected }: SheetGridProps) {
  const styles = useStyles();
  const cellStyles = useCellStyles();
  const idPrefix = useId().replace(/:/g, '');
  const { grid } = view;
  const rowCount = grid.rows.length;
  const frozen = Math.min(view.frozenRows, rowCount);
  const colCount = useMemo(() => Math.min(gridWidth(grid), MAX_COLUMNS), [grid]);
  const scroller = useRef<HTMLDivElement>(null);
  const [box, setBox] = useState({ width: 800, height: 560 });
  // Column A is wide enough for an AO's name, but never more than 40 % of a narrow screen.
  const colA = Math.max(120, Math.min(320, Math.floor(box.width * 0.4)));
  const widths = useMemo(() => Array.from({ length: colCount }, (_, c) => (c === 0 ? colA : 96)), [colCount, colA]);
  const lefts = useMemo(() => widths.reduce<number[]>((acc, w, i) => [...acc, acc[i] + w], [HEAD_WIDTH]), [widths]);
  const totalWidth = lefts[lefts.length - 1];
  const marks = useMemo(() => (summary && summary.sheet === view.sheet ? cellMarks(summary) : NO_MARKS), [summary, view.sheet]);
  const formats = useMemo(() => cellFormats(grid), [grid]);
  const [cursor, setCursor] = useState<Address | null>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const returnTo = useRef<HTMLElement | null>(null);
  const headHeight = (1 + frozen) * ROW_HEIGHT;

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const measure = () => setBox({ width: el.clientWidth || 800, height: el.clientHeight || 560 });
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  /** Scrolls so that `at` is visible below the frozen rows and right of column A. */
  const reveal = (at: Address, centre: boolean) => {
    const el = scroller.current;
    if (!el || at.row >= rowCount) return;
    const bodyHeight = el.clientHeight - headHeight;
    if (at.row >= frozen) {
      const top = (at.row - frozen) * ROW_HEIGHT;
      if (top < el.scrollTop || top + ROW_HEIGHT > el.scrollTop + bodyHeight) {
        const target = centre ? Math.max(0, top - Math.max(0, bodyHeight - ROW_HEIGHT) / 2) : top < el.scrollTop ? top : top + ROW_HEIGHT - bodyHeight;
        el.scrollTop = target;
        setScrollTop(target); // the scroll event corrects it if the browser clamps it
      }
    }
    if (at.col > 0 && at.col < colCount) {
      const left = lefts[at.col] - lefts[1]; // scroll offset that puts the column right after column A
      const visible = el.clientWidth - lefts[1];
      if (left < el.scrollLeft || left + widths[at.col] > el.scrollLeft + visible) el.scrollLeft = Math.max(0, left - 16);
    }
  };

  // A cell chosen elsewhere: the cursor goes there, centred, and the grid takes the focus.
  useEffect(() => {
    const el = scroller.current;
    const sel = parse(selected?.a1);
    if (!el || !sel || sel.row >= rowCount) return;
    setCursor(sel);
    reveal(sel, true);
    const from = document.activeElement;
    if (from instanceof HTMLElement && from !== el) returnTo.current = from;
    el.focus({ preventScroll: true });
    // On a narrow screen the grid sits below the pane: bring it into the window.
    const r = el.getBoundingClientRect();
    if (r.top < 0 || r.bottom > window.innerHeight) el.scrollIntoView?.({ block: 'nearest' });
    // Only on a new selection (seq) or a new view: scrolling by hand must not snap back.
  }, [selected?.seq, view]);

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && returnTo.current?.isConnected) {
      e.preventDefault();
      returnTo.current.focus();
      return;
    }
    const page = Math.max(1, Math.floor((box.height - headHeight) / ROW_HEIGHT) - 1);
    // The first key on a focused grid without a cursor only shows it where it starts.
    const next = cursor ? moveCursor(e.key, e.ctrlKey, cursor, { rows: rowCount, cols: colCount, page }) : { row: Math.min(frozen, rowCount - 1), col: 0 };
    if (!next || !(e.key in KEYS)) return;
    e.preventDefault();
    setCursor(next);
    reveal(next, false);
  };

  const first = frozen + Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(rowCount, frozen + Math.ceil((scrollTop + box.height) / ROW_HEIGHT) + OVERSCAN);
  const rowProps = (r: number) => ({ grid, row: r, widths, marks, formats, idPrefix, width: totalWidth, selectedCol: cursor?.row === r ? cursor.col : -1 });

  const body = [];
  for (let r = first; r < last; r++) body.push(<SheetRow key={r} {...rowProps(r)} frozen={false} top={(r - frozen) * ROW_HEIGHT} />);

  const cursorA1 = cursor ? toA1(cursor) : null;
  const cursorMark = cursor ? marks.get(cellKey(cursor.row, cursor.col)) : undefined;
  const cursorText = cursor ? cellText(cellAt(grid, cursor.row, cursor.col), formatAt(formats, cursor.row, cursor.col, cursorMark?.computed)) : '';
  const rendered = cursor && (cursor.row < frozen || (cursor.row >= first && cursor.row < last));

  return (
    <div
      ref={scroller}
      className={styles.scroller}
      role="grid"
      aria-label={`Hoja «${view.sheet}»`}
      aria-rowcount={rowCount + 1}
      aria-colcount={colCount + 1}
      aria-activedescendant={cursorA1 && rendered ? `${idPrefix}-${cursorA1}` : undefined}
      tabIndex={0}
      onKeyDown={onKeyDown}
      onFocus={() => rowCount > 0 && setCursor((c) => c ?? { row: Math.min(frozen, rowCount - 1), col: 0 })}
      onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
      data-testid="sheet-grid"
    >
      <div className={styles.frozen} style={{ width: totalWidth }}>
        <div role="row" aria-rowindex={1} className={cellStyles.row}>
          <div className={mergeClasses(cellStyles.cell, cellStyles.head, styles.corner)} style={{ width: HEAD_WIDTH }} aria-hidden />
          {widths.map((w, c) => (
            <div
              key={c}
              role="columnheader"
              className={mergeClasses(cellStyles.cell, cellStyles.head, c === 0 && cellStyles.pinned, cursor?.col === c && cellStyles.headOn)}
              // Flex items honour z-index even when static: only column A's letter sits above the others.
              style={{ width: w, ...(c === 0 ? {} : { position: 'static', zIndex: 'auto' }) }}
            >
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
        {cursor && cursorA1 ? `${describeCell(cursorA1, cursorText, cursorMark)}` : ''}
      </div>
    </div>
  );
}
