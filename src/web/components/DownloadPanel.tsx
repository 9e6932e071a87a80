import { useState } from 'react';
import { Button, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowDownloadRegular } from '@fluentui/react-icons';
import { ErrorBar } from '../../ui/components/ErrorBar';
import { type ShownError, toShownError } from '../../ui/use-analysis';
import type { WebPoiService } from '../web-service';
import { useWebState } from '../use-web-state';
import { saveFile } from '../save-file';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
});

/** Saves the open workbook with what Recalcular / Generar resumen wrote into it. */
export function DownloadPanel({ service, save = saveFile }: {
  readonly service: WebPoiService;
  readonly save?: (fileName: string, bytes: Uint8Array) => void;
}) {
  const styles = useStyles();
  const state = useWebState(service);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<ShownError | null>(null);
  if (!state.file) return null;

  const onClick = async () => {
    setSaving(true);
    setError(null);
    try {
      const { fileName, bytes } = await service.download();
      save(fileName, bytes);
    } catch (e) {
      setError(toShownError(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <div className={styles.root}>
      <Button icon={<ArrowDownloadRegular />} disabled={!state.modified || saving} onClick={() => void onClick()}>
        Descargar
      </Button>
      <Caption1>
        {state.modified
          ? 'Descarga una copia con las celdas calculadas y las hojas Observaciones y Resumen; el archivo original no cambia.'
          : 'Pulse «Recalcular» para preparar la copia recalculada.'}
      </Caption1>
      {error && <ErrorBar error={error} title="No se pudo descargar" />}
    </div>
  );
}
