import { useState } from 'react';
import { Button, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowDownloadRegular } from '@fluentui/react-icons';
import { ErrorBar } from '../../ui/components/ErrorBar';
import { type ShownError, toShownError } from '../../ui/use-analysis';
import type { WebPoiService } from '../web-service';
import { useWebState } from '../use-web-state';
import { saveFile } from '../save-file';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, alignItems: 'flex-start' },
});

/**
 * «Descargar»: saves the open workbook with what the last write put into it. It sits inside
 * the message that reports the write (nothing is saved until it is pressed), and shows
 * nothing while there is nothing new to save.
 */
export function DownloadButton({ service, save = saveFile }: {
  readonly service: WebPoiService;
  readonly save?: (fileName: string, bytes: Uint8Array) => void;
}) {
  const styles = useStyles();
  const state = useWebState(service);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<ShownError | null>(null);
  if (!state.file || !state.modified) return null;

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
      <Caption1>Los cambios están en una copia en esta página: descárguela para guardarlos. El archivo original no cambia.</Caption1>
      <Button appearance="primary" icon={<ArrowDownloadRegular />} disabled={saving} onClick={() => void onClick()}>
        Descargar
      </Button>
      {error && <ErrorBar error={error} title="No se pudo descargar" />}
    </div>
  );
}
