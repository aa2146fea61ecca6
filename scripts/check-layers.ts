import { readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

/**
 * The layering of design.md, enforced (after VS Code's `common`/`node`/`electron-main`):
 * - electron/common imports only itself and zod: it runs in the renderer and in main;
 * - electron/core never imports `electron`, nor a shell (main, preload, preview), nor the renderer;
 * - only electron/main and electron/preload import `electron`;
 * - renderer/ imports nothing from electron/ except electron/common;
 * - nothing imports the preview shell except itself (it is never packaged).
 */
export type Violation = { file: string; specifier: string; rule: string };

const SOURCE = /\.(ts|tsx|mts|cts)$/;
const NODE_BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
const COMMON_PACKAGES = new Set(['zod']);

function* sourceFiles(folder: string): Generator<string> {
  let entries: string[];
  try {
    entries = readdirSync(folder);
  } catch {
    return;
  }
  for (const entry of entries) {
    if (entry === 'node_modules' || entry.startsWith('.')) continue;
    const path = join(folder, entry);
    if (statSync(path).isDirectory()) yield* sourceFiles(path);
    else if (SOURCE.test(entry) && !entry.endsWith('.d.ts')) yield path;
  }
}

function area(root: string, file: string): string {
  const parts = relative(root, file).split(sep);
  return parts[0] === 'electron' ? `electron/${parts[1] ?? ''}` : (parts[0] ?? '');
}

export function checkLayers(root: string): Violation[] {
  const violations: Violation[] = [];
  for (const top of ['electron', 'renderer']) {
    for (const file of sourceFiles(join(root, top))) {
      const from = area(root, file);
      const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
      for (const { fileName: specifier } of importedFiles) {
        const relativeImport = specifier.startsWith('.');
        const target = relativeImport ? area(root, resolve(dirname(file), specifier)) : null;
        const bare = relativeImport
          ? null
          : specifier
              .split('/')
              .slice(0, specifier.startsWith('@') ? 2 : 1)
              .join('/');
        const report = (rule: string) => violations.push({ file: relative(root, file), specifier, rule });

        if (bare === 'electron' && from !== 'electron/main' && from !== 'electron/preload') {
          report('only electron/main and electron/preload may import electron');
        }
        if (from === 'electron/common') {
          if (target !== null && target !== 'electron/common') report('electron/common imports only itself');
          if (bare !== null && (NODE_BUILTINS.has(specifier) || !COMMON_PACKAGES.has(bare))) {
            report('electron/common imports nothing platform-specific (only zod)');
          }
        }
        if (
          from === 'electron/core' &&
          target !== null &&
          !['electron/core', 'electron/common'].includes(target)
        ) {
          report('electron/core imports only electron/common and itself');
        }
        if (from === 'renderer' && target !== null && target !== 'renderer' && target !== 'electron/common') {
          report('renderer imports only electron/common from electron/');
        }
        if (from === 'renderer' && bare !== null && NODE_BUILTINS.has(specifier)) {
          report('renderer imports no Node built-ins');
        }
        if (target === 'electron/preview' && from !== 'electron/preview') {
          report('nothing imports the preview shell');
        }
      }
    }
  }
  return violations;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const root = resolve(process.argv[2] ?? '.');
  const violations = checkLayers(root);
  for (const v of violations) console.error(`${v.file}: imports "${v.specifier}" — ${v.rule}`);
  if (violations.length > 0) {
    console.error(`layering: ${violations.length} violation(s)`);
    process.exit(1);
  }
  console.log('layering: ok');
}
