import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { build as esbuild } from 'esbuild';

/**
 * Builds what Electron loads into out/: the renderer (Vite), the main process (one ESM file) and the preload
 * (one CommonJS file: a sandboxed preload cannot require anything but `electron`). Everything is bundled
 * except `electron` and the keychain's native module, so the packaged app carries one dependency.
 */
const root = join(import.meta.dirname, '..');
const out = join(root, 'out');

export async function buildApp(log: (line: string) => void = console.log): Promise<void> {
  rmSync(out, { recursive: true, force: true });
  log('building the popup (vite)…');
  const { build } = await import('vite');
  await build({
    configFile: join(root, 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir: join(out, 'renderer') },
  });
  log('bundling main and preload (esbuild)…');
  const common = {
    bundle: true,
    platform: 'node',
    target: 'node22',
    legalComments: 'none',
    sourcemap: false,
  } as const;
  await Promise.all([
    esbuild({
      ...common,
      entryPoints: [join(root, 'electron/main/index.ts')],
      outfile: join(out, 'main/index.js'),
      format: 'esm',
      external: ['electron', '@napi-rs/keyring'],
      // Bundled CommonJS dependencies still call require(): give the ESM bundle one.
      banner: {
        js: "import { createRequire as __keytrayRequire } from 'node:module'; const require = __keytrayRequire(import.meta.url);",
      },
    }),
    esbuild({
      ...common,
      entryPoints: [join(root, 'electron/preload/index.ts')],
      outfile: join(out, 'preload/index.cjs'),
      format: 'cjs',
      external: ['electron'],
    }),
  ]);
  log(`built into ${out}`);
}

if (process.argv[1]?.endsWith('build-app.ts')) await buildApp();
