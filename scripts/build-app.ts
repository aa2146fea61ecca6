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

/** What went into the build: the npm packages bundled into out/main/index.js (from esbuild's metafile). */
export type BuiltApp = { mainPackages: string[] };

export async function buildApp(log: (line: string) => void = console.log): Promise<BuiltApp> {
  rmSync(out, { recursive: true, force: true });
  log('building the popup (vite)…');
  const { build } = await import('vite');
  await build({
    configFile: join(root, 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir: join(out, 'renderer') },
  });
  log('bundling main and preload (esbuild)…');
  const { main } = await bundleMainAndPreload(out);
  log(`built into ${out}`);
  return { mainPackages: bundledPackages(Object.keys(main.metafile.inputs)) };
}

/**
 * Main (one ESM file, `main/index.js`) and the preload (one CommonJS file, `preload/index.cjs`) into `outDir`,
 * minified: the preload is parsed on every popup load, main at every start (test/bench measures both).
 * `keepNames` keeps function and class names, so logged errors and stacks still read.
 */
export async function bundleMainAndPreload(outDir: string) {
  const common = {
    bundle: true,
    platform: 'node',
    target: 'node22',
    legalComments: 'none',
    sourcemap: false,
    minify: true,
    keepNames: true,
    metafile: true,
  } as const;
  const [main, preload] = await Promise.all([
    esbuild({
      ...common,
      entryPoints: [join(root, 'electron/main/index.ts')],
      outfile: join(outDir, 'main/index.js'),
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
      outfile: join(outDir, 'preload/index.cjs'),
      format: 'cjs',
      external: ['electron'],
    }),
  ]);
  return {
    main,
    preload,
    mainFile: join(outDir, 'main/index.js'),
    preloadFile: join(outDir, 'preload/index.cjs'),
  };
}

/** `node_modules/@scope/name/…` and `node_modules/name/…` inputs, as package names (nested ones too). */
function bundledPackages(inputs: string[]): string[] {
  const names = inputs.flatMap((input) => {
    const match = /.*node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input);
    return match?.[1] ? [match[1]] : [];
  });
  return [...new Set(names)].sort();
}

if (process.argv[1]?.endsWith('build-app.ts')) await buildApp();
