import { Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { SEVERITY_COLOR, SEVERITY_GLYPH, SEVERITY_ORDER, SEVERITY_OUTLINE, SEVERITY_TEXT, TRAFFIC_COLORS, TRAFFIC_ORDER, TRAFFIC_TEXT } from '../../ui/colors';
import { COMPUTED_MARK } from './SheetRow';

const useStyles = makeStyles({
  root: { display: 'flex', flexWrap: 'wrap', gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`, alignItems: 'center' },
  item: { display: 'inline-flex', alignItems: 'center', gap: '4px' },
  swatch: {
    display: 'inline-flex',
    alignItems: 'center',
    justifyContent: 'center',
    width: '18px',
    height: '14px',
    fontSize: '9px',
    fontWeight: tokens.fontWeightBold,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
  },
});

/** What the grid's marks mean: each colour with the letter or glyph the grid draws beside it. */
export function Legend() {
  const styles = useStyles();
  return (
    <div className={styles.root} role="group" aria-label="Leyenda de la hoja">
      <span className={styles.item}>
        <span className={styles.swatch} style={{ backgroundImage: COMPUTED_MARK }} aria-hidden />
        <Caption1>Celda calculada</Caption1>
      </span>
      {TRAFFIC_ORDER.map((c) => (
        <span key={c} className={styles.item}>
          <span className={styles.swatch} style={{ background: TRAFFIC_COLORS[c].bg, color: TRAFFIC_COLORS[c].fg }} aria-hidden>
            {TRAFFIC_TEXT[c].letter}
          </span>
          <Caption1>
            {TRAFFIC_TEXT[c].letter} = {TRAFFIC_TEXT[c].name} ({TRAFFIC_TEXT[c].band})
          </Caption1>
        </span>
      ))}
      {SEVERITY_ORDER.map((s) => (
        <span key={s} className={styles.item}>
          <span className={styles.swatch} style={{ outline: `2px ${SEVERITY_OUTLINE[s]} ${SEVERITY_COLOR[s]}`, outlineOffset: '-2px', color: SEVERITY_COLOR[s] }} aria-hidden>
            {SEVERITY_GLYPH[s]}
          </span>
          <Caption1>
            {SEVERITY_TEXT[s].one} (borde {SEVERITY_OUTLINE[s] === 'solid' ? 'continuo' : SEVERITY_OUTLINE[s] === 'dashed' ? 'de guiones' : 'de puntos'})
          </Caption1>
        </span>
      ))}
    </div>
  );
}
