import { Field, ProgressBar } from '@fluentui/react-components';
import type { Progress, Stage } from '../../app/contract';

export const STAGE_TEXT: Readonly<Record<Stage, string>> = {
  reading: 'Leyendo…',
  computing: 'Calculando…',
  writing: 'Escribiendo…',
};

/** Where a running action is: the stage in words, and a bar (indeterminate when the fraction is unknown). */
export function ProgressPanel({ progress }: { readonly progress: Progress }) {
  const text = progress.message ?? STAGE_TEXT[progress.stage];
  const pct = progress.fraction === undefined ? undefined : Math.round(progress.fraction * 100);
  return (
    <div role="status" aria-live="polite" data-stage={progress.stage}>
      <Field validationMessage={pct === undefined ? text : `${text} ${pct} %`} validationState="none">
        <ProgressBar
          value={progress.fraction}
          thickness="large"
          aria-label={text}
        />
      </Field>
    </div>
  );
}
