import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { bridge } from './fake-bridge.js';

/**
 * The popup's component tests run in jsdom. What jsdom lacks and the popup uses is filled in here, as small
 * as it can be: the native <dialog>'s modal methods, and ResizeObserver (no layout here, so it never fires).
 */
Object.defineProperty(window, 'keytray', { value: bridge.api, configurable: true });

if (!HTMLDialogElement.prototype.showModal) {
  HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
  HTMLDialogElement.prototype.close = function close(this: HTMLDialogElement) {
    if (!this.hasAttribute('open')) return;
    this.removeAttribute('open');
    this.dispatchEvent(new Event('close'));
  };
}

globalThis.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
};

afterEach(() => {
  cleanup();
  bridge.reset();
});
