import { forwardRef, useEffect, useImperativeHandle, useLayoutEffect, useRef, useState } from 'react';
import type { KeyView } from '../../electron/common/models.js';
import { KeyRow, type KeyActions, type KeyPermissions } from './key-row.js';
import '../styles/key-list.css';

/**
 * A row's height in px: the one number the virtual list scrolls by and the rows are drawn at (key-row.css reads
 * it as `--row-height`, set on the list below). Three lines: name and id; expiry and user; tags and actions.
 */
export const ROW_HEIGHT = 76;
const OVERSCAN = 4;

export type KeyListHandle = { focusRow(index: number): void };

/**
 * The key list, virtualised: only the rows in view (plus a few) are in the DOM, so 10,000 keys scroll and
 * filter smoothly. Arrow keys, Home and End move between rows (one row and its buttons are in the tab
 * order at a time); Enter copies the focused key.
 */
export const KeyList = forwardRef<
  KeyListHandle,
  {
    keys: KeyView[];
    /**
     * How many keys the whole list has, when `keys` is only its first screen (`KeyList.total`): the list is
     * laid out, and says it is, that long (the rest arrives in a moment).
     */
    size?: number | undefined;
    now: Date;
    /** The horizon of "needs attention" (`KeyList.attention`): rows expiring within it are highlighted. */
    horizonDays: number;
    actions: KeyActions;
    permissions: KeyPermissions;
    onLeaveTop: () => void;
  }
>(function KeyList(props, ref) {
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(400);
  const [active, setActive] = useState(0);
  const pendingFocus = useRef<number | null>(null);
  const [, setRenderTick] = useState(0);
  const count = props.keys.length;
  const size = Math.max(count, props.size ?? count);

  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => entry && setHeight(entry.contentRect.height));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    if (active >= count) setActive(Math.max(0, count - 1));
  }, [active, count]);

  // After the frame that shows these keys: the end of "data ready → list painted" (test/bench).
  useLayoutEffect(() => {
    requestAnimationFrame(() => setTimeout(() => performance.mark('keytray:keys-painted'), 0));
  }, [props.keys]);

  const focusRow = (index: number) => {
    const target = Math.max(0, Math.min(count - 1, index));
    const element = scroller.current;
    if (!element || count === 0) return;
    const top = target * ROW_HEIGHT;
    if (top < element.scrollTop) element.scrollTop = top;
    else if (top + ROW_HEIGHT > element.scrollTop + element.clientHeight)
      element.scrollTop = top + ROW_HEIGHT - element.clientHeight;
    setScrollTop(element.scrollTop);
    setActive(target);
    const row = element.querySelector<HTMLElement>(`[data-index="${target}"]`);
    // In the DOM already: focus now. Scrolled into view just now: after the render that draws it.
    if (row) row.focus();
    else {
      pendingFocus.current = target;
      setRenderTick((tick) => tick + 1);
    }
  };
  useImperativeHandle(ref, () => ({ focusRow }));

  useEffect(() => {
    if (pendingFocus.current === null) return;
    scroller.current?.querySelector<HTMLElement>(`[data-index="${pendingFocus.current}"]`)?.focus();
    pendingFocus.current = null;
  });

  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(count, Math.ceil((scrollTop + height) / ROW_HEIGHT) + OVERSCAN);
  const visible = props.keys.slice(first, last);

  return (
    <div
      className="key-scroll"
      ref={scroller}
      onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}
    >
      <ul
        aria-label="API keys"
        className="key-list"
        style={{ height: size * ROW_HEIGHT, ['--row-height' as string]: `${ROW_HEIGHT}px` }}
        onKeyDown={(event) => {
          const row = (event.target as HTMLElement).closest<HTMLElement>('[data-index]');
          if (!row) return;
          const index = Number(row.dataset['index']);
          if (event.key === 'ArrowDown') focusRow(index + 1);
          else if (event.key === 'ArrowUp') {
            if (index === 0) props.onLeaveTop();
            else focusRow(index - 1);
          } else if (event.key === 'Home') focusRow(0);
          else if (event.key === 'End') focusRow(count - 1);
          else if (event.key === 'Enter' && event.target === row) {
            const key = props.keys[index];
            if (key?.hasSecret) props.actions.copy(key.id, 'raw');
            else if (key) props.actions.saveSecret(key.id);
          } else return;
          event.preventDefault();
        }}
        onFocus={(event) => {
          const row = (event.target as HTMLElement).closest<HTMLElement>('[data-index]');
          if (row) setActive(Number(row.dataset['index']));
        }}
      >
        {visible.map((key, offset) => (
          <KeyRow
            key={key.id}
            item={key}
            now={props.now}
            horizonDays={props.horizonDays}
            index={first + offset}
            setSize={size}
            active={first + offset === active}
            top={(first + offset) * ROW_HEIGHT}
            actions={props.actions}
            permissions={props.permissions}
          />
        ))}
      </ul>
    </div>
  );
});
