import { Caption1, makeStyles, tokens } from '@fluentui/react-components';
import type { AnalysisSummary } from '../../app/contract';
import type { TrafficCounts } from '../../engine/figures';
import { trafficColor } from '../../engine/compute/traffic-light';
import { TRAFFIC_COLORS, TRAFFIC_ORDER, TRAFFIC_TEXT } from '../colors';
import { formatCount, formatPercent } from '../format';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, margin: 0, minWidth: 0 },
  title: { fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  svg: { width: '100%', height: 'auto', display: 'block', fontFamily: tokens.fontFamilyBase },
});

const W = 640;
const LABEL = 120;
const BAR = 22;

/** One stacked bar: red, yellow and green AO (or AEI), each segment with its letter and count. */
function StackedBar({ y, label, counts }: { y: number; label: string; counts: TrafficCounts }) {
  const total = TRAFFIC_ORDER.reduce((s, c) => s + counts[c], 0);
  const scale = total > 0 ? (W - LABEL - 8) / total : 0;
  let x = LABEL;
  return (
    <g>
      <text x={0} y={y + BAR / 2} dominantBaseline="middle" fontSize={13} fontWeight={600}>
        {label}
      </text>
      {TRAFFIC_ORDER.map((c) => {
        const w = counts[c] * scale;
        const at = x;
        x += w;
        if (w <= 0) return null;
        const text = `${TRAFFIC_TEXT[c].letter} ${formatCount(counts[c])}`;
        return (
          <g key={c} data-color={c}>
            <rect x={at} y={y} width={w} height={BAR} fill={TRAFFIC_COLORS[c].bar} stroke="#fff" />
            {w > text.length * 7 && (
              <text x={at + w / 2} y={y + BAR / 2} dominantBaseline="middle" textAnchor="middle" fontSize={12} fontWeight={700} fill={c === 'yellow' ? '#3b2c00' : '#fff'}>
                {text}
              </text>
            )}
          </g>
        );
      })}
    </g>
  );
}

/**
 * The semáforo as a chart: AO and AEI per band, and each AEI's physical execution against the
 * 75 % and 95 % lines. Every bar carries its band's letter and its number, not colour only.
 */
export function SemaforoChart({ summary }: { readonly summary: AnalysisSummary }) {
  const styles = useStyles();
  const tl = summary.trafficLight;
  if (!tl) return null;
  const spoken = (label: string, c: TrafficCounts) => `${label}: ${TRAFFIC_ORDER.map((k) => `${TRAFFIC_TEXT[k].name} ${c[k]}`).join(', ')}`;
  const aeis = summary.strategicActions;
  const max = Math.max(100, ...aeis.map((a) => (typeof a.physical === 'number' ? a.physical : 0)));
  const scale = (W - LABEL - 70) / max;
  const lineX = (v: number) => LABEL + v * scale;
  const rowsH = aeis.length * (BAR + 6) + 24;
  return (
    <figure className={styles.root} aria-label="Gráfico del semáforo" data-testid="semaforo-chart">
      <figcaption className={styles.title}>Semáforo: AO y AEI por banda</figcaption>
      <svg className={styles.svg} viewBox={`0 0 ${W} ${2 * BAR + 12}`} role="img" aria-label={`${spoken('Actividades operativas', tl.ao)}. ${spoken('Acciones estratégicas', tl.aei)}.`}>
        <StackedBar y={0} label="AO" counts={tl.ao} />
        <StackedBar y={BAR + 10} label="AEI" counts={tl.aei} />
      </svg>
      <Caption1>
        {TRAFFIC_ORDER.map((c) => `${TRAFFIC_TEXT[c].letter} = ${TRAFFIC_TEXT[c].name} (${TRAFFIC_TEXT[c].band})`).join(' · ')}
      </Caption1>
      {aeis.length > 0 && (
        <>
          <h3 className={styles.title}>Ejecución física por AEI</h3>
          <svg className={styles.svg} viewBox={`0 0 ${W} ${rowsH}`} role="list" aria-label="Ejecución física por AEI">
            {[75, 95].map((v) => (
              <g key={v} aria-hidden>
                <line x1={lineX(v)} x2={lineX(v)} y1={0} y2={rowsH - 16} stroke="#605e5c" strokeDasharray="4 3" />
                <text x={lineX(v)} y={rowsH - 4} textAnchor="middle" fontSize={11} fill="#605e5c">
                  {v} %
                </text>
              </g>
            ))}
            {aeis.map((a, i) => {
              const y = i * (BAR + 6);
              const value = typeof a.physical === 'number' ? a.physical : null;
              const color = value === null ? null : trafficColor(value);
              const label = value === null ? a.physical : `${formatPercent(value)} ${TRAFFIC_TEXT[color!].letter}`;
              return (
                <g key={a.code} role="listitem" aria-label={`${a.code} ${a.name}: ${value === null ? a.physical : `${formatPercent(value)}, ${TRAFFIC_TEXT[color!].name}`}`} data-aei={a.code}>
                  <text x={0} y={y + BAR / 2} dominantBaseline="middle" fontSize={12}>
                    <title>{a.name}</title>
                    {a.code}
                  </text>
                  {value !== null && <rect x={LABEL} y={y} width={Math.max(1, value * scale)} height={BAR} fill={TRAFFIC_COLORS[color!].bar} />}
                  <text x={LABEL + (value ?? 0) * scale + 4} y={y + BAR / 2} dominantBaseline="middle" fontSize={12} fontWeight={600}>
                    {label}
                  </text>
                </g>
              );
            })}
          </svg>
        </>
      )}
    </figure>
  );
}
