import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { build as esbuild } from 'esbuild';

const ROOT = join(import.meta.dirname, '..', '..');
export const RENDERER_DIST = join(ROOT, 'dist', 'renderer');

function newestMtime(folder: string): number {
  let newest = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const path = join(folder, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Builds the renderer with Vite when there is no build yet or its sources changed since. */
export async function ensureRendererBuilt(log: (line: string) => void): Promise<void> {
  const built = join(RENDERER_DIST, 'index.html');
  const sources = Math.max(
    newestMtime(join(ROOT, 'renderer')),
    newestMtime(join(ROOT, 'electron', 'common')),
  );
  if (existsSync(built) && statSync(built).mtimeMs >= sources) return;
  log('building the popup (vite build)…');
  const { build } = await import('vite');
  await build({ configFile: join(ROOT, 'vite.config.ts'), logLevel: 'warn' });
}

/** The two browser scripts of the preview shell, bundled in memory. */
export async function bundleClientScripts(): Promise<{ bridge: string; desktop: string }> {
  const bundle = async (entry: string) => {
    const result = await esbuild({
      entryPoints: [join(import.meta.dirname, 'client', entry)],
      bundle: true,
      write: false,
      format: 'esm',
      target: 'es2022',
      minify: true,
      legalComments: 'none',
    });
    return result.outputFiles[0]?.text ?? '';
  };
  const [bridge, desktop] = await Promise.all([bundle('bridge.ts'), bundle('desktop.ts')]);
  return { bridge, desktop };
}
