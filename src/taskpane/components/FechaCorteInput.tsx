import { Field, Input } from '@fluentui/react-components';

/** Today as `YYYY-MM-DD`, in the user's local time zone (not UTC: 23:00 in Lima is still today). */
export function todayIso(now: Date = new Date()): string {
  const y = String(now.getFullYear()).padStart(4, '0');
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

/** True for a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

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
