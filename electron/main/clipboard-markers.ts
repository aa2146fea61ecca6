/**
 * Raw clipboard formats that keep a copied secret out of clipboard managers and history, written in the
 * same atomic `clipboard.write()` as the text (Electron 44+ takes custom formats, electron/electron#11838):
 * - macOS: `org.nspasteboard.ConcealedType` (the nspasteboard.org convention clipboard managers honour);
 * - Windows: `ExcludeClipboardContentFromMonitorProcessing`, and `CanIncludeInClipboardHistory` /
 *   `CanUploadToCloudClipboard` as a DWORD 0, so Win+V history and cloud sync skip it (bitwarden/desktop#557);
 * - Linux: `x-kde-passwordManagerHint` = `secret`, which KDE's Klipper honours (keepassxc#3008). GNOME has no
 *   such convention: there the clear timer is the protection.
 */
const raw = (format: string) => `electron application/osclipboard;format="${format}"`;
const DWORD_ZERO = new Uint8Array(4);

export function secretClipboardMarkers(platform: NodeJS.Platform): Record<string, string | Blob> {
  switch (platform) {
    case 'darwin':
      return { [raw('org.nspasteboard.ConcealedType')]: '' };
    case 'win32':
      return {
        [raw('ExcludeClipboardContentFromMonitorProcessing')]: '',
        [raw('CanIncludeInClipboardHistory')]: new Blob([DWORD_ZERO]),
        [raw('CanUploadToCloudClipboard')]: new Blob([DWORD_ZERO]),
      };
    default:
      return { [raw('x-kde-passwordManagerHint')]: 'secret' };
  }
}
