import { useMemo, useState } from 'react';
import { Button, ToggleButton, makeStyles, tokens } from '@fluentui/react-components';
import { ErrorCircleRegular, InfoRegular, WarningRegular } from '@fluentui/react-icons';
import type { Observation, Severity } from '../../engine/observation';
import { formatCount } from '../format';

export const SEVERITY_ORDER: readonly Severity[] = ['error', 'warning', 'info'];

export const SEVERITY_TEXT: Readonly<Record<Severity, { group: string; one: string }>> = {
  error: { group: 'Errores', one: 'Error' },
  warning: { group: 'Advertencias', one: 'Advertencia' },
  info: { group: 'Información', one: 'Información' },
};

export const SEVERITY_COLOR: Readonly<Record<Severity, string>> = {
  error: '#c50f1f',
  warning: '#bc4b09',
  info: '#0f6cbd',
};

const ICONS = { error: ErrorCircleRegular, warning: WarningRegular, info: InfoRegular } as const;

/** Items rendered per group before "Mostrar más": a 10,000-AO report can have thousands. */
export const PAGE_SIZE = 100;

const useStyles = makeStyles({
  filters: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
  heading: { fontSize: tokens.fontSizeBase300, margin: `${tokens.spacingVerticalM} 0 ${tokens.spacingVerticalXS}` },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: '2px' },
  item: {
    width: '100%',
    justifyContent: 'flex-start',
    textAlign: 'start',
    fontWeight: tokens.fontWeightRegular,
    alignItems: 'flex-start',
    minWidth: 0,
  },
  cell: { fontFamily: tokens.fontFamilyMonospace, fontWeight: tokens.fontWeightSemibold, marginRight: '6px' },
  empty: { color: tokens.colorNeutralForeground3 },
});

export interface ObservationListProps {
  readonly observations: readonly Observation[];
  readonly onSelect: (observation: Observation) => void;
}

/** Observations grouped by severity, each a button that takes the user to its cell. */
export function ObservationList({ observations, onSelect }: ObservationListProps) {
  const styles = useStyles();
  const [shown, setShown] = useState<Readonly<Record<Severity, boolean>>>({ error: true, warning: true, info: true });
  const [limit, setLimit] = useState<Readonly<Record<Severity, number>>>({ error: PAGE_SIZE, warning: PAGE_SIZE, info: PAGE_SIZE });

  const groups = useMemo(() => {
    const g: Record<Severity, Observation[]> = { error: [], warning: [], info: [] };
    for (const o of observations) g[o.severity].push(o);
    return g;
  }, [observations]);

  if (observations.length === 0) {
    return <p className={styles.empty}>Sin observaciones: el reporte es coherente con sus reglas.</p>;
  }

  return (
    <section aria-label="Observaciones">
      <div className={styles.filters} role="group" aria-label="Filtrar por severidad">
        {SEVERITY_ORDER.map((s) => {
          const Icon = ICONS[s];
          return (
            <ToggleButton
              key={s}
              size="small"
              checked={shown[s]}
              icon={<Icon style={{ color: SEVERITY_COLOR[s] }} />}
              onClick={() => setShown({ ...shown, [s]: !shown[s] })}
            >
              {SEVERITY_TEXT[s].group} ({formatCount(groups[s].length)})
            </ToggleButton>
          );
        })}
      </div>
      {SEVERITY_ORDER.filter((s) => shown[s] && groups[s].length > 0).map((s) => {
        const Icon = ICONS[s];
        const items = groups[s];
        const visible = items.slice(0, limit[s]);
        return (
          <div key={s} data-severity={s}>
            <h3 className={styles.heading}>
              {SEVERITY_TEXT[s].group} ({formatCount(items.length)})
            </h3>
            <ul className={styles.list}>
              {visible.map((o, i) => (
                <li key={`${o.rule}:${o.cell}:${i}`}>
                  <Button
                    appearance="subtle"
                    className={styles.item}
                    icon={<Icon style={{ color: SEVERITY_COLOR[s] }} aria-label={SEVERITY_TEXT[s].one} />}
                    onClick={() => onSelect(o)}
                    title={`Ir a la celda ${o.cell} (${o.rule})`}
                  >
                    <span>
                      <span className={styles.cell}>{o.cell}</span>
                      {o.message}
                    </span>
                  </Button>
                </li>
              ))}
            </ul>
            {items.length > visible.length && (
              <Button size="small" appearance="transparent" onClick={() => setLimit({ ...limit, [s]: limit[s] + PAGE_SIZE })}>
                Mostrar {formatCount(Math.min(PAGE_SIZE, items.length - visible.length))} más (quedan {formatCount(items.length - visible.length)})
              </Button>
            )}
          </div>
        );
      })}
    </section>
  );
}
