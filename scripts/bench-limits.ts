/**
 * Peak memory of `poi-check --json` on the two inputs of issue 18 that used to exhaust the
 * machine (not a test: `npm run bench:limits`, after `npm run build:cli`):
 * - a POI report followed by 1,000,000 rows of noise (text where the months go);
 * - a 500 MB sheet (the same noise, wider), which the reader must refuse before inflating it.
 * Each runs in its own plain node process; prints wall time, exit code, stderr's first line,
 * the JSON size and the peak RSS.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, Zip, ZipDeflate } from 'fflate';
import { buildWorkbook } from '../src/hosts/xlsx';
import { poiSheet } from '../test/fixtures/poi-sheet';
import { sampleLikeSpec, REPORT } from '../test/hosts/office/poi-workbook';

const ROOT = join(__dirname, '..');
const BIN = join(ROOT, 'dist', 'node', 'cli', 'poi-check.js');
const LIMIT_MB = 1536;

/** A copy of a small real report whose sheet gets `rows` more rows of `cellsPerRow` text cells after its last row. */
function withNoise(rows: number, cellsPerRow: number, text: string): Uint8Array {
  const base = unzipSync(buildWorkbook([poiSheet(sampleLikeSpec()).sheetSpec(REPORT)]));
  const sheetName = Object.keys(base).find((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n));
  if (!sheetName) throw new Error('no sheet part');
  const xml = strFromU8(base[sheetName]);
  const end = xml.indexOf('</sheetData>');
  const lastRow = [...xml.slice(0, end).matchAll(/<row r="(\d+)"/g)].pop();
  const first = Number(lastRow?.[1] ?? 0) + 3;
  const chunks: Uint8Array[] = [];
  const zip = new Zip((err, data) => {
    if (err) throw err;
    chunks.push(data);
  });
  for (const [name, data] of Object.entries(base)) {
    const entry = new ZipDeflate(name, { level: 1 });
    zip.add(entry);
    if (name !== sheetName) {
      entry.push(data, true);
      continue;
    }
    entry.push(strToU8(xml.slice(0, end)));
    // Rows in batches, so the generator itself never holds the whole sheet as one string.
    const cols = Array.from({ length: cellsPerRow }, (_, c) => String.fromCharCode(71 + (c % 14)));
    for (let r0 = 0; r0 < rows; r0 += 10_000) {
      let part = '';
      for (let r = r0; r < Math.min(rows, r0 + 10_000); r++) {
        const n = first + r;
        part += `<row r="${n}">`;
        for (let c = 0; c < cellsPerRow; c++) part += `<c r="${c < 14 ? cols[c] : 'G'}${n}" t="inlineStr"><is><t>${text}</t></is></c>`;
        part += '</row>';
      }
      entry.push(strToU8(part));
    }
    entry.push(strToU8(xml.slice(end)), true);
  }
  zip.end();
  const size = chunks.reduce((s, c) => s + c.length, 0);
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

function measure(label: string, file: string): void {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['-r', join(__dirname, 'print-peak-memory.js'), BIN, '--json', '--fecha-corte', '2023-08-01', file], {
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  const wall = ((performance.now() - t0) / 1000).toFixed(1);
  const peak = Math.round(Number(/PEAK_RSS_KB (\d+)/.exec(r.stderr)?.[1] ?? 0) / 1024);
  const reason = r.stderr.split('\n').find((l) => l.trim() && !l.startsWith('PEAK_RSS_KB')) ?? '';
  const json = (r.stdout ?? '').length;
  let valid = true;
  try {
    JSON.parse(r.stdout);
  } catch {
    valid = false;
  }
  console.log(`${label}`);
  console.log(`  archivo ${(statSync(file).size / 1e6).toFixed(1)} MB · ${wall} s · código ${r.status} · JSON ${(json / 1e6).toFixed(1)} MB${valid ? ' (válido)' : ' (NO válido)'}`);
  console.log(`  memoria máxima ${peak} MB (límite ${LIMIT_MB} MB: ${peak < LIMIT_MB ? 'cumple' : 'NO cumple'})`);
  if (reason) console.log(`  stderr: ${reason.slice(0, 200)}`);
}

const dir = mkdtempSync(join(tmpdir(), 'bench-limits-'));
try {
  const noise = join(dir, 'ruido-1e6.xlsx');
  writeFileSync(noise, withNoise(1_000_000, 2, 'ruido'));
  measure('1,000,000 filas de ruido tras un reporte POI', noise);
  rmSync(noise);
  const big = join(dir, 'hoja-500mb.xlsx');
  // ~50 bytes per cell: 1,000,000 rows × 10 cells ≈ 500 MB of sheet XML.
  writeFileSync(big, withNoise(1_000_000, 10, 'x'));
  measure('una hoja de ~500 MB (sin comprimir)', big);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
