import { Button, Field, Select, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowClockwiseRegular } from '@fluentui/react-icons';
import type { SheetChoice } from '../../app/contract';

const useStyles = makeStyles({
  row: { display: 'flex', alignItems: 'flex-end', gap: tokens.spacingHorizontalS },
  grow: { flexGrow: 1, minWidth: 0 },
});

export interface SheetPickerProps {
  /** Null while the sheets are being listed. */
  readonly sheets: readonly SheetChoice[] | null;
  readonly value: string;
  readonly onChange: (sheet: string) => void;
  readonly onRefresh?: () => void;
  readonly disabled?: boolean;
}

/** The sheets to offer: those with the POI layout, or every sheet when none has it. */
export function candidateSheets(all: readonly SheetChoice[]): readonly SheetChoice[] {
  // The tool's Observaciones and Resumen are shown as tabs, never offered as the report.
  const sheets = all.filter((s) => s.toolRole !== 'observaciones' && s.toolRole !== 'resumen');
  const recognised = sheets.filter((s) => s.recognised);
  return recognised.length > 0 ? recognised : sheets;
}

/**
 * Which sheet holds the report. A picker only when there is a real choice; one
 * recognised sheet is simply named.
 */
export function SheetPicker({ sheets, value, onChange, onRefresh, disabled }: SheetPickerProps) {
  const styles = useStyles();
  if (sheets === null) return <Spinner size="tiny" label="Buscando la hoja del reporte…" />;

  const refresh = onRefresh && (
    <Button
      appearance="subtle"
      icon={<ArrowClockwiseRegular />}
      aria-label="Volver a buscar las hojas"
      title="Volver a buscar las hojas"
      onClick={onRefresh}
      disabled={disabled}
    />
  );

  if (sheets.length === 0) {
    return (
      <div className={styles.row}>
        <Text className={styles.grow}>El libro no tiene hojas.</Text>
        {refresh}
      </div>
    );
  }

  const candidates = candidateSheets(sheets);
  const noneRecognised = !sheets.some((s) => s.recognised);

  if (candidates.length === 1 && !noneRecognised) {
    return (
      <div className={styles.row}>
        <Text className={styles.grow}>
          Hoja del reporte: <strong>{candidates[0].name}</strong>
        </Text>
        {refresh}
      </div>
    );
  }

  return (
    <div className={styles.row}>
      <Field
        className={styles.grow}
        label="Hoja del reporte"
        validationState={noneRecognised ? 'warning' : 'none'}
        validationMessage={
          noneRecognised
            ? 'Ninguna hoja tiene los encabezados del reporte de seguimiento del POI. Elija la hoja del reporte o revise sus encabezados.'
            : undefined
        }
      >
        <Select value={value} onChange={(_, d) => onChange(d.value)} disabled={disabled}>
          {candidates.map((s) => (
            <option key={s.name} value={s.name}>
              {s.name}
            </option>
          ))}
        </Select>
      </Field>
      {refresh}
    </div>
  );
}
