import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { Button, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { ChevronLeftRegular, ChevronRightRegular } from '@fluentui/react-icons';
import type { Observation, Severity } from '../../engine/observation';
import { SEVERITY_COLOR, SEVERITY_ORDER, SEVERITY_TEXT } from '../colors';
import { formatCount } from '../format';
import { ruleName } from '../rule-names';
import { NO_FILTERS, type Places, applyFilters, placeObservations } from '../observation-filter';
import { ObservationFilters, SEVERITY_ICONS } from './ObservationFilters';

/** Items per page: a 10,000-AO report can have 20,000 observations; filters narrow them first. */
export const PAGE_SIZE = 50;

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  heading: { fontSize: tokens.fontSizeBase300, margin: `${tokens.spacingVerticalS} 0 ${tokens.spacingVerticalXXS}` },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: '2px' },
  item: { width: '100%', justifyContent: 'flex-start', textAlign: 'start', fontWeight: tokens.fontWeightRegular, alignItems: 'flex-start', minWidth: 0 },
  text: { display: 'flex', flexDirection: 'column', minWidth: 0 },
  cell: { fontFamily: tokens.fontFamilyMonospace, fontWeight: tokens.fontWeightSemibold, marginRight: '6px' },
  rule: { color: tokens.colorNeutralForeground3 },
  pager: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  empty: { color: tokens.colorNeutralForeground3 },
});

export interface ObservationListProps {
  readonly observations: readonly Observation[];
  /** Where AO and AEI sit (the summary), to filter by AEI and cost centre. */
  readonly places?: Places;
  readonly onSelect: (observation: Observation) => void;
}

/** «Celda U14. Error: …»: the cell and the message apart, for screen readers. */
export function spokenObservation(o: Observation): string {
  return `Celda ${o.cell}. ${SEVERITY_TEXT[o.severity].one}: ${o.message}`;
}

/**
 * Observations filtered by severity, rule, AEI and centre, a page at a time, grouped by
 * severity. One Tab stop: the arrow keys move through the items (Re Pág / Av Pág change page).
 */
export function ObservationList({ observations, places, onSelect }: ObservationListProps) {
  const styles = useStyles();
  const placed = useMemo(() => placeObservations(observations, places), [observations, places]);
  const [filters, setFilters] = useState(NO_FILTERS);
  const shown = useMemo(() => applyFilters(placed, filters), [placed, filters]);
  const [page, setPage] = useState(0);
  const [active, setActive] = useState(0);
  const list = useRef<HTMLDivElement>(null);
  const pages = Math.max(1, Math.ceil(shown.length / PAGE_SIZE));
  const current = Math.min(page, pages - 1);
  const slice = shown.slice(current * PAGE_SIZE, (current + 1) * PAGE_SIZE);
  const focusNext = useRef<number | null>(null);

  useEffect(() => void (setPage(0), setActive(0)), [placed, filters]);
  useEffect(() => {
    if (focusNext.current === null) return;
    list.current?.querySelectorAll<HTMLButtonElement>('[data-observation]')[focusNext.current]?.focus();
    focusNext.current = null;
  });

  if (observations.length === 0) {
    return <p className={styles.empty}>Sin observaciones: el reporte es coherente con sus reglas.</p>;
  }

  const bySeverity = new Map<Severity, number>();
  for (const p of shown) bySeverity.set(p.observation.severity, (bySeverity.get(p.observation.severity) ?? 0) + 1);
  const move = (index: number, toPage = current) => {
    setPage(toPage);
    setActive(index);
    focusNext.current = index;
  };
  const onKeyDown = (e: KeyboardEvent) => {
    const last = slice.length - 1;
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(Math.min(active + 1, last)),
      ArrowUp: () => move(Math.max(active - 1, 0)),
      Home: () => move(0),
      End: () => move(last),
      PageDown: () => current < pages - 1 && move(0, current + 1),
      PageUp: () => current > 0 && move(0, current - 1),
    };
    const k = keys[e.key];
    if (!k) return;
    e.preventDefault();
    k();
  };
  const from = current * PAGE_SIZE;

  return (
    <section aria-label="Observaciones" className={styles.root}>
      <ObservationFilters placed={placed} filters={filters} onChange={setFilters} />
      <div className={styles.pager} role="group" aria-label="Páginas de observaciones">
        <Caption1 aria-live="polite">
          {shown.length === 0
            ? 'Ninguna observación con estos filtros.'
            : `${formatCount(from + 1)}–${formatCount(from + slice.length)} de ${formatCount(shown.length)} observaciones`}
        </Caption1>
        {pages > 1 && (
          <>
            <Button size="small" icon={<ChevronLeftRegular />} disabled={current === 0} onClick={() => setPage(current - 1)}>
              Anteriores
            </Button>
            <Button size="small" icon={<ChevronRightRegular />} iconPosition="after" disabled={current >= pages - 1} onClick={() => setPage(current + 1)}>
              Siguientes
            </Button>
          </>
        )}
      </div>
      <div ref={list} onKeyDown={onKeyDown}>
        {SEVERITY_ORDER.map((s) => {
          const items = slice.map((p, i) => ({ p, i })).filter(({ p }) => p.observation.severity === s);
          if (items.length === 0) return null;
          const Icon = SEVERITY_ICONS[s];
          return (
            <div key={s} data-severity={s}>
              <h3 className={styles.heading}>
                {SEVERITY_TEXT[s].group} ({formatCount(bySeverity.get(s) ?? 0)})
              </h3>
              <ul className={styles.list}>
                {items.map(({ p, i }) => {
                  const o = p.observation;
                  return (
                    <li key={p.index}>
                      <Button
                        appearance="subtle"
                        className={styles.item}
                        icon={<Icon style={{ color: SEVERITY_COLOR[s] }} aria-hidden />}
                        tabIndex={i === active ? 0 : -1}
                        onFocus={() => setActive(i)}
                        onClick={() => onSelect(o)}
                        aria-label={spokenObservation(o)}
                        title={`Ir a la celda ${o.cell} · Regla: ${ruleName(o.rule)}`}
                        data-observation={o.cell}
                        data-rule={o.rule}
                      >
                        <span className={styles.text}>
                          <span>
                            <span className={styles.cell}>{o.cell}</span>
                            {o.message}
                          </span>
                          <Caption1 className={styles.rule}>
                            {SEVERITY_TEXT[s].one} · {ruleName(o.rule)}
                            {p.aei ? ` · ${p.aei}` : ''}
                          </Caption1>
                        </span>
                      </Button>
                    </li>
                  );
                })}
              </ul>
            </div>
          );
        })}
      </div>
    </section>
  );
}
