import { moveCursor } from '../../src/web/components/grid-cursor';

const b = { rows: 100, cols: 20, page: 10 };

describe('moveCursor', () => {
  it.each([
    ['ArrowDown', false, { row: 6, col: 3 }],
    ['ArrowUp', false, { row: 4, col: 3 }],
    ['ArrowRight', false, { row: 5, col: 4 }],
    ['ArrowLeft', false, { row: 5, col: 2 }],
    ['PageDown', false, { row: 15, col: 3 }],
    ['PageUp', false, { row: 0, col: 3 }],
    ['Home', false, { row: 5, col: 0 }],
    ['End', false, { row: 5, col: 19 }],
    ['Home', true, { row: 0, col: 0 }],
    ['End', true, { row: 99, col: 19 }],
  ])('%s (Ctrl %p) from E6 goes to %p, never off the sheet', (key, ctrl, to) => {
    expect(moveCursor(key, ctrl, { row: 5, col: 3 }, b)).toEqual(to);
  });

  it('stays at the edges and ignores other keys', () => {
    expect(moveCursor('ArrowUp', false, { row: 0, col: 0 }, b)).toEqual({ row: 0, col: 0 });
    expect(moveCursor('ArrowRight', false, { row: 99, col: 19 }, b)).toEqual({ row: 99, col: 19 });
    expect(moveCursor('Tab', false, { row: 5, col: 3 }, b)).toBeNull();
  });
});
