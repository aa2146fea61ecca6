import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { extractFile, listPackage } from '@electron/asar';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { build, Platform, type Configuration } from 'electron-builder';
import { load as parse } from 'js-yaml';
import { buildApp } from './build-app.js';

/**
 * The packaging check CI can run offline: electron-builder's `dir` target over a stand-in unpacked Electron
 * (an empty executable and the resources folder), then a look inside app.asar. It proves the `files`
 * allow-list (no sources, tests, preview shell or maps), the one runtime dependency, and that the keychain's
 * native binary sits unpacked beside the archive, and reads back (with @electron/fuses, the library
 * electron-builder flips them with) every fuse in the stand-in's fuse wire. It also reports which packages
 * esbuild bundled into out/main (electron-store and electron-updater live there, not in node_modules) and the
 * update feed electron-builder wrote (`app-update.yml`), given the feed URL the way a release build is
 * (`-c.publish.provider=generic -c.publish.url=…`). What it cannot prove here: that the real Electron binary
 * honours the fuses, signing, notarisation and the installers themselves; a machine with internet builds those.
 */
const root = join(import.meta.dirname, '..');
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';

export async function checkPackaging(options: { updateFeedUrl?: string } = {}): Promise<{
  asarFiles: string[];
  unpacked: string[];
  fuses: Record<string, boolean>;
  /** npm packages bundled into out/main/index.js. */
  mainPackages: string[];
  /** `resources/app-update.yml` as electron-builder wrote it, or null when the build has no feed. */
  appUpdate: Record<string, unknown> | null;
}> {
  const { mainPackages } = await buildApp(() => undefined);
  const standIn = mkdtempSync(join(tmpdir(), 'keytray-electron-dist-'));
  mkdirSync(join(standIn, 'resources'));
  // A fuse wire in Electron's own format (sentinel, version 1, eight fuses at Electron's shipped defaults:
  // '1' on, '0' off), so the fuses electron-builder flips can be read back from the packaged "binary".
  writeFileSync(
    join(standIn, 'electron'),
    `#!/bin/sh\necho "stand-in for Electron"\n#${FUSE_SENTINEL}\u0001\u000810011001\n`,
  );
  chmodSync(join(standIn, 'electron'), 0o755);
  writeFileSync(join(standIn, 'version'), '45.5.0');
  const output = mkdtempSync(join(tmpdir(), 'keytray-release-'));

  // electron-builder reads electron-builder.yml itself and merges these on top (passing the whole file
  // again would list extraResources twice, and the copies race).
  const fromFile = parse(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as Configuration;
  await build({
    projectDir: root,
    targets: Platform.LINUX.createTarget('dir'),
    publish: 'never',
    config: {
      electronDist: standIn,
      directories: { ...fromFile.directories, output },
      ...(options.updateFeedUrl ? { publish: { provider: 'generic', url: options.updateFeedUrl } } : {}),
    },
  });

  const unpackedDir = join(output, 'linux-unpacked');
  const asar = join(unpackedDir, 'resources', 'app.asar');
  const asarFiles = listPackage(asar, { isPack: false })
    .map((p) => p.replace(/\\/g, '/').replace(/^\//, ''))
    .filter((p) => p.includes('.'))
    .sort();
  const unpackedRoot = join(unpackedDir, 'resources', 'app.asar.unpacked');
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? walk(join(dir, e.name)) : [relative(unpackedRoot, join(dir, e.name))],
    );
  const unpacked = existsSync(unpackedRoot) ? walk(unpackedRoot).sort() : [];
  const manifest = JSON.parse(extractFile(asar, 'package.json').toString('utf8')) as { main: string };
  if (manifest.main !== 'out/main/index.js')
    throw new Error(`app.asar's package.json points main at ${manifest.main}`);
  const fuses = await readFuses(join(unpackedDir, 'keytray'));
  const appUpdateFile = join(unpackedDir, 'resources', 'app-update.yml');
  const appUpdate = existsSync(appUpdateFile)
    ? (parse(readFileSync(appUpdateFile, 'utf8')) as Record<string, unknown>)
    : null;
  return { asarFiles, unpacked, fuses, mainPackages, appUpdate };
}

/**
 * Every fuse of the wire by electron-builder's name for it (`GrantFileProtocolExtraPrivileges` →
 * `grantFileProtocolExtraPrivileges`): true when on. The wire stores ASCII '1' for on, '0' for off ('r' for a
 * fuse Electron removed, read as off).
 */
async function readFuses(binary: string): Promise<Record<string, boolean>> {
  const { version, ...wire } = await getCurrentFuseWire(binary);
  if (version !== '1') throw new Error(`unknown fuse wire version ${version}`);
  return Object.fromEntries(
    Object.entries(wire).map(([index, state]) => {
      const name = FuseV1Options[Number(index)] ?? `fuse${index}`;
      return [name.charAt(0).toLowerCase() + name.slice(1), state === '1'.charCodeAt(0)];
    }),
  );
}

if (process.argv[1]?.endsWith('check-packaging.ts')) {
  // KEYTRAY_UPDATE_URL: check a build with that feed, as a release build would be made.
  const feed = process.env['KEYTRAY_UPDATE_URL'];
  const { asarFiles, unpacked, fuses, mainPackages, appUpdate } = await checkPackaging(
    feed ? { updateFeedUrl: feed } : {},
  );
  console.log('fuses:', fuses);
  console.log('update feed (app-update.yml):', appUpdate ?? 'none');
  console.log(`bundled into out/main: ${mainPackages.join(', ')}`);
  console.log(`app.asar holds ${asarFiles.length} files:\n  ${asarFiles.join('\n  ')}`);
  console.log(`unpacked beside it:\n  ${unpacked.join('\n  ')}`);
}
