/**
 * The two Teams app icons, drawn in code so they need no image tools: a white signpost
 * ("wegwijzer") on the accent colour (color.png, 192×192), and the same signpost in white on
 * transparent (outline.png, 32×32), as Teams requires. Valid PNGs built with node:zlib.
 */
import { deflateSync } from 'node:zlib';

export const ACCENT = '#1B6E6B';
const ACCENT_RGB: [number, number, number] = [0x1b, 0x6e, 0x6b];

type Pixel = [number, number, number, number];

/** Whether a point (in a 0..1 square) is part of the signpost: a pole and two arrow signs. */
function signpost(x: number, y: number): boolean {
  const pole = x >= 0.46 && x <= 0.54 && y >= 0.18 && y <= 0.86;
  const base = y >= 0.82 && y <= 0.86 && x >= 0.34 && x <= 0.66;
  // Upper sign pointing right, lower sign pointing left; each a bar with a triangular tip.
  const right = y >= 0.24 && y <= 0.4 && x >= 0.3 && x <= 0.72 - Math.abs(y - 0.32) * 1.0 + 0.08;
  const left = y >= 0.48 && y <= 0.64 && x <= 0.7 && x >= 0.28 + Math.abs(y - 0.56) * 1.0 - 0.08;
  return pole || base || right || left;
}

function draw(size: number, paint: (inside: boolean) => Pixel): Buffer {
  const pixels = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const [r, g, b, a] = paint(signpost((px + 0.5) / size, (py + 0.5) / size));
      pixels.set([r, g, b, a], (py * size + px) * 4);
    }
  }
  return encodePng(size, size, pixels);
}

/** color.png: 192×192, full-bleed accent colour with a white signpost. */
export function colorIcon(): Buffer {
  return draw(192, (inside) => (inside ? [255, 255, 255, 255] : [...ACCENT_RGB, 255]));
}

/** outline.png: 32×32, white signpost on a transparent background. */
export function outlineIcon(): Buffer {
  return draw(32, (inside) => (inside ? [255, 255, 255, 255] : [0, 0, 0, 0]));
}

/** Encodes 8-bit RGBA pixels as a PNG (filter 0 on every row). */
export function encodePng(width: number, height: number, rgba: Buffer): Buffer {
  const rows = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) rgba.copy(rows, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8); // bit depth 8, colour type RGBA, default compression/filter/interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Width and height from a PNG's IHDR chunk (for checks). */
export function pngSize(png: Buffer): { width: number; height: number } {
  if (png.subarray(1, 4).toString('ascii') !== 'PNG' || png.subarray(12, 16).toString('ascii') !== 'IHDR') throw new Error('not a PNG');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data: Buffer): number {
  let c = 0xffffffff;
  for (const byte of data) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
