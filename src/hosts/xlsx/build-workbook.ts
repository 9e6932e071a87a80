/**
 * A new, minimal and valid .xlsx from tables: content types, relationships, workbook,
 * styles (bold and number formats), shared strings, and one worksheet per spec.
 */
import type { Table } from '../../engine/report/tables';
import { assertUniqueSheetNames, assertValidSheetName } from './sheet-name';
import { MAIN_NS, REL_NS, XML_DECLARATION, renderWorksheet } from './sheet-writer';
import { NewStyles } from './styles';
import { encodeXml, escapeXml } from './xml';
import { textElement } from './cell-xml';
import { writeZip, type ZipItem } from './zip';

export interface SheetSpec {
  readonly name: string;
  /** Rows of cells; a null/undefined entry or a null value is no cell. */
  readonly table: Table;
  /** Merged areas in A1 form ('A5:A6'). */
  readonly merges?: readonly string[];
  readonly columnWidths?: readonly number[];
  readonly freezeRows?: number;
  readonly state?: 'visible' | 'hidden';
}

const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const OFFICE_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const CT = 'application/vnd.openxmlformats-officedocument.spreadsheetml';

export function buildWorkbook(sheets: readonly SheetSpec[]): Uint8Array {
  if (sheets.length === 0) throw new RangeError('Un libro necesita al menos una hoja.');
  sheets.forEach((s) => assertValidSheetName(s.name));
  assertUniqueSheetNames(sheets.map((s) => s.name));
  const active = Math.max(0, sheets.findIndex((s) => s.state !== 'hidden'));
  if (sheets[active].state === 'hidden') throw new RangeError('Un libro necesita al menos una hoja visible.');

  const styles = new NewStyles();
  const strings = new SharedStrings();
  const sheetParts = sheets.map((s, i) =>
    renderWorksheet(s, { tabSelected: i === active, styleOf: styles.styleOf, sharedString: strings.indexOf }),
  );
  const n = sheets.length;
  const files: [string, string | Uint8Array][] = [
    ['[Content_Types].xml', contentTypes(n)],
    ['_rels/.rels', rootRels()],
    ['xl/workbook.xml', workbookXml(sheets, active)],
    ['xl/_rels/workbook.xml.rels', workbookRels(n)],
    ...sheetParts.map((xml, i): [string, Uint8Array] => [`xl/worksheets/sheet${i + 1}.xml`, xml]),
    ['xl/styles.xml', styles.xml()],
    ['xl/sharedStrings.xml', strings.xml()],
  ];
  const items: ZipItem[] = files.map(([name, xml]) => ({ kind: 'new', name, content: typeof xml === 'string' ? encodeXml(xml) : xml }));
  return writeZip(items);
}

class SharedStrings {
  private readonly list: string[] = [];
  private readonly index = new Map<string, number>();
  private uses = 0;

  readonly indexOf = (text: string): number => {
    this.uses++;
    let i = this.index.get(text);
    if (i === undefined) {
      i = this.list.push(text) - 1;
      this.index.set(text, i);
    }
    return i;
  };

  xml(): string {
    const items = this.list.map((s) => `<si>${textElement(s)}</si>`).join('');
    return `${XML_DECLARATION}<sst xmlns="${MAIN_NS}" count="${this.uses}" uniqueCount="${this.list.length}">${items}</sst>`;
  }
}

function contentTypes(sheetCount: number): string {
  const sheets = Array.from(
    { length: sheetCount },
    (_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="${CT}.worksheet+xml"/>`,
  ).join('');
  return (
    `${XML_DECLARATION}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    `<Override PartName="/xl/workbook.xml" ContentType="${CT}.sheet.main+xml"/>` +
    sheets +
    `<Override PartName="/xl/styles.xml" ContentType="${CT}.styles+xml"/>` +
    `<Override PartName="/xl/sharedStrings.xml" ContentType="${CT}.sharedStrings+xml"/>` +
    '</Types>'
  );
}

function rootRels(): string {
  return (
    `${XML_DECLARATION}<Relationships xmlns="${PKG_REL_NS}">` +
    `<Relationship Id="rId1" Type="${OFFICE_REL}/officeDocument" Target="xl/workbook.xml"/>` +
    '</Relationships>'
  );
}

function workbookXml(sheets: readonly SheetSpec[], active: number): string {
  const entries = sheets
    .map((s, i) => {
      const state = s.state === 'hidden' ? ' state="hidden"' : '';
      return `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}"${state} r:id="rId${i + 1}"/>`;
    })
    .join('');
  return (
    `${XML_DECLARATION}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
    `<bookViews><workbookView activeTab="${active}"${active ? ` firstSheet="${active}"` : ''}/></bookViews>` +
    `<sheets>${entries}</sheets>` +
    '<calcPr calcId="191029"/>' +
    '</workbook>'
  );
}

function workbookRels(sheetCount: number): string {
  const sheets = Array.from(
    { length: sheetCount },
    (_, i) => `<Relationship Id="rId${i + 1}" Type="${OFFICE_REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
  ).join('');
  return (
    `${XML_DECLARATION}<Relationships xmlns="${PKG_REL_NS}">` +
    sheets +
    `<Relationship Id="rId${sheetCount + 1}" Type="${OFFICE_REL}/styles" Target="styles.xml"/>` +
    `<Relationship Id="rId${sheetCount + 2}" Type="${OFFICE_REL}/sharedStrings" Target="sharedStrings.xml"/>` +
    '</Relationships>'
  );
}
