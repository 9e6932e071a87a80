import type { CellValue } from '../grid/cell';

export const OBSERVATIONS_SHEET = 'Observaciones';
export const SUMMARY_SHEET = 'Resumen';

/**
 * A cell of a sheet the tool adds (Observaciones, Resumen, the generated Reporte de
 * seguimiento). Hosts write `value` as a literal: a string is always text, never a formula,
 * whatever it starts with. The style fields are hints a host renders when it can.
 */
export interface TableCell {
  readonly value: CellValue;
  /** Internal hyperlink to a cell of the report sheet. */
  readonly link?: { readonly sheet: string; readonly cell: string };
  readonly bold?: boolean;
  /** Excel number format code. */
  readonly format?: string;
  /** Background fill as hex RGB without '#': `D9E1F2`. */
  readonly fill?: string;
  readonly align?: 'left' | 'center' | 'right';
  readonly verticalAlign?: 'top' | 'center';
  /** Wrap long text inside the cell. */
  readonly wrap?: boolean;
  /** A thin border on the four sides (the printed report's grid). */
  readonly border?: boolean;
  /** Font size in points (the workbook's default font otherwise). */
  readonly fontSize?: number;
}

export type Table = ReadonlyArray<ReadonlyArray<TableCell>>;
