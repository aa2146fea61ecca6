import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';

/**
 * Draws Keytray's icons (a key) into build/: the app icon (PNG, .ico, .icns) and the tray icons per platform
 * and state. No image tools needed: shapes are rasterised here with 4×4 supersampling and written as PNG.
 * Run `npx tsx scripts/make-icons.ts` after changing the drawing; the outputs are committed.
 */
type RGBA = [number, number, number, number];
type Shape = (x: number, y: number) => boolean;

const circle =
  (cx: number, cy: number, r: number): Shape =>
  (x, y) =>
    (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
const rect =
  (x0: number, y0: number, x1: number, y1: number): Shape =>
  (x, y) =>
    x >= x0 && x <= x1 && y >= y0 && y <= y1;
const union =
  (...shapes: Shape[]): Shape =>
  (x, y) =>
    shapes.some((s) => s(x, y));
const minus =
  (a: Shape, b: Shape): Shape =>
  (x, y) =>
    a(x, y) && !b(x, y);
const roundedRect = (x0: number, y0: number, x1: number, y1: number, r: number): Shape =>
  union(
    rect(x0 + r, y0, x1 - r, y1),
    rect(x0, y0 + r, x1, y1 - r),
    circle(x0 + r, y0 + r, r),
    circle(x1 - r, y0 + r, r),
    circle(x0 + r, y1 - r, r),
    circle(x1 - r, y1 - r, r),
  );

/** The key, in a unit square: a ring for the bow, a shaft, two teeth; centred vertically. */
const keyAtTop: Shape = union(
  minus(circle(0.33, 0.36, 0.22), circle(0.33, 0.36, 0.09)),
  rect(0.45, 0.31, 0.9, 0.41),
  rect(0.74, 0.41, 0.81, 0.58),
  rect(0.84, 0.41, 0.9, 0.52),
);
const key: Shape = (x, y) => keyAtTop(x, y - 0.14);
const attentionDot = circle(0.8, 0.8, 0.17);

function render(size: number, layers: { shape: Shape; color: RGBA }[]): Buffer {
  const pixels = Buffer.alloc(size * size * 4);
  const samples = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let [r, g, b, a] = [0, 0, 0, 0];
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const x = (px + (sx + 0.5) / samples) / size;
          const y = (py + (sy + 0.5) / samples) / size;
          let top: RGBA | null = null;
          for (const layer of layers) if (layer.shape(x, y)) top = layer.color;
          if (top) {
            r += top[0] * top[3];
            g += top[1] * top[3];
            b += top[2] * top[3];
            a += top[3];
          }
        }
      }
      const n = samples * samples;
      const offset = (py * size + px) * 4;
      pixels[offset] = a ? Math.round(r / a) : 0;
      pixels[offset + 1] = a ? Math.round(g / a) : 0;
      pixels[offset + 2] = a ? Math.round(b / a) : 0;
      pixels[offset + 3] = Math.round((a / n) * 255);
    }
  }
  return png(size, pixels);
}

function crc32(buffer: Buffer): number {
  let crc = ~0;
  for (const byte of buffer) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

function png(size: number, rgba: Buffer): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rgba.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** An .ico holding PNG images (Vista and later read these). */
function ico(images: { size: number; data: Buffer }[]): Buffer {
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach((image, i) => {
    const entry = 6 + i * 16;
    header.writeUInt8(image.size >= 256 ? 0 : image.size, entry);
    header.writeUInt8(image.size >= 256 ? 0 : image.size, entry + 1);
    header.writeUInt16LE(1, entry + 4);
    header.writeUInt16LE(32, entry + 6);
    header.writeUInt32LE(image.data.length, entry + 8);
    header.writeUInt32LE(offset, entry + 12);
    offset += image.data.length;
  });
  return Buffer.concat([header, ...images.map((i) => i.data)]);
}

/** An .icns with PNG payloads: ic07 (128), ic08 (256), ic09 (512). */
function icns(images: { type: string; data: Buffer }[]): Buffer {
  const entries = images.map(({ type, data }) => {
    const head = Buffer.alloc(8);
    head.write(type, 0, 'ascii');
    head.writeUInt32BE(data.length + 8, 4);
    return Buffer.concat([head, data]);
  });
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'ascii');
  head.writeUInt32BE(8 + entries.reduce((n, e) => n + e.length, 0), 4);
  return Buffer.concat([head, ...entries]);
}

const out = join(import.meta.dirname, '..', 'build');
const trayDir = join(out, 'tray');
mkdirSync(trayDir, { recursive: true });

const BLACK: RGBA = [0, 0, 0, 1];
const LIGHT: RGBA = [236, 238, 242, 1];
const OUTLINE: RGBA = [40, 44, 52, 1];
const ALERT: RGBA = [234, 88, 12, 1];
const BLUE: RGBA = [10, 100, 214, 1];
const WHITE: RGBA = [255, 255, 255, 1];
const inset =
  (shape: Shape, by: number): Shape =>
  (x, y) =>
    shape((x - by) / (1 - 2 * by), (y - by) / (1 - 2 * by));
const grow =
  (shape: Shape, by: number): Shape =>
  (x, y) =>
    [
      [0, 0],
      [by, 0],
      [-by, 0],
      [0, by],
      [0, -by],
    ].some(([dx = 0, dy = 0]) => shape(x + dx, y + dy));

for (const [suffix, size] of [
  ['', 16],
  ['@2x', 32],
] as const) {
  // macOS template images: black and alpha only; the menu bar tints them.
  writeFileSync(join(trayDir, `trayTemplate${suffix}.png`), render(size, [{ shape: key, color: BLACK }]));
  writeFileSync(
    join(trayDir, `trayAttentionTemplate${suffix}.png`),
    render(size, [
      { shape: minus(key, grow(attentionDot, 0.06)), color: BLACK },
      { shape: attentionDot, color: BLACK },
    ]),
  );
}
const trayLayers = (attention: boolean) => [
  { shape: grow(key, 0.05), color: OUTLINE },
  { shape: key, color: LIGHT },
  ...(attention
    ? [
        { shape: grow(attentionDot, 0.05), color: OUTLINE },
        { shape: attentionDot, color: ALERT },
      ]
    : []),
];
for (const attention of [false, true]) {
  const name = attention ? 'tray-attention' : 'tray';
  writeFileSync(join(trayDir, `${name}.png`), render(32, trayLayers(attention)));
  writeFileSync(
    join(trayDir, `${name}.ico`),
    ico([16, 24, 32].map((size) => ({ size, data: render(size, trayLayers(attention)) }))),
  );
}

const appLayers = [
  { shape: roundedRect(0.06, 0.06, 0.94, 0.94, 0.2), color: BLUE },
  { shape: inset(key, 0.2), color: WHITE },
];
writeFileSync(join(out, 'icon.png'), render(512, appLayers));
writeFileSync(
  join(out, 'icon.ico'),
  ico([16, 32, 48, 256].map((size) => ({ size, data: render(size, appLayers) }))),
);
writeFileSync(
  join(out, 'icon.icns'),
  icns(
    [
      ['ic07', 128],
      ['ic08', 256],
      ['ic09', 512],
    ].map(([type, size]) => ({ type: type as string, data: render(size as number, appLayers) })),
  ),
);
console.log(`icons written to ${out}`);
