// Draws the app icon without any image library: a navy rounded square with a white "V" (Valija), written as
// resources/icons/icon.png (512×512, what electron-builder turns into .ico/.icns), a few Linux sizes, and
// the same shape as SVG for the renderer's favicon. Run: node scripts/make-icon.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const NAVY = [0x14, 0x21, 0x3d];
const WHITE = [0xff, 0xff, 0xff];
// In a 512 unit box: the rounded square, and the V as a polygon.
const RADIUS = 96;
const V = [
  [120, 120],
  [196, 120],
  [256, 318],
  [316, 120],
  [392, 120],
  [290, 400],
  [222, 400],
];

function insidePolygon(x, y, points) {
  let inside = false;
  for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
    const [xi, yi] = points[i];
    const [xj, yj] = points[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function insideRoundedSquare(x, y) {
  const cx = Math.min(Math.max(x, RADIUS), 512 - RADIUS);
  const cy = Math.min(Math.max(y, RADIUS), 512 - RADIUS);
  return (x - cx) ** 2 + (y - cy) ** 2 <= RADIUS ** 2;
}

/** RGBA pixels, 4×4 supersampled for smooth edges. */
function draw(size) {
  const pixels = Buffer.alloc(size * size * 4);
  const scale = 512 / size;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let square = 0;
      let glyph = 0;
      for (let sy = 0; sy < 4; sy++) {
        for (let sx = 0; sx < 4; sx++) {
          const x = (px + (sx + 0.5) / 4) * scale;
          const y = (py + (sy + 0.5) / 4) * scale;
          if (insideRoundedSquare(x, y)) {
            square++;
            if (insidePolygon(x, y, V)) glyph++;
          }
        }
      }
      const o = (py * size + px) * 4;
      const g = square ? glyph / square : 0;
      for (let c = 0; c < 3; c++) pixels[o + c] = Math.round(NAVY[c] * (1 - g) + WHITE[c] * g);
      pixels[o + 3] = Math.round((square / 16) * 255);
    }
  }
  return pixels;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

export function png(size) {
  const pixels = draw(size);
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) pixels.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512">
  <rect width="512" height="512" rx="${RADIUS}" fill="#14213d"/>
  <polygon points="${V.map((p) => p.join(',')).join(' ')}" fill="#ffffff"/>
</svg>
`;

const root = new URL('../', import.meta.url);
mkdirSync(new URL('resources/icons/', root), { recursive: true });
writeFileSync(new URL('resources/icons/icon.png', root), png(512));
for (const size of [16, 32, 48, 64, 128, 256]) {
  writeFileSync(new URL(`resources/icons/${size}x${size}.png`, root), png(size));
}
writeFileSync(new URL('resources/icons/icon.svg', root), svg);
mkdirSync(new URL('renderer/public/', root), { recursive: true });
writeFileSync(new URL('renderer/public/favicon.svg', root), svg);
console.log(
  'wrote resources/icons/icon.png (512×512), 16–256 px sizes, icon.svg and renderer/public/favicon.svg',
);
