import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';

/**
 * Renders Keytray's icons from the SVGs a designer edits (`build/icons/*.svg`) into what the app and the
 * installers load from `build/`: the tray icons per platform and state (macOS template images at @1x and @2x,
 * Windows .ico, Linux PNG at @1x and @2x) and the app icon (PNG, .ico, .icns). Rendering is resvg's
 * (`@resvg/resvg-js`: prebuilt binaries from the npm registry, no system libraries); this script only packs
 * the PNGs into .ico and .icns containers. Run `npx tsx scripts/make-icons.ts` after changing an SVG and
 * commit the outputs; a unit test fails while they differ from what the SVGs render to.
 */
const buildDir = join(import.meta.dirname, '..', 'build');
const svgDir = join(buildDir, 'icons');

type IconSpec =
  | { file: string; svg: string; png: number; template?: true }
  | { file: string; svg: string; ico: number[] }
  | { file: string; svg: string; icns: Record<string, number> };

/** Every file written, under build/. The tray files are the names `trayIconFile` (electron/main) asks for. */
export const ICONS: IconSpec[] = [
  // macOS menu bar: 16 pt, black and alpha only; the menu bar tints them (electron/electron#833).
  { file: 'tray/trayTemplate.png', svg: 'tray-template.svg', png: 16, template: true },
  { file: 'tray/trayTemplate@2x.png', svg: 'tray-template.svg', png: 32, template: true },
  { file: 'tray/trayAttentionTemplate.png', svg: 'tray-attention-template.svg', png: 16, template: true },
  { file: 'tray/trayAttentionTemplate@2x.png', svg: 'tray-attention-template.svg', png: 32, template: true },
  // Linux: AppIndicator and the tray scale one PNG; @2x for HiDPI screens.
  { file: 'tray/tray.png', svg: 'tray.svg', png: 32 },
  { file: 'tray/tray@2x.png', svg: 'tray.svg', png: 64 },
  { file: 'tray/tray-attention.png', svg: 'tray-attention.svg', png: 32 },
  { file: 'tray/tray-attention@2x.png', svg: 'tray-attention.svg', png: 64 },
  // Windows notification area: 16 px at 100 % scaling up to 48 px at 300 %.
  { file: 'tray/tray.ico', svg: 'tray.svg', ico: [16, 20, 24, 32, 40, 48] },
  { file: 'tray/tray-attention.ico', svg: 'tray-attention.svg', ico: [16, 20, 24, 32, 40, 48] },
  // The app: Linux launchers, Windows installer and Start menu, macOS Finder (PNG payloads in the .icns).
  { file: 'icon.png', svg: 'app.svg', png: 512 },
  { file: 'icon.ico', svg: 'app.svg', ico: [16, 24, 32, 48, 64, 128, 256] },
  {
    file: 'icon.icns',
    svg: 'app.svg',
    icns: { ic11: 32, ic12: 64, ic07: 128, ic13: 256, ic08: 256, ic14: 512, ic09: 512, ic10: 1024 },
  },
];

/** One SVG at one size, as PNG bytes; a template image must hold nothing but black and transparency. */
function render(svgName: string, size: number, template = false): Buffer {
  const svg = readFileSync(join(svgDir, svgName), 'utf8');
  const image = new Resvg(svg, {
    fitTo: { mode: 'width', value: size },
    font: { loadSystemFonts: false },
  }).render();
  if (image.width !== size || image.height !== size) {
    throw new Error(
      `${svgName} rendered at ${image.width}×${image.height}, not ${size}×${size}: keep it square`,
    );
  }
  if (template) {
    const pixels = image.pixels;
    for (let i = 0; i < pixels.length; i += 4) {
      if ((pixels[i + 3] ?? 0) > 0 && (pixels[i] || pixels[i + 1] || pixels[i + 2])) {
        throw new Error(`${svgName} is a template image: black and transparency only, no other colour`);
      }
    }
  }
  return image.asPng();
}

/** An .ico holding PNG images (Windows Vista and later read these). */
function ico(images: { size: number; data: Buffer }[]): Buffer {
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach((image, i) => {
    const entry = 6 + i * 16;
    header.writeUInt8(image.size >= 256 ? 0 : image.size, entry); // 0 means 256
    header.writeUInt8(image.size >= 256 ? 0 : image.size, entry + 1);
    header.writeUInt16LE(1, entry + 4); // colour planes
    header.writeUInt16LE(32, entry + 6); // bits per pixel
    header.writeUInt32LE(image.data.length, entry + 8);
    header.writeUInt32LE(offset, entry + 12);
    offset += image.data.length;
  });
  return Buffer.concat([header, ...images.map((image) => image.data)]);
}

/** An .icns of PNG payloads, each under its type code (ic07 = 128 px … ic10 = 1024 px, ic11–ic14 = @2x). */
function icns(images: { type: string; data: Buffer }[]): Buffer {
  const entries = images.map(({ type, data }) => {
    const head = Buffer.alloc(8);
    head.write(type, 0, 'ascii');
    head.writeUInt32BE(data.length + 8, 4);
    return Buffer.concat([head, data]);
  });
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'ascii');
  head.writeUInt32BE(8 + entries.reduce((total, entry) => total + entry.length, 0), 4);
  return Buffer.concat([head, ...entries]);
}

/** Every icon file's bytes, by its path under build/. */
export function renderIcons(): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const spec of ICONS) {
    if ('png' in spec) files.set(spec.file, render(spec.svg, spec.png, spec.template));
    else if ('ico' in spec)
      files.set(spec.file, ico(spec.ico.map((size) => ({ size, data: render(spec.svg, size) }))));
    else
      files.set(
        spec.file,
        icns(Object.entries(spec.icns).map(([type, size]) => ({ type, data: render(spec.svg, size) }))),
      );
  }
  return files;
}

if (process.argv[1]?.endsWith('make-icons.ts')) {
  for (const [file, bytes] of renderIcons()) {
    const path = join(buildDir, file);
    mkdirSync(dirname(path), { recursive: true });
    // A new file, not a rewrite: electron-builder hard-links extraResources into its output, and an old
    // build's copy must not change with the source.
    rmSync(path, { force: true });
    writeFileSync(path, bytes);
    console.log(`build/${file}`);
  }
}
