import { memo, type CSSProperties } from 'react';
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { toA1 } from '../../engine/grid/a1';
import { cellAt, type CellValue, type Grid } from '../../engine/grid/cell';
import { formatCellValue } from '../../ui/format';
import { SEVERITY_COLOR, SEVERITY_GLYPH, SEVERITY_OUTLINE, SEVERITY_TEXT, TRAFFIC_COLORS, TRAFFIC_TEXT } from '../../ui/colors';
import { type CellMark, cellKey } from './sheet-marks';
import { type CellFormats, formatAt, formatWithCode } from './cell-format';

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
    background: tokens.colorNeutralBackground1,
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
  /** Column A (the AO code and name) stays in view when the sheet scrolls sideways. */
  pinned: { position: 'sticky', left: `${HEAD_WIDTH}px`, zIndex: 3, borderRight: `2px solid ${tokens.colorNeutralStroke1}` },
  headOn: { background: tokens.colorBrandBackground2, fontWeight: tokens.fontWeightSemibold },
  frozenCell: { background: tokens.colorNeutralBackground2, fontWeight: tokens.fontWeightSemibold },
  computed: { backgroundImage: COMPUTED_MARK },
  selected: { outline: '3px solid #1b1b1b', outlineOffset: '-3px', zIndex: 1 },
  glyph: { position: 'absolute', left: '2px', top: 0, fontSize: '10px', lineHeight: '12px', fontWeight: tokens.fontWeightBold },
  band: { position: 'absolute', left: '3px', bottom: 0, fontSize: '9px', lineHeight: '11px', fontWeight: tokens.fontWeightBold },
});

/** What a cell says to a screen reader: the cell, its value, then each message apart. */
export function describeCell(a1: string, text: string, mark: CellMark | undefined): string {
  const parts = [`Celda ${a1}: ${text || 'vacía'}.`];
  if (mark?.computed) {
    parts.push('Calculada por el Semáforo POI.');
    if (mark.computed.color) parts.push(`Semáforo ${TRAFFIC_TEXT[mark.computed.color].name} (${TRAFFIC_TEXT[mark.computed.color].band}).`);
  }
  for (const o of mark?.observations ?? []) parts.push(`${SEVERITY_TEXT[o.severity].one}: ${o.message}`);
  return parts.join(' ');
}

export function cellText(v: CellValue, format: string | undefined): string {
  return typeof v === 'number' && format ? formatWithCode(v, format) : formatCellValue(v);
}

export interface SheetRowProps {
  readonly grid: Grid;
  /** 0-based sheet row. */
  readonly row: number;
  readonly widths: readonly number[];
  readonly marks: ReadonlyMap<number, CellMark>;
  readonly formats: CellFormats;
  /** The cursor's column when the cursor is on this row, else -1. */
  readonly selectedCol: number;
  readonly frozen: boolean;
  /** Position in the scrolled body; frozen rows flow in the sticky header instead. */
  readonly top?: number;
  readonly width: number;
  /** Prefix of the cells' ids (for aria-activedescendant). */
  readonly idPrefix: string;
}

/** One sheet row. Memoised: scrolling renders only the rows that come into view. */
export const SheetRow = memo(function SheetRow({ grid, row, widths, marks, formats, selectedCol, frozen, top, width, idPrefix }: SheetRowProps) {
  const styles = useCellStyles();
  const placed: CSSProperties = top === undefined ? { width } : { width, position: 'absolute', top, left: 0 };
  return (
    <div role="row" aria-rowindex={row + 2} className={styles.row} style={placed}>
      <div role="rowheader" className={mergeClasses(styles.cell, styles.head, selectedCol >= 0 && styles.headOn)} style={{ width: HEAD_WIDTH }}>
        {row + 1}
      </div>
      {widths.map((w, c) => {
        const v = cellAt(grid, row, c);
        const mark = marks.get(cellKey(row, c));
        const text = cellText(v, formatAt(formats, row, c, mark?.computed));
        const isSel = selectedCol === c;
        const a1 = toA1({ row, col: c });
        const color = mark?.computed?.color;
        const cellStyle: CSSProperties = { width: w };
        if (color) {
          cellStyle.background = TRAFFIC_COLORS[color].bg;
          cellStyle.color = TRAFFIC_COLORS[color].fg;
        }
        if (mark?.severity) cellStyle.outline = `2px ${SEVERITY_OUTLINE[mark.severity]} ${SEVERITY_COLOR[mark.severity]}`;
        if (mark?.severity) cellStyle.outlineOffset = '-2px';
        const spoken = mark || isSel ? describeCell(a1, text, mark) : undefined;
        return (
          <div
            key={c}
            id={`${idPrefix}-${a1}`}
            role="gridcell"
            aria-colindex={c + 2}
            aria-selected={isSel || undefined}
            aria-label={spoken}
            data-a1={a1}
            data-computed={mark?.computed ? 'true' : undefined}
            data-color={color ?? undefined}
            data-severity={mark?.severity}
            data-selected={isSel ? 'true' : undefined}
            title={mark ? describeCell(a1, text, mark) : text.length > 12 ? text : undefined}
            className={mergeClasses(
              styles.cell,
              typeof v === 'number' && styles.number,
              c === 0 && styles.pinned,
              frozen && styles.frozenCell,
              mark?.computed && styles.computed,
              isSel && styles.selected,
            )}
            style={cellStyle}
          >
            {mark?.severity && (
              <span className={styles.glyph} style={{ color: SEVERITY_COLOR[mark.severity] }} aria-hidden>
                {SEVERITY_GLYPH[mark.severity]}
              </span>
            )}
            {color && (
              <span className={styles.band} aria-hidden>
                {TRAFFIC_TEXT[color].letter}
              </span>
            )}
            {text}
          </div>
        );
      })}
    </div>
  );
});
