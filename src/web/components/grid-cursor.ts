/** Where a key takes the grid's cell cursor, as Excel moves it; pure, so tests need no DOM. */
import type { Address } from '../../engine/grid/cell';

export interface CursorBounds {
  readonly rows: number;
  readonly cols: number;
  /** Rows a Re Pág / Av Pág moves. */
  readonly page: number;
}

/** The new cursor, or null when the key does not move it. Ctrl+Inicio/Fin go to the sheet's corners. */
export function moveCursor(key: string, ctrl: boolean, c: Address, b: CursorBounds): Address | null {
  const moves: Record<string, () => Address> = {
    ArrowDown: () => ({ row: c.row + 1, col: c.col }),
    ArrowUp: () => ({ row: c.row - 1, col: c.col }),
    ArrowRight: () => ({ row: c.row, col: c.col + 1 }),
    ArrowLeft: () => ({ row: c.row, col: c.col - 1 }),
    PageDown: () => ({ row: c.row + b.page, col: c.col }),
    PageUp: () => ({ row: c.row - b.page, col: c.col }),
    Home: () => (ctrl ? { row: 0, col: 0 } : { row: c.row, col: 0 }),
    End: () => (ctrl ? { row: b.rows - 1, col: b.cols - 1 } : { row: c.row, col: b.cols - 1 }),
  };
  const move = moves[key];
  if (!move) return null;
  const to = move();
  return { row: Math.max(0, Math.min(b.rows - 1, to.row)), col: Math.max(0, Math.min(b.cols - 1, to.col)) };
}
