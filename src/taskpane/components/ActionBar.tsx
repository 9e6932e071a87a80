import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { CheckmarkCircleRegular, CalculatorRegular, TableRegular } from '@fluentui/react-icons';
import type { ActionKind } from '../use-analysis';

export type ActionLabels = Readonly<Record<ActionKind, string>>;

export const DEFAULT_ACTION_LABELS: ActionLabels = {
  validate: 'Validar',
  recompute: 'Recalcular y escribir',
  summary: 'Generar resumen',
};

const useStyles = makeStyles({
  bar: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

export interface ActionBarProps {
  readonly onAction: (action: ActionKind) => void;
  readonly disabled: boolean;
  readonly labels?: Partial<ActionLabels>;
}

/** The three actions. Validar writes nothing; the other two change the workbook. */
export function ActionBar({ onAction, disabled, labels }: ActionBarProps) {
  const styles = useStyles();
  const l = { ...DEFAULT_ACTION_LABELS, ...labels };
  return (
    <div className={styles.bar} role="group" aria-label="Acciones">
      <Button
        appearance="primary"
        icon={<CheckmarkCircleRegular />}
        disabled={disabled}
        onClick={() => onAction('validate')}
        title="Revisa el reporte y lista las observaciones, sin cambiar el libro."
      >
        {l.validate}
      </Button>
      <Button
        icon={<CalculatorRegular />}
        disabled={disabled}
        onClick={() => onAction('recompute')}
        title="Escribe las celdas calculadas y la hoja Observaciones."
      >
        {l.recompute}
      </Button>
      <Button
        icon={<TableRegular />}
        disabled={disabled}
        onClick={() => onAction('summary')}
        title="Escribe la hoja Resumen con las cifras del reporte."
      >
        {l.summary}
      </Button>
    </div>
  );
}
