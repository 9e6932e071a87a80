import { useRef, useState } from 'react';
import { Field } from '@fluentui/react-components';
import { DatePicker, type CalendarStrings, type DatePickerProps } from '@fluentui/react-datepicker-compat';
import { localIsoDate } from '../../engine/compute/deadlines';
import { MONTH_NAMES, type DefaultFechaCorte, formatDmy, isoToDate, parseDmy } from '../dates';

/** DayOfWeek.Monday (the enum lives in react-calendar-compat, which we do not depend on directly). */
const MONDAY = 1 as NonNullable<DatePickerProps['firstDayOfWeek']>;

const DAYS = ['domingo', 'lunes', 'martes', 'miércoles', 'jueves', 'viernes', 'sábado'];

/** The calendar in Spanish, weeks from Monday as in Peru. */
export const CALENDAR_STRINGS: CalendarStrings = {
  months: MONTH_NAMES.map((m) => m[0].toUpperCase() + m.slice(1)),
  shortMonths: ['ene', 'feb', 'mar', 'abr', 'may', 'jun', 'jul', 'ago', 'set', 'oct', 'nov', 'dic'],
  days: DAYS,
  shortDays: ['D', 'L', 'M', 'M', 'J', 'V', 'S'],
  goToToday: 'Ir a hoy',
  prevMonthAriaLabel: 'Mes anterior',
  nextMonthAriaLabel: 'Mes siguiente',
  prevYearAriaLabel: 'Año anterior',
  nextYearAriaLabel: 'Año siguiente',
  closeButtonAriaLabel: 'Cerrar el calendario',
};

const RULE = 'Un mes sin ejecución cuenta como S.I. cuando su plazo de registro (fin del mes siguiente) ya pasó en esta fecha.';

export interface FechaCorteInputProps {
  /** ISO date, or '' while the field holds no valid date. */
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly disabled?: boolean;
  /** The default the App chose, to explain it in the hint. */
  readonly defaultInfo?: DefaultFechaCorte;
}

/**
 * The report date, typed or picked, always dd/mm/aaaa: 01082023 and 1/8/2023 are 1 August
 * (never the US order a native date field uses). It decides which blank EJECUTADO months count as S.I.
 */
export function FechaCorteInput({ value, onChange, disabled, defaultInfo }: FechaCorteInputProps) {
  const [invalid, setInvalid] = useState(false);
  const [open, setOpen] = useState(false);
  // Enter in the text commits the typed date; Fluent's picker would also open the calendar.
  const enterTyped = useRef(false);
  const isDefault = defaultInfo && value === defaultInfo.fechaCorte;
  const hint = isDefault
    ? `Por defecto, ${formatDmy(defaultInfo.fechaCorte)}: el día después del último plazo de registro vencido (${formatDmy(defaultInfo.deadline)}, el de ${MONTH_NAMES[defaultInfo.month - 1]}). ${RULE}`
    : RULE;
  return (
    <Field
      onKeyDownCapture={(e) => void (enterTyped.current = e.key === 'Enter' && !open)}
      label="Fecha de corte (dd/mm/aaaa)"
      hint={invalid ? undefined : hint}
      validationState={invalid ? 'error' : 'none'}
      validationMessage={invalid ? 'Escriba la fecha como dd/mm/aaaa, por ejemplo 01/08/2023 (o 01082023).' : undefined}
    >
      <DatePicker
        allowTextInput
        openOnClick={false}
        open={open}
        onOpenChange={(o) => {
          if (o && enterTyped.current) o = false;
          enterTyped.current = false;
          setOpen(o);
        }}
        value={isoToDate(value) ?? null}
        formatDate={(d) => (d ? formatDmy(localIsoDate(d)) : '')}
        parseDateFromString={(text) => {
          const iso = parseDmy(text);
          return iso ? (isoToDate(iso) ?? null) : null;
        }}
        onSelectDate={(d) => {
          setInvalid(!d);
          onChange(d ? localIsoDate(d) : '');
        }}
        onValidationResult={(r) => {
          if (r.error) {
            setInvalid(true);
            onChange('');
          }
        }}
        placeholder="dd/mm/aaaa"
        firstDayOfWeek={MONDAY}
        strings={CALENDAR_STRINGS}
        disabled={disabled}
        data-testid="fecha-corte"
      />
    </Field>
  );
}
