import type { CellValue } from '../grid/cell';

export const OBSERVATIONS_SHEET = 'Observaciones';
export const SUMMARY_SHEET = 'Resumen';

/**
 * A cell of a sheet the tool adds (Observaciones, Resumen). Hosts write `value` as a
 * literal: a string is always text, never a formula, whatever it starts with.
 */
export interface TableCell {
  readonly value: CellValue;
  /** Internal hyperlink to a cell of the report sheet. */
  readonly link?: { readonly sheet: string; readonly cell: string };
  readonly bold?: boolean;
  /** Excel number format code. */
  readonly format?: string;
}

export type Table = ReadonlyArray<ReadonlyArray<TableCell>>;
