import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The popup. `base: './'` so the same build loads from the app's files in Electron and from /popup/ in the preview. */
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    // Kept, not emptied: a popup page already open in the preview loads its dialogs' chunks later, and a
    // rebuild (the preview rebuilds when sources change) must not delete them under it. `npm run build`
    // builds into a fresh out/.
    emptyOutDir: false,
    target: 'chrome130',
    // No modulepreload helper in what the popup loads: the chunks loaded later (a dialog's) fetch their own
    // few imports when they load, from local files.
    modulePreload: false,
    sourcemap: false,
    reportCompressedSize: false,
    rolldownOptions: {
      output: {
        // React in one chunk, loaded at start and shared by the chunks that load later (dialogs, the tokens
        // tab, Connect): the automatic split spread it over more, smaller files that compress worse.
        codeSplitting: {
          groups: [{ name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ }],
        },
      },
    },
  },
});
