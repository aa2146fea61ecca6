import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

/** The popup's component tests: React Testing Library on jsdom. */
const RENDERER_TESTS = 'test/unit/renderer/**/*.test.{ts,tsx}';

export default defineConfig({
  // Electron cannot run here: unit tests of the shell get a small fake shaped like its API.
  resolve: {
    alias: { electron: fileURLToPath(new URL('./test/fixtures/fake-electron.ts', import.meta.url)) },
  },
  test: {
    testTimeout: 20_000,
    hookTimeout: 20_000,
    // The keychain is one per D-Bus session: keychain tests in parallel files would race on it.
    fileParallelism: true,
    pool: 'forks',
    // electron-store imports `electron`: processed by Vite, so that import gets the fake too.
    server: { deps: { inline: ['electron-store'] } },
    // Two projects, one run (`npx vitest run` runs both, so `npm test` does): the core and shells under plain
    // Node, and the popup's components in a DOM.
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          include: [
            'test/unit/**/*.test.{ts,tsx}',
            'test/integration/**/*.test.ts',
            'test/fuzz/**/*.test.ts',
          ],
          exclude: [RENDERER_TESTS],
          environment: 'node',
        },
      },
      {
        extends: true,
        plugins: [react()],
        test: {
          name: 'renderer',
          include: [RENDERER_TESTS],
          environment: 'jsdom',
          setupFiles: ['test/unit/renderer/setup.ts'],
        },
      },
    ],
  },
});
