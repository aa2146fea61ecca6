import { ensureRendererBuilt } from '../../electron/preview/build-assets.js';

/** Build the popup once, before the workers start previews that would otherwise race to build it. */
async function globalSetup() {
  await ensureRendererBuilt((line) => console.log(line));
}

// Playwright loads global setup through its default export.
export { globalSetup as default };
