import { describe, expect, it } from 'vitest';
import { checkPackaging } from '../../scripts/check-packaging.js';

describe('packaging (electron-builder --dir over a stand-in Electron)', () => {
  it('app.asar holds exactly the allow-listed files, the keychain binary sits unpacked, every fuse reads back as configured', async () => {
    const { asarFiles, unpacked, fuses } = await checkPackaging();
    const app = asarFiles.filter((f) => !f.startsWith('node_modules/'));
    // Vite's content hashes change the order: name them, then sort.
    expect(app.map((f) => f.replace(/index-[\w-]+\.(js|css)$/, 'index-«hash».$1')).sort()).toEqual([
      'out/main/index.js',
      'out/preload/index.cjs',
      'out/renderer/assets/index-«hash».css',
      'out/renderer/assets/index-«hash».js',
      'out/renderer/index.html',
      'package.json',
    ]);
    const modules = new Set(
      asarFiles.filter((f) => f.startsWith('node_modules/')).map((f) => f.split('/').slice(1, 3).join('/')),
    );
    expect([...modules].sort()).toEqual([
      '@napi-rs/keyring',
      `@napi-rs/keyring-${process.platform}-${process.arch}-gnu`,
    ]);
    expect(unpacked.some((f) => f.endsWith('.node'))).toBe(true);
    expect(asarFiles.some((f) => /\.map$|\.tsx?$|preview|test\//.test(f))).toBe(false);
    expect(fuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      // Electron ships it on; the popup loads from app://, so it is turned off.
      grantFileProtocolExtraPrivileges: false,
    });
  }, 240_000);
});
