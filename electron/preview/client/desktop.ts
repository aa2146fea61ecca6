import type { TrayMenuItem, TrayModel } from '../../core/tray-model/tray-model.js';
import { adoptTokenFromAddress, hasToken, openEventStream, previewFetch } from './session.js';

/**
 * The simulated desktop page: a tray icon (tooltip and badge from the core's tray model), the tray menu built
 * from the same model, notification toasts, and the popup iframe. Everything it shows comes from the preview
 * server's desktop events; every click goes back to it. It takes the run's token out of the address first, so
 * the popup it frames finds it in this tab's sessionStorage.
 */
type Notification = { title: string; body: string; keyIds: string[] };
type CopyConfirmation = { title: string; body: string; showForMs: number };

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const tray = byId<HTMLButtonElement>('tray');
const badge = byId<HTMLSpanElement>('badge');
const menu = byId<HTMLUListElement>('menu');
const popup = byId<HTMLIFrameElement>('popup');
const notifications = byId<HTMLElement>('notifications');
const status = byId<HTMLDivElement>('desktop-status');
const clock = byId<HTMLSpanElement>('clock');
const trayTitle = byId<HTMLSpanElement>('tray-title');
const signIn = byId<HTMLParagraphElement>('sign-in');
let model: TrayModel | null = null;
let popupVisible = false;

adoptTokenFromAddress();
const showSignIn = () => (signIn.hidden = false);
if (!hasToken()) showSignIn();
// Loaded only now, after the token is in sessionStorage, so the popup's bridge finds it.
popup.src = '/popup/index.html';

const post = async (path: string, body: unknown) => {
  const response = await previewFetch(path, { body });
  if (response.status === 401) showSignIn();
  return response;
};

function renderTray(next: TrayModel | null) {
  model = next;
  const tooltip = next?.tooltip ?? 'Keytray';
  tray.setAttribute('aria-label', tooltip);
  tray.title = tooltip;
  // The same number as the tooltip (which names its horizon), the popup's banner and the grouped reminder.
  const count = next?.badge ?? 0;
  badge.hidden = count === 0;
  badge.textContent = String(count);
  if (!menu.hidden) renderMenu();
}

function renderMenu() {
  menu.replaceChildren(
    ...(model?.menu ?? []).map((item: TrayMenuItem, index) => {
      const li = document.createElement('li');
      if (item.kind === 'separator') {
        li.setAttribute('role', 'separator');
        return li;
      }
      li.setAttribute('role', item.kind === 'account' ? 'menuitemradio' : 'menuitem');
      if (item.kind === 'account') li.setAttribute('aria-checked', String(item.active));
      li.dataset['kind'] = item.kind;
      li.tabIndex = -1;
      li.textContent = item.label;
      // A hint ("Pin a key … to copy it from here") and an account's name above its pinned items are greyed
      // out and do nothing, as in a native menu.
      if (item.kind === 'hint' || item.kind === 'heading') li.setAttribute('aria-disabled', 'true');
      else li.addEventListener('click', () => void choose(index));
      return li;
    }),
  );
}

const items = () => [...menu.querySelectorAll<HTMLLIElement>('[role="menuitem"], [role="menuitemradio"]')];

function openMenu() {
  // Like a real tray: the menu takes focus, so the popup loses it and hides.
  if (popupVisible) void post('/api/desktop/popup', { visible: false });
  renderMenu();
  menu.hidden = false;
  tray.setAttribute('aria-expanded', 'true');
  items()[0]?.focus();
}

function closeMenu(refocus = true) {
  menu.hidden = true;
  tray.setAttribute('aria-expanded', 'false');
  if (refocus) tray.focus();
}

async function choose(index: number) {
  closeMenu(false);
  const response = await post('/api/desktop/tray', { index });
  const answer = (await response.json().catch(() => ({}))) as { error?: string };
  if (answer.error) status.textContent = answer.error;
}

function setPopup(visible: boolean) {
  const wasVisible = popupVisible;
  popupVisible = visible;
  popup.hidden = !visible;
  if (visible) popup.contentWindow?.focus();
  // Focus returns to the tray icon when the popup closes, as it does to the menu bar on a desktop.
  else if (wasVisible && (document.activeElement === popup || document.activeElement === document.body))
    tray.focus();
}

/**
 * A copy, confirmed beside the tray icon for a few seconds (as a macOS tray title; Electron shows a short
 * notification): the popup may already be hidden, and a tray-menu copy never had one.
 */
let trayTitleTimer: ReturnType<typeof setTimeout> | undefined;
function showCopyConfirmation(confirmation: CopyConfirmation) {
  clearTimeout(trayTitleTimer);
  trayTitle.textContent = `${confirmation.title}. ${confirmation.body}`;
  trayTitle.hidden = false;
  trayTitleTimer = setTimeout(() => {
    trayTitle.hidden = true;
    trayTitle.textContent = '';
  }, confirmation.showForMs);
}

/**
 * A file the core saves (the calendar export): the preview has no save dialog, so the browser downloads it,
 * asking where or using its downloads folder as the person set it.
 */
function download({ name, text }: { name: string; text: string }) {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([text], { type: 'text/calendar' }));
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}

function renderNotifications(list: Notification[]) {
  notifications.replaceChildren(
    ...list.map((n, index) => {
      const button = document.createElement('button');
      const title = document.createElement('strong');
      title.textContent = n.title;
      button.append(title, document.createTextNode(n.body));
      button.addEventListener('click', () => {
        button.remove();
        void post('/api/desktop/notification', { index });
      });
      return button;
    }),
  );
}

tray.addEventListener('click', () => void post('/api/desktop/popup', { visible: !popupVisible }));
tray.addEventListener('contextmenu', (event) => {
  event.preventDefault();
  openMenu();
});
tray.addEventListener('keydown', (event) => {
  if ((event.key === 'F10' && event.shiftKey) || event.key === 'ContextMenu') {
    event.preventDefault();
    openMenu();
  }
});
menu.addEventListener('keydown', (event) => {
  const all = items();
  const at = all.indexOf(document.activeElement as HTMLLIElement);
  if (event.key === 'ArrowDown') all[(at + 1) % all.length]?.focus();
  else if (event.key === 'ArrowUp') all[(at - 1 + all.length) % all.length]?.focus();
  else if (event.key === 'Escape' || event.key === 'Tab') closeMenu();
  else if (event.key === 'Enter' || event.key === ' ') (document.activeElement as HTMLElement).click();
  else return;
  event.preventDefault();
});
document.addEventListener('click', (event) => {
  if (!menu.hidden && !menu.contains(event.target as Node) && event.target !== tray) closeMenu(false);
});

openEventStream(
  '/api/desktop/events',
  (event, payload) => {
    if (event === 'tray') renderTray(payload as TrayModel | null);
    else if (event === 'notifications') renderNotifications(payload as Notification[]);
    else if (event === 'popup') setPopup((payload as { visible: boolean }).visible);
    else if (event === 'download') download(payload as { name: string; text: string });
    else if (event === 'copied') showCopyConfirmation(payload as CopyConfirmation);
    else if (event === 'opened')
      status.textContent = `Opened ${(payload as { url: string }).url} in the browser`;
  },
  showSignIn,
);

const tick = () =>
  (clock.textContent = new Date().toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }));
tick();
setInterval(tick, 30_000);
