/**
 * writePlannedCopy (issue 16, item 1, for the .xlsx copy): the tool replaces only sheets it
 * made, known by its mark (a hidden sheet-scoped defined name), never by name; a planner's
 * sheet with the wanted name survives and the tool's sheet goes under another name.
 */
import * as XLSX from '@e965/xlsx';
import { zipSync } from 'fflate';
import { buildWorkbook, openXlsx, writePlannedCopy, type PlannedSheet } from '../../../src/hosts/xlsx';
import { readZip } from '../../../src/hosts/xlsx/zip';
import { REPORT, SHEET_PART, richPackage } from '../../fixtures/xlsx/rich-package';
import { partText, unzipParts } from '../../fixtures/xlsx/zip-parts';
import { normalizeRows } from './helpers';

const observations = (text: string): PlannedSheet => ({
  role: 'observaciones',
  name: 'Observaciones',
  table: [[{ value: 'Celda', bold: true }, { value: 'Observación', bold: true }], [{ value: 'D3' }, { value: text }]],
  columnWidths: [10, 60],
  freezeRows: 1,
});
const summary: PlannedSheet = {
  role: 'resumen',
  name: 'Resumen',
  table: [[{ value: 'Resumen del reporte', bold: true }], [{ value: 'AO' }, { value: 3 }]],
  merges: [{ top: 0, left: 0, bottom: 0, right: 3 }],
};

/** A workbook where the planner already has sheets named Observaciones and «Observaciones (2)». */
function plannerWorkbook(): Uint8Array {
  return buildWorkbook([
    { name: 'Reporte POI', table: [[{ value: 'AO' }, { value: 1 }]] },
    { name: 'observaciones', table: [[{ value: 'mis notas' }]] },
    { name: 'Observaciones (2)', table: [[{ value: 'más notas' }]] },
  ]);
}

const rowsOf = (bytes: Uint8Array, sheet: string): unknown => normalizeRows(openXlsx(bytes).readSheet(sheet).rows);

describe('writePlannedCopy on a workbook whose planner has an «Observaciones» sheet', () => {
  const original = plannerWorkbook();
  const first = writePlannedCopy(original, 'Reporte POI', [{ row: 0, col: 1, value: 2 }], [observations('primera'), summary]);

  it("leaves the planner's sheets as they were and writes under the next free name, saying so", () => {
    expect(first.sheetNames).toEqual(['Observaciones (3)', 'Resumen']);
    expect(first.notices).toEqual([
      'El libro ya tenía una hoja «Observaciones» que no creó el Semáforo POI; se dejó intacta y las observaciones se escribieron en la hoja «Observaciones (3)».',
    ]);
    expect(rowsOf(first.bytes, 'observaciones')).toEqual([['mis notas']]);
    expect(rowsOf(first.bytes, 'Observaciones (2)')).toEqual([['más notas']]);
    expect(rowsOf(first.bytes, 'Observaciones (3)')).toEqual([['Celda', 'Observación'], ['D3', 'primera']]);
    expect(rowsOf(first.bytes, 'Reporte POI')).toEqual([['AO', 2]]);
  });

  it('marks its own sheets, and the reader reports the mark as the sheet role', () => {
    expect(openXlsx(first.bytes).sheets).toEqual([
      { name: 'Reporte POI', state: 'visible' },
      { name: 'observaciones', state: 'visible' },
      { name: 'Observaciones (2)', state: 'visible' },
      { name: 'Observaciones (3)', state: 'visible', toolRole: 'observaciones' },
      { name: 'Resumen', state: 'visible', toolRole: 'resumen' },
    ]);
    const workbook = partText(first.bytes, 'xl/workbook.xml');
    expect(workbook).toContain('<definedNames><definedName name="SemaforoPOI.hoja" localSheetId="3" hidden="1">&quot;observaciones&quot;</definedName>');
    expect(workbook).toContain('<definedName name="SemaforoPOI.hoja" localSheetId="4" hidden="1">&quot;resumen&quot;</definedName></definedNames><calcPr');
  });

  it('another reader sees the marks as hidden, sheet-scoped names', () => {
    const wb = XLSX.read(first.bytes, { type: 'array', bookFiles: false });
    const names = (wb.Workbook?.Names ?? []).filter((n) => n.Name === 'SemaforoPOI.hoja');
    expect(names.map((n) => [n.Sheet, n.Ref, (n as { Hidden?: boolean }).Hidden])).toEqual([
      [3, '"observaciones"', true],
      [4, '"resumen"', true],
    ]);
  });

  it('writes merged areas of a tool sheet', () => {
    expect(openXlsx(first.bytes).readSheet('Resumen').merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 3 }]);
  });

  describe('a second run on the copy', () => {
    const second = writePlannedCopy(first.bytes, 'Reporte POI', [], [observations('segunda'), summary]);

    it('rewrites its own sheets in place, whatever they are called, and adds nothing', () => {
      expect(second.sheetNames).toEqual(['Observaciones (3)', 'Resumen']);
      expect(second.notices).toEqual([]);
      expect(openXlsx(second.bytes).sheets.map((s) => s.name)).toEqual(openXlsx(first.bytes).sheets.map((s) => s.name));
      expect(rowsOf(second.bytes, 'Observaciones (3)')).toEqual([['Celda', 'Observación'], ['D3', 'segunda']]);
      expect(rowsOf(second.bytes, 'observaciones')).toEqual([['mis notas']]);
      expect(partText(second.bytes, 'xl/workbook.xml').match(/SemaforoPOI\.hoja/g)).toHaveLength(2);
    });

    it("copies the planner's sheets byte for byte", () => {
      const a = readZip(first.bytes);
      const b = readZip(second.bytes);
      for (const part of ['xl/worksheets/sheet2.xml', 'xl/worksheets/sheet3.xml']) {
        const x = a.find(part)!;
        const y = b.find(part)!;
        expect(Buffer.from(second.bytes.subarray(y.localOffset, y.recordEnd)).equals(first.bytes.subarray(x.localOffset, x.recordEnd))).toBe(true);
      }
    });
  });

  it('a sheet renamed by the planner keeps its mark and is the one rewritten', () => {
    const parts = unzipParts(first.bytes);
    const wb = new TextDecoder().decode(parts['xl/workbook.xml']).replace('name="Resumen"', 'name="Resumen 2023"');
    const rebuilt = writePlannedCopy(zipLike(parts, { 'xl/workbook.xml': wb }), 'Reporte POI', [], [summary]);
    expect(rebuilt.sheetNames).toEqual(['Resumen 2023']);
    expect(openXlsx(rebuilt.bytes).sheets.filter((s) => s.toolRole).map((s) => s.name)).toEqual(['Observaciones (3)', 'Resumen 2023']);
  });
});

