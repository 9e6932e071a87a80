import { useMemo } from 'react';
import { Checkbox, Field, Select, makeStyles, tokens } from '@fluentui/react-components';
import { ErrorCircleRegular, InfoRegular, WarningRegular } from '@fluentui/react-icons';
import type { Severity } from '../../engine/observation';
import { SEVERITY_COLOR, SEVERITY_ORDER, SEVERITY_TEXT } from '../colors';
import { formatCount } from '../format';
import { ruleName } from '../rule-names';
import { type ObservationFilters as Filters, type PlacedObservation, facetCounts } from '../observation-filter';

export const SEVERITY_ICONS = { error: ErrorCircleRegular, warning: WarningRegular, info: InfoRegular } as const;

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  severities: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, margin: 0, padding: 0, border: 'none' },
  legend: { padding: 0, fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase200 },
  label: { display: 'inline-flex', alignItems: 'center', gap: '4px' },
  selects: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(150px, 1fr))', gap: tokens.spacingHorizontalS },
  // A native select is as wide as its longest option (a cost centre's full name): keep it in its cell.
  field: { minWidth: 0 },
  select: { width: '100%', minWidth: 0 },
});

const ALL = '';
const COLLATOR = new Intl.Collator('es');

export interface ObservationFiltersProps {
  readonly placed: readonly PlacedObservation[];
  readonly filters: Filters;
  readonly onChange: (filters: Filters) => void;
}

/** Severity checkboxes and rule / AEI / centre choices, each with the count it would show. */
export function ObservationFilters({ placed, filters, onChange }: ObservationFiltersProps) {
  const styles = useStyles();
  // Counted once per change of filters (20,000 observations), not on every focus move in the list.
  const counts = useMemo(
    () => ({
      severity: facetCounts(placed, filters, 'severity'),
      rule: facetCounts(placed, filters, 'rule'),
      aei: facetCounts(placed, filters, 'aei'),
      centre: facetCounts(placed, filters, 'centre'),
    }),
    [placed, filters],
  );
  const severity = counts.severity;
  const select = (facet: 'rule' | 'aei' | 'centre', label: string, all: string, name: (k: string) => string) => {
    const facetCount = counts[facet];
    if (facetCount.size === 0 && filters[facet] === null) return null;
    const total = [...facetCount.values()].reduce((a, b) => a + b, 0);
    const keys = [...facetCount.keys()].sort((a, b) => COLLATOR.compare(name(a), name(b)));
    const current = filters[facet];
    if (current !== null && !facetCount.has(current)) keys.unshift(current);
    return (
      <Field label={label} size="small" className={styles.field}>
        <Select size="small" className={styles.select} select={{ style: { width: '100%', minWidth: 0, textOverflow: 'ellipsis' } }} value={current ?? ALL} onChange={(_, d) => onChange({ ...filters, [facet]: d.value === ALL ? null : d.value })}>
          <option value={ALL}>
            {all} ({formatCount(total)})
          </option>
          {keys.map((k) => (
            <option key={k} value={k}>
              {name(k)} ({formatCount(facetCount.get(k) ?? 0)})
            </option>
          ))}
        </Select>
      </Field>
    );
  };
  return (
    <div className={styles.root}>
      <fieldset className={styles.severities}>
        <legend className={styles.legend}>Mostrar</legend>
        {SEVERITY_ORDER.map((s: Severity) => {
          const Icon = SEVERITY_ICONS[s];
          return (
            <Checkbox
              key={s}
              checked={filters.severities[s]}
              onChange={(_, d) => onChange({ ...filters, severities: { ...filters.severities, [s]: d.checked === true } })}
              label={
                <span className={styles.label}>
                  <Icon style={{ color: SEVERITY_COLOR[s] }} aria-hidden />
                  {SEVERITY_TEXT[s].group} ({formatCount(severity.get(s) ?? 0)})
                </span>
              }
            />
          );
        })}
      </fieldset>
      <div className={styles.selects}>
        {select('rule', 'Regla', 'Todas las reglas', ruleName)}
        {select('aei', 'AEI', 'Todas las AEI', (k) => k)}
        {select('centre', 'Centro de costos', 'Todos los centros', (k) => k)}
      </div>
    </div>
  );
}
