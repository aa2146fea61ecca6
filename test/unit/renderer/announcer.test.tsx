import { act, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AnnouncerProvider, INFO_MESSAGE_MS, useAnnounce } from '../../../renderer/hooks/use-announcer.js';

let say: ReturnType<typeof useAnnounce> = () => {};
function Speaker() {
  say = useAnnounce();
  return null;
}
const region = () => screen.getByRole('status');

beforeEach(() => {
  vi.useFakeTimers();
  render(
    <AnnouncerProvider>
      <Speaker />
    </AnnouncerProvider>,
  );
});
afterEach(() => vi.useRealTimers());

describe('the popup’s messages', () => {
  it('a message that something worked leaves after a few seconds', () => {
    act(() => say('Pinned KEY01…AB34 to the tray menu'));
    expect(region().textContent).toBe('Pinned KEY01…AB34 to the tray menu');
    expect(screen.queryByRole('button', { name: 'Dismiss message' })).toBeNull();
    act(() => vi.advanceTimersByTime(INFO_MESSAGE_MS - 1));
    expect(region().textContent).not.toBe('');
    act(() => vi.advanceTimersByTime(1));
    expect(region().textContent).toBe('');
  });

  it('an error stays until dismissed, its Dismiss outside the announced text', () => {
    act(() => say('Telnyx could not be reached', 'error'));
    act(() => vi.advanceTimersByTime(INFO_MESSAGE_MS * 10));
    expect(region().textContent).toBe('Telnyx could not be reached');
    act(() => screen.getByRole('button', { name: 'Dismiss message' }).click());
    expect(region().textContent).toBe('');
    expect(screen.queryByRole('button', { name: 'Dismiss message' })).toBeNull();
  });

  it('a newer message restarts the time a success message stays', () => {
    act(() => say('Copied A'));
    act(() => vi.advanceTimersByTime(INFO_MESSAGE_MS - 1000));
    act(() => say('Copied B'));
    act(() => vi.advanceTimersByTime(INFO_MESSAGE_MS - 1000));
    expect(region().textContent).toBe('Copied B');
  });
});
