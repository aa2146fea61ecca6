import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../../../electron/core/clock/manual-clock.js';
import { createSecureClipboard } from '../../../../electron/core/clipboard/secure-clipboard.js';
import { createFakeDesktop } from '../../../fixtures/fake-desktop.js';

/** Clearing reads and writes the (async) clipboard: let those promises settle. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

function setup(seconds = 30) {
  const clock = createManualClock(new Date('2026-01-01T00:00:00Z'));
  const desktop = createFakeDesktop();
  let cleared = 0;
  const clipboard = createSecureClipboard({
    desktop,
    clock,
    clearAfterSeconds: () => seconds,
    onCleared: () => cleared++,
  });
  return { clock, desktop, clipboard, cleared: () => cleared };
}

describe('secure clipboard', () => {
  it('clears after the chosen seconds when it still holds what Keytray wrote', async () => {
    const { clock, desktop, clipboard, cleared } = setup(30);
    expect(await clipboard.copy('secret-1')).toBe(30);
    expect(desktop.clipboardMarkedSecret).toBe(true);
    clock.advance(29_999);
    await settle();
    expect(desktop.clipboard).toBe('secret-1');
    clock.advance(1);
    await settle();
    expect(desktop.clipboard).toBe('');
    expect(cleared()).toBe(1);
  });

  it("never wipes the person's own later copy", async () => {
    const { clock, desktop, clipboard, cleared } = setup(10);
    await clipboard.copy('secret-1');
    desktop.clipboard = 'my own text';
    clock.advance(10_000);
    await settle();
    expect(desktop.clipboard).toBe('my own text');
    expect(cleared()).toBe(0);
  });

  it('a second copy restarts the timer; never means never', async () => {
    const { clock, desktop, clipboard } = setup(10);
    await clipboard.copy('one');
    clock.advance(8_000);
    await clipboard.copy('two');
    clock.advance(8_000);
    await settle();
    expect(desktop.clipboard).toBe('two');
    clock.advance(2_000);
    await settle();
    expect(desktop.clipboard).toBe('');

    const never = setup(0);
    expect(await never.clipboard.copy('kept')).toBeNull();
    never.clock.advance(86_400_000);
    await settle();
    expect(never.desktop.clipboard).toBe('kept');
  });

  it('clears at quit, but only what is still ours', async () => {
    const { desktop, clipboard } = setup(0);
    await clipboard.copy('secret');
    await clipboard.clearNow();
    expect(desktop.clipboard).toBe('');
    await clipboard.copy('secret');
    desktop.clipboard = 'mine';
    await clipboard.clearNow();
    expect(desktop.clipboard).toBe('mine');
  });
});
