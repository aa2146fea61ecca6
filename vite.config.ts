import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The popup. `base: './'` so the same build loads from the app's files in Electron and from /popup/ in the preview. */
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome130',
    sourcemap: false,
    reportCompressedSize: false,
  },
});
