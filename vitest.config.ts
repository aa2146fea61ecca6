import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Electron cannot run here: unit tests of the shell get a small fake shaped like its API.
  resolve: {
    alias: { electron: fileURLToPath(new URL('./test/fixtures/fake-electron.ts', import.meta.url)) },
  },
  test: {
    include: ['test/unit/**/*.test.{ts,tsx}', 'test/integration/**/*.test.ts', 'test/fuzz/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 20_000,
    // The keychain is one per D-Bus session: keychain tests in parallel files would race on it.
    fileParallelism: true,
    pool: 'forks',
  },
});
