import { formatWithCode } from '../../src/web/components/cell-format';

describe('formatWithCode', () => {
  it.each([
    [240423.5, '#,##0.00', '240,423.50'],
    [1166370.86, '#,##0.00', '1,166,370.86'],
    [100, '#,##0.##', '100'],
    [12.5, '#,##0.##', '12.5'],
    [95.456, '0.##', '95.46'],
    [78.7, '0.0', '78.7'],
    [3, '0', '3'],
    [0.837, '0.0%', '83.7%'],
    [1234.5, 'General', '1234.5'],
    [-5, '#,##0.00;[Red]-#,##0.00', '-5.00'],
  ])('%p with %s is %s', (value, code, text) => {
    expect(formatWithCode(value, code)).toBe(text);
  });
});
