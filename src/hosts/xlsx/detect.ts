/**
 * Recognises what a file is before treating it as a ZIP, so the user hears "this is an
 * .xls" or "this is password protected" instead of "damaged file".
 */
import { XlsxError, messages } from './errors';
import { isZipSignature, inflateEntry, type ZipArchive } from './zip';

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ODS_MIMETYPE = 'application/vnd.oasis.opendocument.spreadsheet';

/** Throws the right XlsxError unless the bytes start like a ZIP archive. */
export function assertZipLike(b: Uint8Array): void {
  if (b.length === 0) throw new XlsxError('empty', messages.empty());
  if (startsWith(b, OLE_MAGIC)) throw oleError(b);
  if (isZipSignature(b)) return;
  if (startsWith(b, [0x25, 0x50, 0x44, 0x46])) throw new XlsxError('not-zip', messages.pdf(), '%PDF');
  if (looksLikeText(b)) throw new XlsxError('not-zip', messages.text(), 'text');
  throw new XlsxError('not-zip', messages.notZip(), 'unknown magic');
}

/**
 * An OLE compound file is either a password-protected .xlsx (Excel wraps the encrypted
 * package in one, with a stream named "EncryptedPackage") or a legacy .xls.
 */
function oleError(b: Uint8Array): XlsxError {
  const name = 'EncryptedPackage';
  const utf16 = new Uint8Array(name.length * 2);
  for (let i = 0; i < name.length; i++) utf16[2 * i] = name.charCodeAt(i);
  const ascii = new TextEncoder().encode(name);
  if (indexOfBytes(b, utf16) >= 0 || indexOfBytes(b, ascii) >= 0) {
    return new XlsxError('encrypted', messages.encrypted(), 'OLE with EncryptedPackage');
  }
  return new XlsxError('legacy-xls', messages.legacyXls(), 'OLE compound file');
}

/** An OpenDocument file is a ZIP whose first entry `mimetype` names its kind. */
export function assertNotOds(zip: ZipArchive): void {
  const entry = zip.find('mimetype');
  if (!entry || entry.size > 200) return;
  const type = new TextDecoder().decode(inflateEntry(zip, entry)).trim();
  if (type.startsWith(ODS_MIMETYPE)) throw new XlsxError('ods', messages.ods(), type);
}

function startsWith(b: Uint8Array, magic: readonly number[]): boolean {
  if (b.length < magic.length) return false;
  for (let i = 0; i < magic.length; i++) if (b[i] !== magic[i]) return false;
  return true;
}

/** Mostly printable bytes at the start: CSV, TSV, HTML or XML saved with an .xlsx name. */
function looksLikeText(b: Uint8Array): boolean {
  const n = Math.min(b.length, 1024);
  let printable = 0;
  for (let i = 0; i < n; i++) {
    const c = b[i];
    if (c === 9 || c === 10 || c === 13 || c >= 32) printable++;
    if (c === 0) return false;
  }
  return printable / n > 0.95;
}

export function indexOfBytes(hay: Uint8Array, needle: Uint8Array): number {
  const first = needle[0];
  const last = hay.length - needle.length;
  for (let i = hay.indexOf(first); i >= 0 && i <= last; i = hay.indexOf(first, i + 1)) {
    let j = 1;
    while (j < needle.length && hay[i + j] === needle[j]) j++;
    if (j === needle.length) return i;
  }
  return -1;
}
