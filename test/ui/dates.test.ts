import { defaultFechaCorte, formatDmy, parseDmy } from '../../src/ui/dates';
import { deadlinePassed } from '../../src/engine/compute/deadlines';

describe('fecha de corte in dd/mm/aaaa', () => {
  it.each([
    ['01082023', '2023-08-01'],
    ['01/08/2023', '2023-08-01'],
    ['1/8/2023', '2023-08-01'],
    ['01-08-2023', '2023-08-01'],
    ['01.08.23', '2023-08-01'],
    ['2023-08-01', '2023-08-01'],
    ['31/12/2023', '2023-12-31'],
  ])('%s is %s (day first, never the US order)', (text, iso) => {
    expect(parseDmy(text)).toBe(iso);
  });

  it.each(['31/02/2023', '13/13/2023', '0108202', 'agosto', ''])('rejects %p', (text) => {
    expect(parseDmy(text)).toBeNull();
  });

  it('prints ISO as dd/mm/aaaa', () => {
    expect(formatDmy('2023-08-01')).toBe('01/08/2023');
  });

  it('defaults to the day after the last registration deadline that has passed', () => {
    // 15 Aug 2023: June's deadline (31 Jul) has passed, July's (31 Aug) has not: the cut is 1 Aug, as the sample's.
    const d = defaultFechaCorte('2023-08-15');
    expect(d).toEqual({ fechaCorte: '2023-08-01', deadline: '2023-07-31', month: 6, year: 2023 });
    expect(deadlinePassed(2023, 6, d.fechaCorte)).toBe(true);
    expect(deadlinePassed(2023, 7, d.fechaCorte)).toBe(false);
    // Across a year: in February, December's deadline (31 Jan) has passed.
    expect(defaultFechaCorte('2024-02-10')).toEqual({ fechaCorte: '2024-02-01', deadline: '2024-01-31', month: 12, year: 2023 });
    expect(defaultFechaCorte('2024-01-05')).toMatchObject({ fechaCorte: '2024-01-01', deadline: '2023-12-31', month: 11, year: 2023 });
  });
});
