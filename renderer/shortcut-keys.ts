/**
 * The global shortcut as the person presses it, and as they read it. Electron wants an accelerator
 * ("CommandOrControl+Shift+K"); people press keys and read "Ctrl+Shift+K" (or "Cmd+Shift+K" on a Mac).
 */

const MODIFIER_KEYS = new Set(['Control', 'Shift', 'Alt', 'Meta', 'AltGraph', 'CapsLock', 'Fn', 'OS']);

/** The key's name in an accelerator, from `KeyboardEvent.code` (layout-independent), or null if not usable. */
function acceleratorKey(code: string): string | null {
  const letter = /^Key([A-Z])$/.exec(code);
  if (letter) return letter[1] as string;
  const digit = /^(?:Digit|Numpad)([0-9])$/.exec(code);
  if (digit) return digit[1] as string;
  if (/^F([1-9]|1[0-9]|2[0-4])$/.test(code)) return code;
  const named: Record<string, string> = {
    Space: 'Space',
    ArrowUp: 'Up',
    ArrowDown: 'Down',
    ArrowLeft: 'Left',
    ArrowRight: 'Right',
    Home: 'Home',
    End: 'End',
    PageUp: 'PageUp',
    PageDown: 'PageDown',
    Insert: 'Insert',
  };
  return named[code] ?? null;
}

export type Pressed =
  /** A whole shortcut: modifiers and a key. */
  | { kind: 'shortcut'; accelerator: string }
  /** Only modifiers so far ("Ctrl+Shift+…"): keep listening. */
  | { kind: 'partial'; words: string }
  /** A key a global shortcut can't use without a modifier, or one an accelerator can't name. */
  | { kind: 'refused'; why: string };

/** What a key press in the shortcut field makes. `mac`: Command is the primary modifier. */
export function shortcutFromKeys(
  event: Pick<KeyboardEvent, 'key' | 'code' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>,
  mac: boolean,
): Pressed {
  const modifiers: string[] = [];
  if (mac ? event.metaKey : event.ctrlKey) modifiers.push('CommandOrControl');
  if (mac && event.ctrlKey) modifiers.push('Control');
  if (!mac && event.metaKey) modifiers.push('Super');
  if (event.altKey) modifiers.push('Alt');
  if (event.shiftKey) modifiers.push('Shift');
  if (MODIFIER_KEYS.has(event.key)) {
    return { kind: 'partial', words: modifiers.map((m) => modifierWord(m, mac)).join('+') + '+…' };
  }
  const key = acceleratorKey(event.code);
  if (key === null) return { kind: 'refused', why: 'Use a letter, a digit or a function key (F1–F24).' };
  const functionKey = /^F\d+$/.test(key);
  if (modifiers.length === 0 && !functionKey)
    return { kind: 'refused', why: 'Hold Ctrl, Alt or Shift too (Cmd on a Mac), or use a function key.' };
  return { kind: 'shortcut', accelerator: [...modifiers, key].join('+') };
}

function modifierWord(modifier: string, mac: boolean): string {
  if (modifier === 'CommandOrControl' || modifier === 'CmdOrCtrl') return mac ? 'Cmd' : 'Ctrl';
  if (modifier === 'Control' || modifier === 'Ctrl') return 'Ctrl';
  if (modifier === 'Super' || modifier === 'Meta') return mac ? 'Cmd' : 'Win';
  if (modifier === 'Alt' || modifier === 'Option') return mac ? 'Option' : 'Alt';
  return modifier;
}

/** "CommandOrControl+Shift+K" → "Ctrl+Shift+K" (or "Cmd+Shift+K" on a Mac); empty → "Off". */
export function shortcutWords(accelerator: string, mac: boolean): string {
  if (accelerator === '') return 'Off';
  return accelerator
    .split('+')
    .map((part) => modifierWord(part, mac))
    .join('+');
}

/** Whether this computer is a Mac, for the words above (the popup runs where the shortcut is pressed). */
export const isMac = () => /Mac|iPhone|iPad/.test(navigator.userAgent);
