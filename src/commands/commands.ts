/**
 * The ribbon's function file. Office.onReady is called here once: this is an entry file.
 *
 * Excel has no notification API for add-in commands (Outlook's notificationMessages has no
 * Excel counterpart in any ExcelApi set), so the planner is told how it went in a small
 * dialog (this same page with `?mensaje=`), on success (what was written, where the detail
 * is, how to go back) and on failure (the Spanish sentence; on failure nothing was written,
 * or the sentence says exactly what was). The status line that heads the Observaciones
 * sheet stays as the lasting record.
 *
 * Excel ends a function command after 5 minutes: `recalcular` answers within its time
 * budget, and `event.completed()` is called as soon as the dialog is open, never after the
 * planner closes it (the dialog's own close button still works without this page).
 */
import { createOfficeService } from '../hosts/office/service';
import { recalcular } from './recalcular';

/** Opens the message dialog, then calls `done` at once (the command does not wait for the planner). */
function showMessage(message: string, done: () => void): void {
  const url = `${window.location.origin}${window.location.pathname}?mensaje=${encodeURIComponent(message)}`;
  Office.context.ui.displayDialogAsync(url, { height: 25, width: 35, displayInIframe: true }, (result) => {
    if (result.status !== Office.AsyncResultStatus.Succeeded) {
      console.error('[Semáforo POI] No se pudo abrir el diálogo', result.error, message);
      done();
      return;
    }
    const dialog = result.value;
    // «Cerrar» works while this page lives; the dialog's own X always does.
    dialog.addEventHandler(Office.EventType.DialogMessageReceived, () => dialog.close());
    done();
  });
}

async function onRecalcular(event: Office.AddinCommands.Event): Promise<void> {
  let completed = false;
  const done = (): void => {
    if (!completed) event.completed();
    completed = true;
  };
  const outcome = await recalcular(createOfficeService());
  if (outcome.ok) console.log(`[Semáforo POI] ${outcome.status}`);
  showMessage(outcome.message, done);
}

/** Dialog mode: show the message passed in the URL and a button that closes it. */
function renderMessage(message: string): void {
  const text = document.getElementById('mensaje');
  const button = document.getElementById('cerrar');
  if (text) text.textContent = message;
  document.body.classList.add('dialogo');
  button?.addEventListener('click', () => Office.context.ui.messageParent('cerrar'));
}

// Associated at load, as Microsoft's template does, so the click that loaded this page finds it.
Office.actions.associate('recalcular', (event: Office.AddinCommands.Event) => {
  onRecalcular(event).catch((e: unknown) => {
    console.error('[Semáforo POI] Recalcular falló', e);
    event.completed();
  });
});

void Office.onReady(() => {
  const message = new URLSearchParams(window.location.search).get('mensaje');
  if (message !== null) renderMessage(message);
});
