import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The Electron executable, if one is installed, found the way the `electron` package finds it but without
 * its fallback of downloading one from GitHub (which `require('electron')` does since Electron 45).
 */
export function findElectronBinary(
  root = join(import.meta.dirname, '..'),
): { path: string } | { missing: string } {
  const packageDir = join(root, 'node_modules', 'electron');
  const pathFile = join(packageDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  const override = process.env['ELECTRON_OVERRIDE_DIST_PATH'];
  if (override) {
    const path = join(override, relative ?? 'electron');
    return existsSync(path)
      ? { path }
      : { missing: `ELECTRON_OVERRIDE_DIST_PATH has no Electron executable at ${path}` };
  }
  if (!relative) {
    return {
      missing:
        'the electron package was installed without it, because ELECTRON_SKIP_BINARY_DOWNLOAD=1 was set or GitHub could not be reached',
    };
  }
  const path = join(packageDir, 'dist', relative);
  return existsSync(path) ? { path } : { missing: `no Electron executable at ${path}` };
}
