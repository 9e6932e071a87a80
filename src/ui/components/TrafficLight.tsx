import { makeStyles, tokens } from '@fluentui/react-components';
import type { TrafficCounts } from '../../engine/figures';
import { formatCount } from '../format';
import { TRAFFIC_COLORS, TRAFFIC_ORDER, TRAFFIC_TEXT } from '../colors';

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
