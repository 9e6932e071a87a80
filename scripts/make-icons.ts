/**
 * Writes the add-in's icons (assets/icon-16/32/64/80.png): a traffic light — a dark
 * rounded housing with red, yellow and green lamps — drawn per pixel with 4× supersampling
 * and encoded as RGBA PNG with node's zlib. No image library needed.
 *
 *   npx tsx scripts/make-icons.ts
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';

type RGBA = [number, number, number, number];

const HOUSING: RGBA = [38, 50, 56, 255];
const LAMPS: RGBA[] = [
  [229, 57, 53, 255],
  [253, 216, 53, 255],
  [67, 160, 71, 255],
];

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** A PNG (8-bit RGBA, no interlace) from a pixel function. */
export function png(size: number, pixel: (x: number, y: number) => RGBA): Buffer {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = pixel(x, y);
      const o = y * (size * 4 + 1) + 1 + x * 4;
      raw[o] = r;
      raw[o + 1] = g;
      raw[o + 2] = b;
      raw[o + 3] = a;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** The traffic light in unit coordinates (0–1): which colour covers point (u, v), if any. */
function shape(u: number, v: number): RGBA | null {
  const cx = 0.5;
  const r = 0.115;
  const centres = [0.2, 0.5, 0.8];
  for (let i = 0; i < 3; i++) if ((u - cx) ** 2 + (v - centres[i]) ** 2 <= r * r) return LAMPS[i];
  // Housing: rounded rectangle 0.28–0.72 × 0.04–0.96, corner radius 0.14.
  const [x0, x1, y0, y1, rr] = [0.28, 0.72, 0.04, 0.96, 0.14];
  if (u < x0 || u > x1 || v < y0 || v > y1) return null;
  const dx = Math.max(x0 + rr - u, 0, u - (x1 - rr));
  const dy = Math.max(y0 + rr - v, 0, v - (y1 - rr));
  return dx * dx + dy * dy <= rr * rr ? HOUSING : null;
}

export function icon(size: number): Buffer {
  const S = 4;
  return png(size, (x, y) => {
    let r = 0;
    let g = 0;
    let b = 0;
    let a = 0;
    for (let i = 0; i < S; i++) {
      for (let j = 0; j < S; j++) {
        const c = shape((x + (i + 0.5) / S) / size, (y + (j + 0.5) / S) / size);
        if (!c) continue;
        r += c[0];
        g += c[1];
        b += c[2];
        a += 255;
      }
    }
    const n = a / 255;
    return n === 0 ? [0, 0, 0, 0] : [Math.round(r / n), Math.round(g / n), Math.round(b / n), Math.round(a / (S * S))];
  });
}

export const ICON_SIZES = [16, 32, 64, 80] as const;

if (require.main === module) {
  const dir = join(__dirname, '..', 'assets');
  mkdirSync(dir, { recursive: true });
  for (const size of ICON_SIZES) {
    const file = join(dir, `icon-${size}.png`);
    writeFileSync(file, icon(size));
    console.log(`${file} (${size}×${size})`);
  }
}
