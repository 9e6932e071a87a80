/**
 * A WorkbookPort over sheets in memory, for the app layer's tests: it records every read
 * (with its row limit) and every plan, and carries a plan out the way a host must (cells into
 * the analysed sheet, each tool sheet replaced or added by name).
 */
import { gridAfter } from '../../src/app/grid-after';
import type { RecomputePlan } from '../../src/app/plan';
import type { ApplyResult, SheetInfo, WorkbookPort } from '../../src/app/port';
import type { Grid } from '../../src/engine/grid/cell';
import type { Table } from '../../src/engine/report/tables';

export interface MemorySheet {
  readonly name: string;
  grid: Grid;
  readonly visible?: boolean;
  /** Set on the tool's own sheets once written. */
  table?: Table;
}

export class MemoryPort implements WorkbookPort {
  readonly reads: { sheet: string; limitRows?: number }[] = [];
  readonly plans: RecomputePlan[] = [];
  readonly selected: string[] = [];
  active: string | null = null;

  constructor(readonly book: MemorySheet[]) {}

  sheet(name: string): MemorySheet {
    const s = this.book.find((x) => x.name === name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  }

  async sheets(): Promise<readonly SheetInfo[]> {
    return this.book.map((s) => ({ name: s.name, visible: s.visible ?? true, ...(s.name === this.active ? { active: true } : {}) }));
  }

  async readGrid(sheet: string, options: { limitRows?: number } = {}): Promise<Grid> {
    this.reads.push({ sheet, limitRows: options.limitRows });
    const g = this.sheet(sheet).grid;
    return options.limitRows === undefined ? g : { rows: g.rows.slice(0, options.limitRows), merges: [] };
  }

  async apply(plan: RecomputePlan): Promise<ApplyResult> {
    this.plans.push(plan);
    if (plan.cells) {
      const s = this.sheet(plan.cells.sheet);
      s.grid = gridAfter(s.grid, plan.cells.cells);
    }
    for (const t of plan.sheets) {
      const existing = this.book.find((x) => x.name === t.name);
      if (existing) existing.table = t.table;
      else this.book.push({ name: t.name, grid: { rows: [], merges: [] }, table: t.table });
    }
    return { cellsWritten: plan.cells?.cells.length ?? 0, sheetsWritten: plan.sheets.map((s) => s.name), notices: [] };
  }

  async selectCell(sheet: string, a1: string): Promise<void> {
    this.selected.push(`${sheet}!${a1}`);
  }
}
