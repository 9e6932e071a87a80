/** Numbers as a Peruvian planner reads them: the engine's one formatter (src/engine/format/number.ts). */
export { NO_VALUE, formatCellValue, formatCount, formatPercent, formatSoles } from '../engine/format/number';
