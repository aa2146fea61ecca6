import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { trayIconFile } from '../../../electron/main/tray-menu.js';
import { ICONS, renderIcons } from '../../../scripts/make-icons.js';

/**
 * The icons in build/ are what the SVGs in build/icons render to: a designer edits an SVG, runs
 * `npx tsx scripts/make-icons.ts`, and commits both. And they are what each platform asks for.
 */
const build = join(import.meta.dirname, '..', '..', '..', 'build');
const rendered = renderIcons();

/** A PNG's width and height, from its IHDR chunk. */
const pngSize = (png: Buffer) => [png.readUInt32BE(16), png.readUInt32BE(20)];

describe('icons', () => {
  it.each([...rendered.keys()])('build/%s is up to date with its SVG', (file) => {
    const committed = readFileSync(join(build, file));
    expect(
      committed.equals(rendered.get(file) ?? Buffer.alloc(0)),
      `build/${file} differs from what its SVG renders to: run npx tsx scripts/make-icons.ts`,
    ).toBe(true);
  });

  it('every tray icon the app loads exists, at its size; macOS gets template images with @2x', () => {
    for (const platform of ['darwin', 'win32', 'linux'] as const) {
      for (const attention of [false, true]) {
        expect(rendered.has(`tray/${trayIconFile(platform, attention)}`)).toBe(true);
      }
    }
    const pngs = ICONS.filter((spec) => 'png' in spec);
    for (const spec of pngs) {
      expect(pngSize(rendered.get(spec.file) ?? Buffer.alloc(24)), spec.file).toEqual([spec.png, spec.png]);
    }
    expect(pngs.filter((spec) => spec.template).map((spec) => spec.file)).toEqual([
      'tray/trayTemplate.png',
      'tray/trayTemplate@2x.png',
      'tray/trayAttentionTemplate.png',
      'tray/trayAttentionTemplate@2x.png',
    ]);
  });

  it('the app icon containers hold every size the installers use', () => {
    const ico = rendered.get('icon.ico') ?? Buffer.alloc(6);
    const icoSizes = Array.from({ length: ico.readUInt16LE(4) }, (_, i) => ico.readUInt8(6 + i * 16) || 256);
    expect(icoSizes).toEqual([16, 24, 32, 48, 64, 128, 256]);

    const icns = rendered.get('icon.icns') ?? Buffer.alloc(8);
    expect(icns.toString('ascii', 0, 4)).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    const types: string[] = [];
    for (let at = 8; at < icns.length; at += icns.readUInt32BE(at + 4)) {
      types.push(icns.toString('ascii', at, at + 4));
    }
    expect(types.sort()).toEqual(['ic07', 'ic08', 'ic09', 'ic10', 'ic11', 'ic12', 'ic13', 'ic14']);
  });
});
