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
  /** Tooltips that replace the defaults (the flat export's «Generar reporte»). */
  readonly titles?: Partial<Record<ActionKind, string>>;
}

const ACTIONS: readonly { kind: ActionKind; icon: JSX.Element; title: string; primary?: boolean }[] = [
  { kind: 'validate', icon: <CheckmarkCircleRegular />, title: 'Revisa el reporte y lista las observaciones, sin cambiar el libro.', primary: true },
  { kind: 'recompute', icon: <CalculatorRegular />, title: 'Escribe las celdas calculadas y las hojas Observaciones y Resumen.' },
  { kind: 'summary', icon: <TableRegular />, title: 'Escribe la hoja Resumen con las cifras del reporte.' },
];

/** The three actions. Validar writes nothing; the other two change the workbook. */
export function ActionBar({ onAction, disabled, labels, titles }: ActionBarProps) {
  const styles = useStyles();
  const l = { ...DEFAULT_ACTION_LABELS, ...labels };
  return (
    <div className={styles.bar} role="group" aria-label="Acciones">
      {ACTIONS.map((a) => (
        <Button
          key={a.kind}
          appearance={a.primary ? 'primary' : undefined}
          icon={a.icon}
          disabled={disabled}
          onClick={() => onAction(a.kind)}
          title={titles?.[a.kind] ?? a.title}
        >
          {l[a.kind]}
        </Button>
      ))}
    </div>
  );
}
