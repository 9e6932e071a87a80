import type { Activity, StrategicAction, TrafficColor } from './model';

/** S.P. = sin programación; S.I. = seguimiento incompleto. */
export type Mark = 'S.P.' | 'S.I.';
export type ActivityStatus = 'ok' | Mark;

export interface ActivityFigures {
  readonly activity: Activity;
  /** AVANCE ACUMULADO físico: a number, `-` (No Acumulado), or `S.P.` (shown on PROGRAMADO). */
  readonly physicalProgrammed: number | '-' | 'S.P.';
  readonly physicalExecuted: number | '-';
  /** AVANCE %: capped at 100 and rounded to 2 decimals, or a mark. */
  readonly percent: number | Mark;
  readonly status: ActivityStatus;
  readonly financialProgrammed: number;
  readonly financialExecuted: number;
  /** Months (1–12) whose EJECUTADO is blank with their deadline passed. */
  readonly missingMonths: readonly number[];
  readonly color: TrafficColor | null;
}

export interface StrategicActionFigures {
  readonly strategicAction: StrategicAction;
  readonly physical: number | Mark;
  readonly financial: number;
  readonly color: TrafficColor | null;
}

export interface Totals {
  /** PROMEDIO DE EJECUCIÓN FÍSICA (%): mean of the AO percentages, 1 decimal. */
  readonly physicalAverage: number | null;
  readonly physicalMedian: number | null;
  /** Ejecución física total (promedio de AEI), footnote (vii). */
  readonly aeiAverage: number | null;
  readonly financialProgrammed: number;
  readonly financialExecuted: number;
  readonly completeActivities: number;
  readonly incompleteActivities: number;
}

export type TrafficCounts = Readonly<Record<TrafficColor, number>>;

export interface TrafficLightCounts {
  readonly aei: TrafficCounts;
  readonly ao: TrafficCounts;
}

/** Everything computed from the model, once; rules, patch, CLI and UI read it. */
export interface Figures {
  /** Same order as `model.activities`. */
  readonly activities: readonly ActivityFigures[];
  /** Same order as `model.strategicActions`. */
  readonly strategicActions: readonly StrategicActionFigures[];
  readonly totals: Totals;
  readonly trafficLight: TrafficLightCounts;
}
