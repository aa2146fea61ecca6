import { lazy, Suspense, useCallback, useRef, useState } from 'react';
import { Icon } from './icons.js';
import '../styles/actions-menu.css';

/** The open menu: loaded when a menu first opens (see `MenuPopover`). */
const MenuPopover = lazy(() => import('./menu-popover.js').then((m) => ({ default: m.MenuPopover })));

export type MenuItem =
  | { label: string; onSelect: () => void }
  | { label: string; submenu: { label: string; onSelect: () => void }[] }
  /** An action that is not available here, named so it says why (focusable, as menus should be). */
  | { label: string; disabled: true };

/**
 * A menu button and its menu (`MenuPopover`): arrows move, Enter chooses, Escape closes (without closing the
 * popup), a click outside closes. "Copy as…" style items open their submenu in place, with a way back.
 */
export function ActionsMenu(props: {
  label: string;
  /** The items, or how to get them when the menu opens (a key row's are built, and loaded, then). */
  items: MenuItem[] | (() => Promise<MenuItem[]>);
  tabIndex?: number;
  /** Words on the button ("Snooze…") instead of the ⋯ icon; `label` stays its accessible name. */
  text?: string;
}) {
  const [open, setOpen] = useState(false);
  /** Items got when the menu opened (`items` a function). */
  const [got, setGot] = useState<MenuItem[] | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  const items = typeof props.items === 'function' ? got : props.items;

  const close = useCallback((refocus: boolean) => {
    opening.current += 1;
    setOpen(false);
    setGot(null);
    if (refocus) button.current?.focus();
  }, []);
  /** Which opening items got now belong to: a menu closed meanwhile drops them. */
  const opening = useRef(0);
  const show = () => {
    const mine = (opening.current += 1);
    setOpen(true);
    if (typeof props.items === 'function')
      void props.items().then((loaded) => opening.current === mine && setGot(loaded));
  };

  return (
    <div className="menu-anchor">
      <button
        ref={button}
        type="button"
        className={props.text ? 'text-button' : 'icon-button'}
        aria-label={props.label}
        title={props.text ? undefined : 'More actions'}
        aria-haspopup="menu"
        aria-expanded={open}
        tabIndex={props.tabIndex}
        onClick={() => (open ? close(true) : show())}
        onKeyDown={(event) => {
          if (event.key === 'Escape' && open) {
            event.preventDefault();
            event.stopPropagation();
            close(true);
          }
        }}
      >
        {props.text ?? <Icon name="more" />}
      </button>
      {open && items && (
        <Suspense fallback={null}>
          <MenuPopover label={props.label} items={items} button={button.current} onClose={close} />
        </Suspense>
      )}
    </div>
  );
}
