/**
 * Ctrl+C (SIGINT), `kill` (SIGTERM) or a closed terminal (SIGHUP) while a copy is being written
 * must not leave a hidden `.tmp` behind. The work is synchronous, so Node runs a JS signal
 * handler only when the event loop gets control: the handlers are installed just before a
 * temporary file is created and stay until `settleSignals()` has let a pending signal through.
 * The rest of the time the default applies: the process ends at once, and there is nothing to
 * clean (every copy already written is complete, it was renamed into place whole).
 */
import { unlinkSync } from 'node:fs';

const EXIT_CODES: Partial<Record<NodeJS.Signals, number>> = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };
const SIGNALS = Object.keys(EXIT_CODES) as NodeJS.Signals[];

const temps = new Set<string>();
let installed = false;

function onSignal(signal: NodeJS.Signals): void {
  let removed = 0;
  for (const tmp of temps) {
    try {
      unlinkSync(tmp);
      removed++;
    } catch {
      // Already renamed into place or never created: nothing to clean.
    }
  }
  temps.clear();
  const cleaned = removed > 0 ? 'se borró la copia a medio escribir; ' : '';
  process.stderr.write(`poi-check: interrumpido (${signal}): ${cleaned}las copias ya escritas están completas.\n`);
  process.exit(EXIT_CODES[signal] ?? 2);
}

/** Called before creating a temporary file: a signal from now on removes it. */
export function holdTemp(path: string): void {
  temps.add(path);
  if (installed) return;
  for (const s of SIGNALS) process.on(s, onSignal);
  installed = true;
}

/** The temporary file is gone (renamed or removed). */
export function releaseTemp(path: string): void {
  temps.delete(path);
}

/** Lets a signal that arrived during synchronous work run its handler, then restores the default. */
export async function settleSignals(): Promise<void> {
  if (!installed) return;
  // A timer then an immediate: at least one poll phase, where libuv hands the signal to JS.
  await new Promise<void>((resolve) => setTimeout(() => setImmediate(resolve), 0));
  if (temps.size > 0) return;
  for (const s of SIGNALS) process.off(s, onSignal);
  installed = false;
}
