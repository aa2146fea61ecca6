import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createElectronDesktop } from '../../../electron/main/desktop.js';
import { secretClipboardMarkers } from '../../../electron/main/clipboard-markers.js';
import { autostartEntry, setLinuxAutostart } from '../../../electron/main/login-item.js';
import { clipboard, globalShortcut, Notification, shell } from '../../fixtures/fake-electron.js';

const desktop = (platform: NodeJS.Platform = process.platform) =>
  createElectronDesktop({
    logger: { info: () => {}, warn: () => {}, error: () => {} },
    tray: () => null,
    popup: () => null,
    onNotificationClick: () => {},
    platform,
  });

describe('Electron desktop adapter', () => {
  it('writes a secret and its do-not-record markers in one clipboard item', async () => {
    await desktop().writeClipboard('KEY1_secret', { secret: true });
    const item = clipboard.lastWrite?.[0];
    expect(clipboard.lastWrite).toHaveLength(1);
    expect(item?.items['text/plain']).toBe('KEY1_secret');
    expect(Object.keys(item?.items ?? {})).toEqual([
      'text/plain',
      ...Object.keys(secretClipboardMarkers(process.platform)),
    ]);
    expect(await desktop().readClipboard()).toBe('KEY1_secret');
    await desktop().writeClipboard('', { secret: false });
    expect(clipboard.text).toBe('');
  });

  it('marks secrets per platform', () => {
    expect(Object.keys(secretClipboardMarkers('darwin'))).toEqual([
      'electron application/osclipboard;format="org.nspasteboard.ConcealedType"',
    ]);
    expect(Object.keys(secretClipboardMarkers('win32'))).toEqual([
      'electron application/osclipboard;format="ExcludeClipboardContentFromMonitorProcessing"',
      'electron application/osclipboard;format="CanIncludeInClipboardHistory"',
      'electron application/osclipboard;format="CanUploadToCloudClipboard"',
    ]);
    expect(secretClipboardMarkers('linux')).toEqual({
      'electron application/osclipboard;format="x-kde-passwordManagerHint"': 'secret',
    });
  });

  it('on Linux, markup in a notification body shows as typed; elsewhere the body is plain text already', () => {
    const body = 'Key <b>R&D</b> "ops" expires in 7 days';
    const notification = { title: 'Key <b> expires', body, keyIds: [] };
    desktop('linux').notify(notification);
    desktop('darwin').notify(notification);
    desktop('win32').notify(notification);
    expect(Notification.shown.slice(-3).map((n) => n.options)).toEqual([
      {
        title: 'Key <b> expires',
        body: 'Key &lt;b&gt;R&amp;D&lt;/b&gt; &quot;ops&quot; expires in 7 days',
      },
      { title: 'Key <b> expires', body },
      { title: 'Key <b> expires', body },
    ]);
  });

  it("takes back the notifications still on screen (another account's)", () => {
    const adapter = desktop('linux');
    adapter.notify({ title: 'Key expires', body: 'prod …AB34 expires tomorrow', keyIds: [] });
    adapter.notify({ title: 'Key expired', body: 'ops …CD12 expired', keyIds: [] });
    const [first, second] = Notification.shown.slice(-2);
    adapter.withdrawNotifications();
    expect([first?.closed, second?.closed]).toEqual([true, true]);
  });

  it('opens only the allow-listed Telnyx links', () => {
    desktop().openExternal('https://portal.telnyx.com/#/app/api-keys');
    desktop().openExternal('https://portal.telnyx.com/');
    desktop().openExternal('https://evil.example/phish');
    desktop().openExternal('file:///etc/passwd');
    expect(shell.opened).toEqual(['https://portal.telnyx.com/#/app/api-keys']);
  });

  it('a shortcut another app holds, or a malformed one, is refused; empty turns it off', () => {
    expect(desktop().registerShortcut('CommandOrControl+Shift+T')).toBe(false);
    expect(desktop().registerShortcut('Ctrl + ?')).toBe(false);
    expect(desktop().registerShortcut('CommandOrControl+Shift+K')).toBe(true);
    expect([...globalShortcut.registered.keys()]).toEqual(['CommandOrControl+Shift+K']);
    expect(desktop().registerShortcut('')).toBe(true);
    expect(globalShortcut.registered.size).toBe(0);
  });

  it('launch at login on Linux is an autostart .desktop file, removed when turned off', async () => {
    const config = mkdtempSync(join(tmpdir(), 'keytray-autostart-'));
    await setLinuxAutostart(true, '/opt/Keytray/keytray', config);
    const file = join(config, 'autostart', 'keytray.desktop');
    expect(readFileSync(file, 'utf8')).toBe(autostartEntry('/opt/Keytray/keytray'));
    expect(readFileSync(file, 'utf8')).toContain('Exec="/opt/Keytray/keytray" --hidden');
    await setLinuxAutostart(false, '/opt/Keytray/keytray', config);
    expect(existsSync(file)).toBe(false);
  });
});
