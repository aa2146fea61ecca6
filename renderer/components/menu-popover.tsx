import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import type { MenuItem } from './actions-menu.js';
import '../styles/menu-popover.css';

/**
 * The open menu of `ActionsMenu`, loaded the first time a menu opens (the popup's first screen has a size
 * budget, and most people copy without opening one). Arrows move, Enter chooses, Escape closes (without
 * closing the popup), a click outside closes; "Copy as…" style items open their submenu in place, with a way
 * back. It lives in a portal, placed by the button: rows and the scroll area must not clip or cover it.
 */
export function MenuPopover(props: {
  label: string;
  items: MenuItem[];
  button: HTMLButtonElement | null;
  onClose: (refocus: boolean) => void;
}) {
  const [submenu, setSubmenu] = useState<number | null>(null);
  const menu = useRef<HTMLUListElement>(null);
  const [place, setPlace] = useState<{ top: number; right: number } | null>(null);
  const { button, onClose: close } = props;

  useLayoutEffect(() => {
    if (!button || !menu.current) return;
    const anchor = button.getBoundingClientRect();
    const height = menu.current.offsetHeight;
    const below = anchor.bottom + 2 + height <= window.innerHeight;
    setPlace({
      top: below ? anchor.bottom + 2 : Math.max(4, anchor.top - 2 - height),
      right: Math.max(4, window.innerWidth - anchor.right),
    });
  }, [button, submenu]);

  useEffect(() => {
    menu.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    const outside = (event: MouseEvent) => {
      if (!menu.current?.contains(event.target as Node) && event.target !== button) close(false);
    };
    document.addEventListener('mousedown', outside);
    return () => document.removeEventListener('mousedown', outside);
  }, [button, close, submenu]);

  const current = submenu === null ? props.items : [];
  const sub = submenu !== null ? props.items[submenu] : undefined;
  const entries =
    sub && 'submenu' in sub
      ? [
          { label: '‹ Back', onSelect: () => setSubmenu(null) },
          ...sub.submenu.map((s) => ({ ...s, onSelect: () => (close(true), s.onSelect()) })),
        ]
      : current.map((item, index) =>
          'submenu' in item
            ? { label: item.label, onSelect: () => setSubmenu(index), hasPopup: true }
            : 'disabled' in item
              ? { label: item.label, onSelect: () => {}, disabled: true }
              : { label: item.label, onSelect: () => (close(true), item.onSelect()) },
        );

  return createPortal(
    <ul
      ref={menu}
      // Measured first at opacity 0 (still focusable), then placed.
      style={place ? { top: place.top, right: place.right } : { top: 0, right: 0, opacity: 0 }}
      role="menu"
      aria-label={sub ? sub.label : props.label}
      className="popover-menu"
      onKeyDown={(event) => {
        const items = [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
        const at = items.indexOf(document.activeElement as HTMLElement);
        if (event.key === 'ArrowDown') items[(at + 1) % items.length]?.focus();
        else if (event.key === 'ArrowUp') items[(at - 1 + items.length) % items.length]?.focus();
        else if (event.key === 'Escape') close(true);
        else if (event.key === 'Tab') close(false);
        else if (event.key === 'Enter' || event.key === ' ') (document.activeElement as HTMLElement).click();
        else return;
        event.preventDefault();
        event.stopPropagation();
      }}
    >
      {entries.map((entry) => (
        <li
          key={entry.label}
          role="menuitem"
          tabIndex={-1}
          aria-haspopup={'hasPopup' in entry ? 'menu' : undefined}
          aria-disabled={'disabled' in entry ? true : undefined}
          onClick={entry.onSelect}
        >
          {entry.label}
        </li>
      ))}
    </ul>,
    document.body,
  );
}
