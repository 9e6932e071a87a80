/**
 * The style hints of a tool sheet's cells (fill, alignment, wrap, thin borders, font size,
 * with bold and number formats): written as real styles, in a new workbook and appended to
 * a received one without changing any existing index, and reused on a second run.
 */
import { strFromU8 } from 'fflate';
import { buildWorkbook, openXlsx, writePlannedCopy } from '../../../src/hosts/xlsx';
import type { TableCell } from '../../../src/engine/report/tables';
import { REPORT, STYLES, richPackage } from '../../fixtures/xlsx/rich-package';
import { unzipParts } from '../../fixtures/xlsx/zip-parts';

const STYLED = { value: 'Título', bold: true, fill: 'd9e1f2', align: 'center', verticalAlign: 'center', wrap: true, border: true, fontSize: 14 } as TableCell;
const PLAIN_BORDER = { value: 1, border: true, format: '#,##0.00' } as TableCell;

interface Styles {
  xfs: string[];
  fonts: string[];
  fills: string[];
  borders: string[];
}

function stylesOf(bytes: Uint8Array): Styles {
  const xml = strFromU8(unzipParts(bytes)['xl/styles.xml']);
  const list = (parent: string, child: string): string[] => {
    const body = new RegExp(`<${parent}[^>]*>([\\s\\S]*?)</${parent}>`).exec(xml)?.[1] ?? '';
    return body.match(new RegExp(`<${child}\\b(?:[^>]*/>|[\\s\\S]*?</${child}>)`, 'g')) ?? [];
  };
  return { xfs: list('cellXfs', 'xf'), fonts: list('fonts', 'font'), fills: list('fills', 'fill'), borders: list('borders', 'border') };
}

/** The `s` of a cell in a sheet part. */
function styleIndex(bytes: Uint8Array, part: string, ref: string): number {
  const xml = strFromU8(unzipParts(bytes)[part]);
  return Number(new RegExp(`<c r="${ref}" s="(\\d+)"`).exec(xml)?.[1]);
}

const id = (xf: string, attr: string): number => Number(new RegExp(`${attr}="(\\d+)"`).exec(xf)?.[1]);

function expectStyled(styles: Styles, xf: string): void {
  expect(xf).toMatch(/<alignment horizontal="center" vertical="center" wrapText="1"\/><\/xf>$/);
  expect(xf).toMatch(/applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"/);
  expect(styles.fills[id(xf, 'fillId')]).toBe('<fill><patternFill patternType="solid"><fgColor rgb="FFD9E1F2"/><bgColor indexed="64"/></patternFill></fill>');
  expect(styles.borders[id(xf, 'borderId')]).toMatch(/^<border><left style="thin">.*<bottom style="thin">.*<\/border>$/);
  const font = styles.fonts[id(xf, 'fontId')];
  expect(font).toMatch(/<b\/>/);
  expect(font).toMatch(/<sz val="14"\/>/);
}

describe('style hints', () => {
  it('in a new workbook', () => {
    const bytes = buildWorkbook([{ name: 'Hoja', table: [[STYLED, PLAIN_BORDER]] }]);
    const styles = stylesOf(bytes);
    expectStyled(styles, styles.xfs[styleIndex(bytes, 'xl/worksheets/sheet1.xml', 'A1')]);
    const plain = styles.xfs[styleIndex(bytes, 'xl/worksheets/sheet1.xml', 'B1')];
    expect(plain).toBe('<xf numFmtId="4" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1"/>');
    expect(openXlsx(bytes).readSheet('Hoja').rows).toEqual([['Título', 1]]);
  });

  describe('appended to a received workbook', () => {
    const sheet = { role: 'resumen' as const, name: 'Resumen', table: [[STYLED, PLAIN_BORDER]] };
    const first = writePlannedCopy(richPackage(), REPORT, [], [sheet]);
    const before = stylesOf(richPackage());
    const after = stylesOf(first.bytes);

    it('keeps every existing entry at its index and appends only what is new', () => {
      for (const k of ['xfs', 'fonts', 'fills', 'borders'] as const) expect(after[k].slice(0, before[k].length)).toEqual(before[k]);
      expect(after.fills).toHaveLength(before.fills.length + 1);
      // The workbook's own thin border is reused.
      expect(after.borders).toEqual(before.borders);
      expect(STYLES).toContain('count="3"><fill>');
      expect(strFromU8(unzipParts(first.bytes)['xl/styles.xml'])).toMatch(/<fills count="4">/);
    });

    it('gives the cells those styles', () => {
      expectStyled(after, after.xfs[styleIndex(first.bytes, 'xl/worksheets/sheet3.xml', 'A1')]);
      const plain = after.xfs[styleIndex(first.bytes, 'xl/worksheets/sheet3.xml', 'B1')];
      expect(id(plain, 'borderId')).toBe(1);
      expect(id(plain, 'numFmtId')).toBe(4);
    });

    it('a second run adds nothing to styles.xml', () => {
      const second = writePlannedCopy(first.bytes, REPORT, [], [sheet]);
      expect(strFromU8(unzipParts(second.bytes)['xl/styles.xml'])).toBe(strFromU8(unzipParts(first.bytes)['xl/styles.xml']));
    });
  });

  it('a fill that is not a colour is a misuse, refused before writing', () => {
    const bad = { value: 1, fill: 'red' } as TableCell;
    expect(() => writePlannedCopy(richPackage(), REPORT, [], [{ role: 'resumen', name: 'R', table: [[bad]] }])).toThrow(RangeError);
    expect(() => buildWorkbook([{ name: 'H', table: [[bad]] }])).toThrow(RangeError);
  });
});
