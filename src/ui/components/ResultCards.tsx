import { Caption1, Card, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { AnalysisSummary } from '../../app/contract';
import { formatCount, formatPercent, formatSoles } from '../format';
import { TrafficLightRow } from './TrafficLight';

const useStyles = makeStyles({
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(136px, 1fr))',
    gap: tokens.spacingHorizontalS,
  },
  wide: { gridColumn: '1 / -1' },
  card: { padding: tokens.spacingHorizontalM, gap: tokens.spacingVerticalXXS },
  value: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, lineHeight: tokens.lineHeightBase500 },
  money: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  rows: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

function Figure({ label, value, testId, money, wide }: {
  label: string; value: string; testId: string; money?: boolean; wide?: boolean;
}) {
  const styles = useStyles();
  return (
    <Card className={mergeClasses(styles.card, wide && styles.wide)} data-testid={testId} size="small">
      <Caption1>{label}</Caption1>
      <Text className={money ? styles.money : styles.value}>{value}</Text>
    </Card>
  );
}

/** The report's figures at a glance, formatted as the planner reads them. */
export function ResultCards({ summary }: { readonly summary: AnalysisSummary }) {
  const styles = useStyles();
  const t = summary.totals;
  const tl = summary.trafficLight;
  if (!t) return null;
  return (
    <section aria-label="Resultados" className={styles.grid}>
      <Figure testId="promedio" label="Promedio de ejecución física" value={formatPercent(t.physicalAverage)} />
      <Figure testId="mediana" label="Mediana del avance %" value={formatPercent(t.physicalMedian)} />
      <Figure testId="promedio-aei" label="Ejecución física total (promedio de AEI)" value={formatPercent(t.aeiAverage)} wide />
      <Figure testId="programado" label="Total programado" value={formatSoles(t.financialProgrammed)} money wide />
      <Figure testId="ejecutado" label="Total ejecutado" value={formatSoles(t.financialExecuted)} money wide />
      <Figure testId="ao-completas" label="AO con información completa" value={formatCount(t.completeActivities)} />
      <Figure testId="ao-incompletas" label="AO con información incompleta" value={formatCount(t.incompleteActivities)} />
      {tl && (
        <Card className={mergeClasses(styles.card, styles.wide)} size="small" data-testid="semaforo">
          <Caption1>Semáforo</Caption1>
          <div className={styles.rows}>
            <TrafficLightRow label="AEI" longLabel="Acciones estratégicas" counts={tl.aei} />
            <TrafficLightRow label="AO" longLabel="Actividades operativas" counts={tl.ao} />
          </div>
        </Card>
      )}
    </section>
  );
}
