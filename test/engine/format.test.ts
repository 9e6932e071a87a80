import { formatNumber, showAmount, showMoney, showValue } from '../../src/engine/rules/format';

describe('numbers in messages', () => {
  it.each([
    [59035.15, '59,035.15'],
    [4000, '4,000'],
    [83.7, '83.7'],
    [22.2222, '22.22'],
    [1.005, '1.01'],
    [-1234.5, '-1,234.5'],
    [123456789.125, '123,456,789.13'],
    [-0.001, '0'],
  ])('%p → %p', (value, text) => {
    expect(formatNumber(value)).toBe(text);
  });
  it('writes what Intl writes for en-US with two decimals at most (but never "-0")', () => {
    const intl = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
    for (let i = 0; i < 5000; i++) {
      const v = Math.round((Math.sin(i) * 10 ** (i % 9)) * 1000) / 1000;
      const expected = intl.format(v) === '-0' ? '0' : intl.format(v);
      expect([v, formatNumber(v)]).toEqual([v, expected]);
    }
  });
  it('shows money with two decimals, as the report prints it', () => {
    expect([showMoney(30000), showMoney(76505.7), showMoney(59035.15), showMoney(0), showMoney(-12.3)]).toEqual(['30,000.00', '76,505.70', '59,035.15', '0.00', '-12.30']);
    expect([showAmount(260000), showAmount('S.P.'), showAmount(null)]).toEqual(['260,000.00', 'S.P.', '(vacía)']);
  });
  it('shows blanks and booleans in Spanish', () => {
    expect([showValue(null), showValue('  '), showValue(true), showValue('S.P.')]).toEqual(['(vacía)', '(vacía)', 'VERDADERO', 'S.P.']);
  });
});
