import { UserFacingError } from '../../../src/app/contract';
import { isPayloadLimitError, spanishMessageFor, toUserFacingError } from '../../../src/hosts/office/errors';
import { FakeOfficeError } from './fake-excel';

describe('Office error codes → Spanish', () => {
  it('says what to do when Excel is editing a cell, and keeps the raw message out of the sentence', () => {
    const log = jest.fn();
    const e = toUserFacingError(new FakeOfficeError('InvalidOperationInCellEditMode', 'Excel is in cell-editing mode.'), log);
    expect(e).toBeInstanceOf(UserFacingError);
    expect(e.message).toBe('Excel está editando una celda. Pulse Intro o Esc y vuelva a intentarlo.');
    expect(e.message).not.toMatch(/cell-editing/);
    expect(e.detail).toContain('InvalidOperationInCellEditMode');
    expect(log).toHaveBeenCalledTimes(1);
  });

  it.each([
    ['ItemNotFound', /No se encontró/],
    ['RequestPayloadSizeLimitExceeded', /demasiado grande/],
    ['ResponsePayloadSizeLimitExceeded', /demasiado grande/],
    ['AccessDenied', /protegido/],
    ['GeneralException', /vuelva a abrirlo/],
    ['SomethingNew', /error inesperado/],
  ])('%s', (code, sentence) => {
    expect(spanishMessageFor(code)).toMatch(sentence);
    expect(toUserFacingError(new FakeOfficeError(code, 'raw'), () => undefined).message).toMatch(sentence);
  });

  it('passes a UserFacingError through and maps plain errors to the generic sentence', () => {
    const mine = new UserFacingError('Ya dicho.');
    expect(toUserFacingError(mine, () => undefined)).toBe(mine);
    expect(toUserFacingError(new TypeError('x is undefined'), () => undefined).message).toMatch(/error inesperado/);
  });

  it('recognises the payload-limit codes', () => {
    expect(isPayloadLimitError(new FakeOfficeError('RequestPayloadSizeLimitExceeded', ''))).toBe(true);
    expect(isPayloadLimitError(new FakeOfficeError('ItemNotFound', ''))).toBe(false);
    expect(isPayloadLimitError('nope')).toBe(false);
  });
});
