import ElectronStore from 'electron-store';
import type { OpenStoreFile } from '../core/settings/json-store.js';
import { closeLibraryChannel } from './ipc.js';

/**
 * electron-store registers this synchronous channel so that a renderer can learn the userData folder and the
 * app version. Keytray never creates a store in a renderer, and every channel main answers goes through the
 * validated handler table (design rule 3), so the listener is removed as soon as a store has added it.
 */
export const ELECTRON_STORE_CHANNEL = 'electron-store-get-data';

/**
 * The core's settings and key-cache files through electron-store, the package the design names: conf (the
 * same engine the preview and tests use) with Electron's defaults. The core's options pass through unchanged
 * (mode 0600, no dot paths, never clearing a file it cannot read, its deserializer); electron-store's own
 * `migrations` and `projectVersion` are not used, because they are keyed by the app's version, while the
 * core migrates each document by its own version and salvages what it can (`stored-document.ts`).
 */
export const openElectronStoreFile: OpenStoreFile = ({ configName, ...options }) => {
  // electron-store names the file by `name` (it overwrites `configName` with it); `cwd` is absolute here,
  // so its userData default does not apply.
  const store = new ElectronStore<Record<string, unknown>>({ ...options, name: configName });
  closeLibraryChannel(ELECTRON_STORE_CHANNEL);
  return store;
};
