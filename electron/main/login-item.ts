import { mkdir, rm, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Linux has no login-items API: the freedesktop way is a `.desktop` file in `~/.config/autostart`. macOS
 * and Windows use `app.setLoginItemSettings` (see desktop.ts).
 */
export function autostartEntry(execPath: string): string {
  // An AppImage runs from a temporary mount: the file to start is the AppImage itself.
  const exec = process.env['APPIMAGE'] ?? execPath;
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Name=Keytray',
    'Comment=Telnyx API keys in the menu bar',
    `Exec="${exec.replace(/(["\\`$])/g, '\\$1')}" --hidden`,
    'X-GNOME-Autostart-enabled=true',
    'Terminal=false',
    '',
  ].join('\n');
}

export async function setLinuxAutostart(
  enabled: boolean,
  execPath: string,
  configHome = process.env['XDG_CONFIG_HOME'] || join(homedir(), '.config'),
) {
  const folder = join(configHome, 'autostart');
  const file = join(folder, 'keytray.desktop');
  if (!enabled) return rm(file, { force: true });
  await mkdir(folder, { recursive: true });
  await writeFile(file, autostartEntry(execPath), { mode: 0o644 });
}
