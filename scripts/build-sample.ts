/**
 * npm run sample: builds samples/la-victoria-2023-s1.xlsx from the report's data with the
 * project's own .xlsx layer. The computed cells hold what the report prints.
 */
import { writeFileSync } from 'node:fs';
import { buildWorkbook } from '../src/hosts/xlsx';
import { loadSample, sampleSheet, SAMPLE_SHEET, SAMPLE_XLSX } from './sample-data';

export function buildSampleWorkbook(): Uint8Array {
  const sheet = sampleSheet(loadSample());
  const widths = [70, 34, 12, 18, 18, 13, ...new Array(8).fill(10), ...new Array(7).fill(14)];
  return buildWorkbook([{ ...sheet.sheetSpec(SAMPLE_SHEET), columnWidths: widths, freezeRows: 5 }]);
}

if (require.main === module) {
  const bytes = buildSampleWorkbook();
  writeFileSync(SAMPLE_XLSX, bytes);
  console.log(`Escrito ${SAMPLE_XLSX} (${bytes.length.toLocaleString('es-PE')} bytes)`);
}