describe('writePlannedCopy on the rich workbook', () => {
  it('changes only the parts it must, and adds its mark to the existing defined names', () => {
    const original = richPackage();
    const copy = writePlannedCopy(original, REPORT, [{ row: 2, col: 3, value: 0.9 }], [observations('x')]);
    const changed = new Set([SHEET_PART, 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', '[Content_Types].xml', 'xl/calcChain.xml', 'xl/styles.xml']);
    const a = readZip(original);
    const b = readZip(copy.bytes);
    for (const e of a.entries) {
      if (changed.has(e.name)) continue;
      const y = b.find(e.name)!;
      expect(Buffer.from(copy.bytes.subarray(y.localOffset, y.recordEnd)).equals(original.subarray(e.localOffset, e.recordEnd))).toBe(true);
    }
    // The rich workbook already has definedNames: the marks join them.
    expect(partText(copy.bytes, 'xl/workbook.xml')).toMatch(
      /<definedName name="_xlnm.Print_Titles" localSheetId="0">[^<]*<\/definedName><definedName name="SemaforoPOI.hoja" localSheetId="2" hidden="1">&quot;observaciones&quot;<\/definedName><\/definedNames>/,
    );
    expect(copy.sheetNames).toEqual(['Observaciones']);
  });
});

/** The parts zipped again with some replaced (fflate, independent of our writer). */
function zipLike(parts: Record<string, Uint8Array>, replace: Record<string, string>): Uint8Array {
  const out: Record<string, Uint8Array> = {};
  for (const [k, v] of Object.entries(parts)) out[k] = replace[k] !== undefined ? new TextEncoder().encode(replace[k]) : v;
  return zipSync(out);
}

describe('a stale mark on the position a new sheet takes', () => {
  it('is dropped, so the new sheet has one mark', () => {
    const parts = unzipParts(buildWorkbook([{ name: 'Reporte POI', table: [[{ value: 1 }]] }]));
    const wb = new TextDecoder()
      .decode(parts['xl/workbook.xml'])
      .replace('</sheets>', '</sheets><definedNames><definedName name="SemaforoPOI.hoja" localSheetId="1" hidden="1">"resumen"</definedName></definedNames>');
    const copy = writePlannedCopy(zipLike(parts, { 'xl/workbook.xml': wb }), 'Reporte POI', [], [observations('x')]);
    const text = partText(copy.bytes, 'xl/workbook.xml');
    expect(text.match(/SemaforoPOI\.hoja/g)).toHaveLength(1);
    expect(openXlsx(copy.bytes).sheets[1]).toEqual({ name: 'Observaciones', state: 'visible', toolRole: 'observaciones' });
  });
});
