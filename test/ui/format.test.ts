import { formatCellValue, formatCount, formatPercent, formatSoles } from '../../src/ui/format';

const NBSP = '\u00a0';

describe('es-PE formatting', () => {
  it('formats soles as the report prints them', () => {
    expect(formatSoles(56721964)).toBe(`S/${NBSP}56,721,964.00`);
    expect(formatSoles(56120891.58)).toBe(`S/${NBSP}56,120,891.58`);
    expect(formatSoles(0.5)).toBe(`S/${NBSP}0.50`);
    expect(formatSoles(null)).toBe('—');
  });
  it('formats percentages with up to 2 decimals and passes marks through', () => {
    expect(formatPercent(83.7)).toBe(`83.7${NBSP}%`);
    expect(formatPercent(100)).toBe(`100${NBSP}%`);
    expect(formatPercent(66.666)).toBe(`66.67${NBSP}%`);
    expect(formatPercent('S.I.')).toBe('S.I.');
    expect(formatPercent(null)).toBe('—');
  });
  it('formats counts and cell values', () => {
    expect(formatCount(10000)).toBe('10,000');
    expect(formatCellValue(1900)).toBe('1,900');
    expect(formatCellValue('1,900.00')).toBe('1,900.00');
    expect(formatCellValue(null)).toBe('');
  });
});
