import type { Preferences } from '../../common/models.js';
import { AppError } from '../errors.js';
import type { DocumentStore } from './json-store.js';
import type { StoredState } from './stored-state.js';

/** What the desktop must do when a preference changes. The preview shell records; Electron applies. */
export interface PreferenceEffects {
  /** False when another app holds the shortcut. Empty string = no shortcut. */
  registerShortcut(accelerator: string): boolean;
  setLaunchAtLogin(enabled: boolean): void;
}

export function createPreferences(state: DocumentStore<StoredState>, effects: PreferenceEffects) {
  return {
    get: (): Preferences => state.read().preferences,

    /** Applies side effects first: a shortcut another app holds is refused and nothing is saved. */
    set(patch: Partial<Preferences>): Preferences {
      const current = state.read();
      const next = { ...current.preferences, ...patch };
      if (patch.globalShortcut !== undefined && patch.globalShortcut !== current.preferences.globalShortcut) {
        if (!effects.registerShortcut(next.globalShortcut)) {
          effects.registerShortcut(current.preferences.globalShortcut);
          throw new AppError(
            'rejected',
            // Said without the accelerator's own spelling ("CommandOrControl+…"): Settings shows the keys.
            'Another app already uses that shortcut, or it can’t be used on this computer. Choose another.',
          );
        }
      }
      if (patch.launchAtLogin !== undefined && patch.launchAtLogin !== current.preferences.launchAtLogin) {
        effects.setLaunchAtLogin(next.launchAtLogin);
      }
      next.reminderLeadDays = [...new Set(next.reminderLeadDays)].sort((a, b) => b - a);
      state.write({ ...current, preferences: next });
      return next;
    },
  };
}

export type PreferencesService = ReturnType<typeof createPreferences>;
