/**
 * The colours the pane and the page share, each with the words (and a glyph) that say the
 * same thing: colour is never the only signal (WCAG 1.4.1).
 */
import type { TrafficColor } from '../engine/model';
import type { Severity } from '../engine/observation';

/** The report's own bands (spec §2.12), as words. */
export const TRAFFIC_TEXT: Readonly<Record<TrafficColor, { name: string; band: string; letter: string }>> = {
  red: { name: 'Rojo', band: '< 75 %', letter: 'R' },
  yellow: { name: 'Amarillo', band: '75–95 %', letter: 'A' },
  green: { name: 'Verde', band: '> 95 %', letter: 'V' },
};

export const TRAFFIC_ORDER: readonly TrafficColor[] = ['red', 'yellow', 'green'];

/** Background/foreground pairs with enough contrast for text (WCAG AA); `bar` for charts. */
export const TRAFFIC_COLORS: Readonly<Record<TrafficColor, { bg: string; fg: string; bar: string }>> = {
  red: { bg: '#fde7e9', fg: '#a4262c', bar: '#d13438' },
  yellow: { bg: '#fff4ce', fg: '#7a5b00', bar: '#eaa300' },
  green: { bg: '#dff6dd', fg: '#0e700e', bar: '#13a10e' },
};

export const SEVERITY_ORDER: readonly Severity[] = ['error', 'warning', 'info'];

export const SEVERITY_TEXT: Readonly<Record<Severity, { group: string; one: string }>> = {
  error: { group: 'Errores', one: 'Error' },
  warning: { group: 'Advertencias', one: 'Advertencia' },
  info: { group: 'Información', one: 'Información' },
};

export const SEVERITY_COLOR: Readonly<Record<Severity, string>> = {
  error: '#c50f1f',
  warning: '#bc4b09',
  info: '#0f6cbd',
};

/** A glyph per severity, drawn in the grid's cell corner beside the coloured outline. */
export const SEVERITY_GLYPH: Readonly<Record<Severity, string>> = {
  error: '✖',
  warning: '▲',
  info: 'i',
};

/** Outline styles differ too: solid for errors, dashed for warnings, dotted for information. */
export const SEVERITY_OUTLINE: Readonly<Record<Severity, string>> = {
  error: 'solid',
  warning: 'dashed',
  info: 'dotted',
};
