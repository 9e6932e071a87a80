import { Field, Input } from '@fluentui/react-components';
import { isIsoDate } from '../../engine/compute/deadlines';

export interface FechaCorteInputProps {
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly disabled?: boolean;
}

/** The report date: it decides which blank EJECUTADO months count as S.I. */
export function FechaCorteInput({ value, onChange, disabled }: FechaCorteInputProps) {
  const valid = isIsoDate(value);
  return (
    <Field
      label="Fecha de corte"
      hint={valid ? 'Un mes sin ejecución cuenta como S.I. cuando su plazo (fin del mes siguiente) ya pasó en esta fecha.' : undefined}
      validationState={valid ? 'none' : 'error'}
      validationMessage={valid ? undefined : 'Escriba una fecha válida (AAAA-MM-DD).'}
    >
      <Input
        type="date"
        value={value}
        onChange={(_, d) => onChange(d.value)}
        disabled={disabled}
        required
      />
    </Field>
  );
}
