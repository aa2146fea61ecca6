import { describe, expect, it } from 'vitest';
import { BLUR_HIDE_DELAY_MS, createPopupToggle } from '../../../electron/main/popup-toggle.js';

function setup() {
  let now = 0;
  let visible = false;
  const timers: { due: number; callback: () => void; id: number }[] = [];
  let nextId = 1;
  const log: string[] = [];
  const toggle = createPopupToggle({
    show: () => ((visible = true), log.push('show')),
    hide: () => ((visible = false), log.push('hide')),
    isVisible: () => visible,
    now: () => now,
    setTimeout: (callback, ms) => {
      const timer = { due: now + ms, callback, id: nextId++ };
      timers.push(timer);
      return timer.id;
    },
    clearTimeout: (id) => timers.splice(timers.findIndex((t) => t.id === id) >>> 0, 1),
  });
  const advance = (ms: number) => {
    now += ms;
    for (const timer of [...timers].sort((a, b) => a.due - b.due)) {
      if (timer.due <= now && timers.includes(timer)) {
        timers.splice(timers.indexOf(timer), 1);
        timer.callback();
      }
    }
  };
  return { toggle, advance, log, visible: () => visible };
}

describe('popup toggle', () => {
  it('a tray click shows, the next hides', () => {
    const { toggle, log } = setup();
    toggle.trayClicked();
    toggle.trayClicked();
    expect(log).toEqual(['show', 'hide']);
  });

  it('hides on blur after a short delay, unless focus comes back', () => {
    const { toggle, advance, log, visible } = setup();
    toggle.trayClicked();
    toggle.blurred();
    advance(BLUR_HIDE_DELAY_MS - 1);
    toggle.focused();
    advance(1000);
    expect(visible()).toBe(true);
    toggle.blurred();
    advance(BLUR_HIDE_DELAY_MS);
    expect(log).toEqual(['show', 'hide']);
  });

  it('Windows order, blur then click: the popup closes and stays closed (menubar#274)', () => {
    const { toggle, advance, log, visible } = setup();
    toggle.trayClicked();
    // Blur fires, its delayed hide runs, then the click that caused it arrives.
    toggle.blurred();
    advance(BLUR_HIDE_DELAY_MS);
    advance(40);
    toggle.trayClicked();
    expect(visible()).toBe(false);
    expect(log).toEqual(['show', 'hide']);
    // A real click later opens it again.
    advance(1000);
    toggle.trayClicked();
    expect(visible()).toBe(true);
  });

  it('blur then click before the delayed hide: closes once, no flicker', () => {
    const { toggle, advance, log, visible } = setup();
    toggle.trayClicked();
    toggle.blurred();
    advance(30);
    toggle.trayClicked();
    advance(1000);
    expect(visible()).toBe(false);
    expect(log).toEqual(['show', 'hide']);
  });

  it('the shortcut, a second launch or a notification always shows', () => {
    const { toggle, log } = setup();
    toggle.open();
    toggle.open();
    expect(log).toEqual(['show', 'show']);
  });
});
