import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import type { AccountSummary } from '../../electron/common/models.js';
import { keytray } from '../bridge.js';
import type { AccountActions } from './account-switcher.js';
import '../styles/actions-menu.css';
import '../styles/menu-popover.css';

/**
 * The account switcher's menu: every account (a `menuitemradio`, the active one checked), then Add account…,
 * Rename… and Remove… of the active one. Arrows move, Home/End jump, Enter or a click chooses, Escape and Tab
 * close; a click outside closes.
 */
export function AccountMenu(props: {
  anchor: RefObject<HTMLButtonElement | null>;
  onClose: (refocus: boolean) => void;
  actions: AccountActions;
}) {
  const [accounts, setAccounts] = useState<AccountSummary[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const menu = useRef<HTMLUListElement>(null);
  const [place, setPlace] = useState<{ top: number; left: number } | null>(null);
  const { onClose, actions } = props;

  useEffect(() => {
    void keytray.account.list().then((result) => {
      if (result.ok) setAccounts(result.value);
      else setProblem(result.error.message);
    });
  }, []);

  useLayoutEffect(() => {
    const anchor = props.anchor.current?.getBoundingClientRect();
    if (anchor) setPlace({ top: anchor.bottom + 2, left: Math.max(4, anchor.left) });
  }, [props.anchor]);

  useEffect(() => {
    if (accounts === null && problem === null) return;
    const items = menu.current?.querySelectorAll<HTMLElement>('[role^="menuitem"]');
    const checked = menu.current?.querySelector<HTMLElement>('[aria-checked="true"]');
    (checked ?? items?.[0])?.focus();
  }, [accounts, problem]);

  useEffect(() => {
    const outside = (event: MouseEvent) => {
      const target = event.target as Node;
      if (!menu.current?.contains(target) && !props.anchor.current?.contains(target)) onClose(false);
    };
    document.addEventListener('mousedown', outside);
    return () => document.removeEventListener('mousedown', outside);
  }, [onClose, props.anchor]);

  const onKeyDown = (event: KeyboardEvent) => {
    const items = [...(menu.current?.querySelectorAll<HTMLElement>('[role^="menuitem"]') ?? [])];
    const at = items.indexOf(document.activeElement as HTMLElement);
    const move = (to: number) => items[(to + items.length) % items.length]?.focus();
    if (event.key === 'ArrowDown') move(at + 1);
    else if (event.key === 'ArrowUp') move(at - 1);
    else if (event.key === 'Home') move(0);
    else if (event.key === 'End') move(items.length - 1);
    else if (event.key === 'Escape') onClose(true);
    else if (event.key === 'Tab') return onClose(false);
    else return;
    event.preventDefault();
    event.stopPropagation();
  };

  const choose = (action: () => void) => {
    onClose(false);
    action();
  };
  const active = accounts?.find((a) => a.active);

  return (
    <ul
      ref={menu}
      role="menu"
      aria-label="Accounts"
      className="popover-menu account-menu"
      style={place ? { top: place.top, left: place.left } : { visibility: 'hidden' }}
      onKeyDown={onKeyDown}
    >
      {problem && (
        <li role="menuitem" aria-disabled="true" tabIndex={-1}>
          {problem}
        </li>
      )}
      {accounts?.map((account) => (
        <li
          key={account.id}
          role="menuitemradio"
          aria-checked={account.active}
          tabIndex={-1}
          onClick={() => choose(() => !account.active && actions.onSwitch(account.id))}
          onKeyDown={(event) => {
            if (event.key === 'Enter' || event.key === ' ') {
              event.preventDefault();
              choose(() => !account.active && actions.onSwitch(account.id));
            }
          }}
        >
          <span className="account-check" aria-hidden="true">
            {account.active ? '✓' : ''}
          </span>
          <span className="account-label">{account.name}</span>
          {account.mode === 'demo' && <span className="account-kind">simulated</span>}
        </li>
      ))}
      <li role="separator" />
      <Item label="Add account…" onChoose={() => choose(actions.onAdd)} />
      {active && <Item label={`Rename ${active.name}…`} onChoose={() => choose(actions.onRename)} />}
      {active && <Item label={`Remove ${active.name}…`} onChoose={() => choose(actions.onRemove)} />}
    </ul>
  );
}

function Item(props: { label: string; onChoose: () => void }) {
  return (
    <li
      role="menuitem"
      tabIndex={-1}
      onClick={props.onChoose}
      onKeyDown={(event) => {
        if (event.key === 'Enter' || event.key === ' ') {
          event.preventDefault();
          props.onChoose();
        }
      }}
    >
      {props.label}
    </li>
  );
}
