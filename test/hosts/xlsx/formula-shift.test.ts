import { shiftFormula, shiftFormulaSafe } from '../../../src/hosts/xlsx/formula-shift';

describe('shiftFormula', () => {
  it.each([
    ['A1+B2', 1, 0, 'A2+B3'],
    ['A1+B2', 0, 2, 'C1+D2'],
    ['$A$1+$A1+A$1', 3, 3, '$A$1+$A4+D$1'],
    ['SUM(A1:B3)', 1, 1, 'SUM(B2:C4)'],
    ['SUM(A:A)+SUM(1:2)', 1, 1, 'SUM(B:B)+SUM(2:3)'],
    ['Hoja1!A1+\'Reporte POI\'!B2', 1, 0, 'Hoja1!A2+\'Reporte POI\'!B3'],
    ['"A1"&A1', 1, 0, '"A1"&A2'],
    ['LOG10(A1)+ATAN2(A1,B1)', 1, 0, 'LOG10(A2)+ATAN2(A2,B2)'],
    ['Tabla1[[#This Row],[A1]]*A1', 1, 0, 'Tabla1[[#This Row],[A1]]*A2'],
    ['IF(A1>0,TRUE,FALSE)', 1, 0, 'IF(A2>0,TRUE,FALSE)'],
    ['1.5E+3*A1', 1, 0, '1.5E+3*A2'],
  ])('%s moved by (%i, %i) → %s', (f, dr, dc, expected) => {
    expect(shiftFormula(f, dr, dc)).toBe(expected);
  });

  it('turns a formula pushed off the sheet into #REF!', () => {
    expect(shiftFormulaSafe('A1', -1, 0)).toBe('#REF!');
    expect(shiftFormulaSafe('XFD1', 0, 1)).toBe('#REF!');
  });
});
