import { describe, expect, it } from 'vitest';
import { checkPackaging } from '../../scripts/check-packaging.js';

describe('packaging (electron-builder --dir over a stand-in Electron)', () => {
  it('app.asar holds exactly the allow-listed files, the keychain binary sits unpacked, every fuse reads back as configured', async () => {
    const { asarFiles, unpacked, fuses, mainPackages, appUpdate } = await checkPackaging();
    const app = asarFiles.filter((f) => !f.startsWith('node_modules/'));
    // The popup's scripts and styles: its entry and the chunks it loads later (dialogs, the tokens tab,
    // Connect), named by Vite with content hashes. Any number of them, but nothing else under assets/.
    const shape = (f: string) =>
      f.replace(/^out\/renderer\/assets\/[\w-]+\.(js|css)$/, 'out/renderer/assets/«chunk».$1');
    expect([...new Set(app.map(shape))].sort()).toEqual([
      'out/main/index.js',
      'out/preload/index.cjs',
      'out/renderer/assets/«chunk».css',
      'out/renderer/assets/«chunk».js',
      'out/renderer/index.html',
      'package.json',
    ]);
    const modules = new Set(
      asarFiles.filter((f) => f.startsWith('node_modules/')).map((f) => f.split('/').slice(1, 3).join('/')),
    );
    // electron-store and electron-updater are bundled into out/main/index.js: app.asar gains no package.
    expect([...modules].sort()).toEqual([
      '@napi-rs/keyring',
      `@napi-rs/keyring-${process.platform}-${process.arch}-gnu`,
    ]);
    expect(mainPackages).toEqual(expect.arrayContaining(['conf', 'electron-store', 'electron-updater']));
    expect(mainPackages).not.toContain('@napi-rs/keyring');
    // No feed given: no app-update.yml, so the app runs no update code (electron/main/updates.ts).
    expect(appUpdate).toBeNull();
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

  it('a build given an update feed carries it in app-update.yml, for electron-updater to read', async () => {
    const url = 'https://updates.example.com/keytray';
    const { appUpdate, asarFiles } = await checkPackaging({ updateFeedUrl: url });
    expect(appUpdate).toEqual({ provider: 'generic', url, updaterCacheDirName: 'keytray-updater' });
    expect(asarFiles.some((f) => f.startsWith('node_modules/electron-'))).toBe(false);
  }, 240_000);
});
