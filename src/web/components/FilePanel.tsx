import { useRef, useState, type DragEvent } from 'react';
import { Button, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { DocumentTableRegular, FolderOpenRegular } from '@fluentui/react-icons';
import { ProgressPanel } from '../../ui/components/ProgressPanel';
import { ErrorBar } from '../../ui/components/ErrorBar';
import type { WebPoiService } from '../web-service';
import { useWebState } from '../use-web-state';
import { XLSX_MIME } from '../save-file';

const useStyles = makeStyles({
  zone: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    border: `2px dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusLarge,
    background: tokens.colorNeutralBackground2,
  },
  over: { border: `2px dashed ${tokens.colorBrandStroke1}`, background: tokens.colorBrandBackground2 },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  name: { overflowWrap: 'anywhere' },
});

export interface FilePanelProps {
  readonly service: WebPoiService;
  /** Where the bundled sample is, relative to the page. */
  readonly sampleUrl: string;
}

/** Open a workbook: file picker, drag and drop, or the bundled sample. */
export function FilePanel({ service, sampleUrl }: FilePanelProps) {
  const styles = useStyles();
  const state = useWebState(service);
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const opening = state.opening !== null;

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    const file = e.dataTransfer.files[0];
    if (file && !opening) void service.openFile(file);
  };

  return (
    <section
      aria-label="Archivo"
      className={mergeClasses(styles.zone, over && styles.over)}
      onDragOver={(e) => {
        e.preventDefault();
        e.dataTransfer.dropEffect = 'copy';
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
      data-testid="dropzone"
    >
      <div className={styles.buttons}>
        <Button appearance="primary" icon={<FolderOpenRegular />} disabled={opening} onClick={() => input.current?.click()}>
          Abrir archivo .xlsx…
        </Button>
        <Button icon={<DocumentTableRegular />} disabled={opening} onClick={() => void service.openSample(sampleUrl)}>
          Abrir ejemplo
        </Button>
        <input
          ref={input}
          type="file"
          accept={`.xlsx,${XLSX_MIME}`}
          hidden
          data-testid="file-input"
          aria-label="Archivo .xlsx del reporte"
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            e.currentTarget.value = ''; // choosing the same file again must open it again
            if (file) void service.openFile(file);
          }}
        />
      </div>
      <Text className={styles.name} aria-live="polite">
        {state.file ? (
          <>
            Libro abierto: <strong>{state.file.name}</strong>
          </>
        ) : (
          'Abra el .xlsx del reporte de seguimiento del POI, o arrástrelo aquí. El archivo no sale de su computadora.'
        )}
      </Text>
      {state.opening && <ProgressPanel progress={state.opening} />}
      {state.fileError && <ErrorBar error={state.fileError} title="No se pudo abrir el archivo" />}
    </section>
  );
}
