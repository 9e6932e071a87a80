import { memo, type CSSProperties } from 'react';
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { toA1 } from '../../engine/grid/a1';
import { cellAt, type Grid } from '../../engine/grid/cell';
import { formatCellValue } from '../../ui/format';
import { TRAFFIC_COLORS } from '../../ui/components/TrafficLight';
import { SEVERITY_COLOR, SEVERITY_TEXT } from '../../ui/components/ObservationList';
import { type CellMark, cellKey } from './sheet-marks';

export const ROW_HEIGHT = 24;
export const HEAD_WIDTH = 56;
/** The blue corner that marks a cell the tool computes (also drawn in the legend). */
export const COMPUTED_MARK = 'linear-gradient(225deg, #0f6cbd 7px, transparent 7px)';

export const useCellStyles = makeStyles({
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
  computed: { backgroundImage: COMPUTED_MARK },
  selected: { outline: '3px solid #1b1b1b', outlineOffset: '-3px', zIndex: 1 },
});

function describe(a1: string, text: string, mark: CellMark | undefined): string | undefined {
  if (!mark) return text.length > 12 ? text : undefined;
  const lines = [text ? `${a1}: ${text}` : a1];
  if (mark.computed) lines.push('Celda calculada por el Semáforo POI.');
  for (const o of mark.observations ?? []) lines.push(`${SEVERITY_TEXT[o.severity].one}: ${o.message}`);
  return lines.join('\n');
}

export interface SheetRowProps {
  readonly grid: Grid;
  /** 0-based sheet row. */
  readonly row: number;
  readonly widths: readonly number[];
  readonly marks: ReadonlyMap<number, CellMark>;
  /** The selected column when the selection is on this row, else -1. */
  readonly selectedCol: number;
  readonly frozen: boolean;
  /** Position in the scrolled body; frozen rows flow in the sticky header instead. */
  readonly top?: number;
  readonly width: number;
}

/** One sheet row. Memoised: scrolling renders only the rows that come into view. */
export const SheetRow = memo(function SheetRow({ grid, row, widths, marks, selectedCol, frozen, top, width }: SheetRowProps) {
  const styles = useCellStyles();
  const placed: CSSProperties = top === undefined ? { width } : { width, position: 'absolute', top, left: 0 };
  return (
    <div role="row" aria-rowindex={row + 2} className={styles.row} style={placed}>
      <div role="rowheader" className={mergeClasses(styles.cell, styles.head, selectedCol >= 0 && styles.headOn)} style={{ width: HEAD_WIDTH }}>
        {row + 1}
      </div>
      {widths.map((w, c) => {
        const v = cellAt(grid, row, c);
        const text = formatCellValue(v);
        const mark = marks.get(cellKey(row, c));
        const isSel = selectedCol === c;
        const a1 = toA1({ row, col: c });
        const color = mark?.computed?.color;
        const cellStyle: CSSProperties = { width: w };
        if (color) {
          cellStyle.background = TRAFFIC_COLORS[color].bg;
          cellStyle.color = TRAFFIC_COLORS[color].fg;
        }
        if (mark?.severity) cellStyle.boxShadow = `inset 0 0 0 2px ${SEVERITY_COLOR[mark.severity]}`;
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
              frozen && styles.frozenCell,
              mark?.computed && styles.computed,
              isSel && styles.selected,
            )}
            style={cellStyle}
          >
            {text}
          </div>
        );
      })}
    </div>
  );
});
