/**
 * The popup's show/hide rules, apart from Electron so they can be tested with a fake clock:
 * - a click on the tray toggles;
 * - losing focus hides, after a short delay (focus can bounce while a native dialog opens);
 * - on Windows, clicking the tray while the popup is open fires `blur` first, then `click`: a naive toggle
 *   would hide and show again (max-mapper/menubar#274). A click within `clickGraceMs` of a blur-hide is
 *   that same click, and is ignored.
 */
export type PopupToggleDeps = {
  show(): void;
  hide(): void;
  isVisible(): boolean;
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
};

export const BLUR_HIDE_DELAY_MS = 100;
export const CLICK_GRACE_MS = 250;

export function createPopupToggle(deps: PopupToggleDeps) {
  let pendingBlur: unknown = null;
  let hiddenByBlurAt = -Infinity;

  const cancelBlur = () => {
    if (pendingBlur !== null) deps.clearTimeout(pendingBlur);
    pendingBlur = null;
  };

  return {
    trayClicked() {
      if (pendingBlur !== null) {
        // The blur of this very click has not hidden the popup yet: the person wants it closed.
        cancelBlur();
        deps.hide();
        hiddenByBlurAt = deps.now();
        return;
      }
      if (deps.isVisible()) deps.hide();
      else if (deps.now() - hiddenByBlurAt > CLICK_GRACE_MS) deps.show();
    },
    blurred() {
      cancelBlur();
      pendingBlur = deps.setTimeout(() => {
        pendingBlur = null;
        if (!deps.isVisible()) return;
        deps.hide();
        hiddenByBlurAt = deps.now();
      }, BLUR_HIDE_DELAY_MS);
    },
    focused: cancelBlur,
    /** From the shortcut, a second launch, a notification, the menu: always show. */
    open() {
      cancelBlur();
      deps.show();
    },
  };
}

export type PopupToggle = ReturnType<typeof createPopupToggle>;
