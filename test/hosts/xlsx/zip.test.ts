import { strFromU8, strToU8, unzipSync } from 'fflate';
import { openXlsx, writePatchedCopy } from '../../../src/hosts/xlsx';
import { crc32, inflateEntry, readZip, writeZip } from '../../../src/hosts/xlsx/zip';
import { REPORT, REPORT_ROWS, richPackageParts } from '../../fixtures/xlsx/rich-package';
import { zip64Parts } from '../../fixtures/xlsx/zip64';
import { normalizeRows, readWithSheetJS, sameBytes } from './helpers';

describe('zip', () => {
  it('computes the standard CRC-32', () => {
    expect(crc32(strToU8('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
  });

  it('writes archives that fflate reads, and reads them back', () => {
    const big = strToU8('x'.repeat(2_000_000));
    const bytes = writeZip([
      { kind: 'new', name: 'a.txt', content: strToU8('hola') },
      { kind: 'new', name: 'carpeta/ñ.xml', content: strToU8('<a/>') },
      { kind: 'new', name: 'big.txt', content: big },
    ]);
    const files = unzipSync(bytes);
    expect(Object.keys(files)).toEqual(['a.txt', 'carpeta/ñ.xml', 'big.txt']);
    expect(strFromU8(files['a.txt'])).toBe('hola');
    expect(sameBytes(files['big.txt'], big)).toBe(true);
    const zip = readZip(bytes);
    expect(strFromU8(inflateEntry(zip, zip.find('CARPETA/Ñ.XML'.toLowerCase())!))).toBe('<a/>');
  });

  it('reads ZIP64 packages with stored entries, and copies them into plain entries', () => {
    const bytes = zip64Parts(richPackageParts(), ['xl/media/image1.png', 'xl/worksheets/sheet2.xml']);
    expect(readZip(bytes).entries.every((e) => e.zip64)).toBe(true);
    expect(normalizeRows(openXlsx(bytes).readSheet(REPORT).rows)).toEqual(normalizeRows(REPORT_ROWS));
    const copy = writePatchedCopy(bytes, REPORT, [{ row: 0, col: 0, value: 'Cod.' }]);
    expect(readZip(copy).entries.some((e) => e.zip64)).toBe(false);
    const before = unzipSync(bytes);
    const after = unzipSync(copy);
    expect(after['xl/media/image1.png']).toEqual(before['xl/media/image1.png']);
    expect(after['xl/charts/chart1.xml']).toEqual(before['xl/charts/chart1.xml']);
    expect(readWithSheetJS(copy, REPORT).rows[0][0]).toBe('Cod.');
  });
});
