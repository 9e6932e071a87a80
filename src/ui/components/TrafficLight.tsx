import { makeStyles, tokens } from '@fluentui/react-components';
import type { TrafficCounts } from '../../engine/figures';
import type { TrafficColor } from '../../engine/model';
import { formatCount } from '../format';

/** The report's own bands (spec §2.12), as words: colour is never the only signal. */
export const TRAFFIC_TEXT: Readonly<Record<TrafficColor, { name: string; band: string }>> = {
  red: { name: 'Rojo', band: '< 75 %' },
  yellow: { name: 'Amarillo', band: '75–95 %' },
  green: { name: 'Verde', band: '> 95 %' },
};

export const TRAFFIC_ORDER: readonly TrafficColor[] = ['red', 'yellow', 'green'];

/** Background/foreground pairs with enough contrast for text (WCAG AA). */
export const TRAFFIC_COLORS: Readonly<Record<TrafficColor, { bg: string; fg: string }>> = {
  red: { bg: '#fde7e9', fg: '#a4262c' },
  yellow: { bg: '#fff4ce', fg: '#7a5b00' },
  green: { bg: '#dff6dd', fg: '#0e700e' },
};

const useStyles = makeStyles({
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  label: { minWidth: '2.5em', fontWeight: tokens.fontWeightSemibold },
  chip: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: '4px',
    padding: '2px 8px',
    borderRadius: tokens.borderRadiusMedium,
    fontSize: tokens.fontSizeBase200,
  },
  dot: { width: '10px', height: '10px', borderRadius: '50%', flexShrink: 0 },
  count: { fontWeight: tokens.fontWeightBold, fontSize: tokens.fontSizeBase300 },
});

export interface TrafficLightRowProps {
  /** Short label shown (AEI, AO). */
  readonly label: string;
  /** Full name for assistive technology. */
  readonly longLabel: string;
  readonly counts: TrafficCounts;
}

/** One row of the semáforo: three counts, each with its colour *and* its name and band. */
export function TrafficLightRow({ label, longLabel, counts }: TrafficLightRowProps) {
  const styles = useStyles();
  const spoken = TRAFFIC_ORDER.map((c) => `${TRAFFIC_TEXT[c].name} ${counts[c]}`).join(', ');
  return (
    <div className={styles.row} role="group" aria-label={`${longLabel}: ${spoken}`} data-testid={`semaforo-${label.toLowerCase()}`}>
      <span className={styles.label} title={longLabel}>
        {label}
      </span>
      {TRAFFIC_ORDER.map((c) => (
        <span
          key={c}
          className={styles.chip}
          style={{ background: TRAFFIC_COLORS[c].bg, color: TRAFFIC_COLORS[c].fg }}
          title={`${TRAFFIC_TEXT[c].name} (${TRAFFIC_TEXT[c].band})`}
          data-color={c}
        >
          <span className={styles.dot} style={{ background: TRAFFIC_COLORS[c].fg }} aria-hidden />
          {TRAFFIC_TEXT[c].name}
          <span className={styles.count}>{formatCount(counts[c])}</span>
        </span>
      ))}
    </div>
  );
}
