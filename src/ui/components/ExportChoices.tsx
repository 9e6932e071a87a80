import { Field, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { AnalysisSummary, AnalyzeChoices, ProgrammedPhase } from '../../app/contract';
import { PERIOD_OPTIONS, PHASE_OPTIONS, periodLine, phaseLine } from '../export-choices';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM },
  field: { flexGrow: 1, minWidth: '12rem' },
});

export interface ExportChoicesProps {
  /** The summary of the export (layout `exportacion`). */
  readonly summary: AnalysisSummary;
  readonly value: AnalyzeChoices;
  readonly onChange: (choices: AnalyzeChoices) => void;
  readonly disabled?: boolean;
}

/**
 * Shown for the Aplicativo's flat export only: the months that count and the phase read as
 * programmed. A printed report has its own months in its header, so it never shows these.
 */
export function ExportChoices({ summary, value, onChange, disabled }: ExportChoicesProps) {
  const styles = useStyles();
  const period = periodLine(summary);
  const phases = phaseLine(summary);
  return (
    <section className={styles.box} aria-label="Exportación del Aplicativo" data-testid="export-choices">
      <Text size={200}>
        La hoja es la exportación del Aplicativo CEPLAN. «Generar reporte» escribe a partir de ella la hoja Reporte de
        seguimiento del periodo elegido; la exportación no se cambia.
      </Text>
      <div className={styles.row}>
        <Field className={styles.field} label="Periodo" hint={period ?? undefined}>
          <Select value={value.period ?? ''} disabled={disabled} onChange={(_, d) => onChange({ ...value, period: d.value || undefined })}>
            {PERIOD_OPTIONS.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </Select>
        </Field>
        <Field className={styles.field} label="Programación" hint={phases ?? undefined}>
          <Select
            value={value.programmedPhase ?? ''}
            disabled={disabled}
            onChange={(_, d) => onChange({ ...value, programmedPhase: (d.value || undefined) as ProgrammedPhase | undefined })}
          >
            {PHASE_OPTIONS.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </Select>
        </Field>
      </div>
    </section>
  );
}
