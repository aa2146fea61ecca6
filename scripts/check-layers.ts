import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

/**
 * The layering of design.md, enforced (after VS Code's `common`/`node`/`electron-main`):
 * - electron/common imports only itself and zod: it runs in the renderer and in main;
 * - electron/core never imports `electron`, nor a shell (main, preload, preview), nor the renderer;
 * - only electron/main and electron/preload import `electron`;
 * - renderer/ imports nothing from electron/ except electron/common;
 * - nothing imports the preview shell except itself (it is never packaged);
 * - the renderer, the preload and the preview's page scripts load no zod: the schemas stay on main's side
 *   (`contract.ts`, `models.ts`); they import `channels.ts` and types (`import type`) instead, so the popup and
 *   the sandboxed preload stay small (the popup's size has a budget in test/bench).
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

/** What a module loads when it runs: its imports less those of types only (erased at build time). */
function runtimeImports(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false);
  const specifiers: string[] = [];
  for (const node of source.statements) {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      const bindings = clause?.namedBindings;
      const onlyTypes =
        clause !== undefined &&
        (clause.isTypeOnly ||
          (clause.name === undefined &&
            bindings !== undefined &&
            ts.isNamedImports(bindings) &&
            bindings.elements.length > 0 &&
            bindings.elements.every((e) => e.isTypeOnly)));
      if (!onlyTypes) specifiers.push(node.moduleSpecifier.text);
    } else if (
      ts.isExportDeclaration(node) &&
      !node.isTypeOnly &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      specifiers.push(node.moduleSpecifier.text);
    }
  }
  // Loaded later, but loaded all the same: `import('…')`.
  const visit = (node: ts.Node) => {
    if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteral(node.arguments[0])
    ) {
      specifiers.push(node.arguments[0].text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return specifiers;
}

/** The source file a relative import names (`./x.js` is `./x.ts` or `./x.tsx`), if it exists. */
function sourceOf(from: string, specifier: string): string | null {
  const base = resolve(dirname(from), specifier).replace(/\.js$/, '');
  return ['.ts', '.tsx', '/index.ts'].map((ext) => base + ext).find((p) => existsSync(p)) ?? null;
}

/** Whether running `file` loads zod, following its relative imports. */
function loadsZod(file: string, seen = new Set<string>()): boolean {
  if (seen.has(file)) return false;
  seen.add(file);
  for (const specifier of runtimeImports(file)) {
    if (specifier === 'zod' || specifier.startsWith('zod/')) return true;
    const target = specifier.startsWith('.') ? sourceOf(file, specifier) : null;
    if (target && loadsZod(target, seen)) return true;
  }
  return false;
}

export function checkLayers(root: string): Violation[] {
  const violations: Violation[] = [];
  const browserSide = (file: string) => {
    const path = relative(root, file).split(sep).join('/');
    return (
      path.startsWith('renderer/') ||
      path.startsWith('electron/preload/') ||
      path.startsWith('electron/preview/client/')
    );
  };
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
      if (!browserSide(file)) continue;
      for (const specifier of runtimeImports(file)) {
        const report = (rule: string) => violations.push({ file: relative(root, file), specifier, rule });
        const target = specifier.startsWith('.') ? sourceOf(file, specifier) : null;
        const loads =
          specifier === 'zod' ||
          (target !== null && area(root, target) === 'electron/common' && loadsZod(target));
        if (loads) {
          report(
            'the renderer, the preload and the preview page load no zod: import types with `import type`, names from channels.ts',
          );
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
