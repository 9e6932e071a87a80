import { Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { TRAFFIC_COLORS, TRAFFIC_ORDER, TRAFFIC_TEXT } from '../../ui/components/TrafficLight';
import { COMPUTED_MARK } from './SheetRow';
import { SEVERITY_COLOR, SEVERITY_ORDER, SEVERITY_TEXT } from '../../ui/components/ObservationList';

const useStyles = makeStyles({
  root: { display: 'flex', flexWrap: 'wrap', gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`, alignItems: 'center' },
  item: { display: 'inline-flex', alignItems: 'center', gap: '4px' },
  swatch: { display: 'inline-block', width: '18px', height: '14px', border: `1px solid ${tokens.colorNeutralStroke2}` },
});

/** What the grid's marks mean. */
export function Legend() {
  const styles = useStyles();
  return (
    <div className={styles.root} aria-label="Leyenda de la hoja">
      <span className={styles.item}>
        <span className={styles.swatch} style={{ backgroundImage: COMPUTED_MARK }} />
        <Caption1>Celda calculada</Caption1>
      </span>
      {TRAFFIC_ORDER.map((c) => (
        <span key={c} className={styles.item}>
          <span className={styles.swatch} style={{ background: TRAFFIC_COLORS[c].bg }} />
          <Caption1>
            {TRAFFIC_TEXT[c].name} ({TRAFFIC_TEXT[c].band})
          </Caption1>
        </span>
      ))}
      {SEVERITY_ORDER.map((s) => (
        <span key={s} className={styles.item}>
          <span className={styles.swatch} style={{ boxShadow: `inset 0 0 0 2px ${SEVERITY_COLOR[s]}` }} />
          <Caption1>{SEVERITY_TEXT[s].one}</Caption1>
        </span>
      ))}
    </div>
  );
}
