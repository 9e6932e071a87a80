import type { ReactNode } from 'react';
import { MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import type { ShownError } from '../use-analysis';

const useStyles = makeStyles({
  detail: {
    display: 'block',
    marginTop: tokens.spacingVerticalXS,
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    overflowWrap: 'anywhere',
  },
  action: { marginTop: tokens.spacingVerticalS, display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
});

/** A failure, in a sentence that says what to do; the technical detail below when there is one. */
export function ErrorBar({ error, title = 'No se pudo completar' }: { readonly error: ShownError; readonly title?: string }) {
  const styles = useStyles();
  return (
    <MessageBar intent="error" layout="multiline" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        {error.message}
        {error.detail && <span className={styles.detail}>Detalle: {error.detail}</span>}
      </MessageBarBody>
    </MessageBar>
  );
}

/** A one-line outcome (success, or a warning such as an unrecognised sheet). */
export function NoticeBar({ intent, title, children, action }: {
  readonly intent: 'success' | 'warning' | 'info';
  readonly title?: string;
  readonly children: ReactNode;
  /** What to do next, inside the message (a button), so it is where the message asks for it. */
  readonly action?: ReactNode;
}) {
  const styles = useStyles();
  return (
    <MessageBar intent={intent} layout="multiline">
      <MessageBarBody>
        {title && <MessageBarTitle>{title}</MessageBarTitle>}
        {children}
        {action && <div className={styles.action}>{action}</div>}
      </MessageBarBody>
    </MessageBar>
  );
}
