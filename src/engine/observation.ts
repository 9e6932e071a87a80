import type { CellValue } from './grid/cell';

export type Severity = 'error' | 'warning' | 'info';

/** A problem in the data, pointing at its cell. */
export interface Observation {
  readonly rule: string;
  /**
   * Which of the rule's messages this is (its key in the rule's `meta.messages`), so a front
   * end or a test can tell the cases apart without reading the Spanish text.
   */
  readonly messageId: string;
  readonly severity: Severity;
  readonly sheet: string;
  /** The file it is about, when several exports are analysed as one entity (analyzeExports). */
  readonly file?: string;
  /** A1 address of the cell it is about. */
  readonly cell: string;
  /** 1-based sheet row. */
  readonly row: number;
  readonly message: string;
  readonly expected?: CellValue;
  readonly found?: CellValue;
  /** Set when the observation reports a failure of the tool itself (a rule that threw). */
  readonly internal?: boolean;
  /**
   * Set on the one observation that stands for the rest of a rule's observations on the
   * sheet once it reached the cap (`messageId` is then `omitted`): how many were left out.
   */
  readonly omitted?: number;
}
