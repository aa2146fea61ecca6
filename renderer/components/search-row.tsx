import type { RefObject } from 'react';
import type { MainTab } from './main-header.js';

/**
 * Search, where the popup puts focus when it opens: type a few letters, Enter copies the first key that works
 * (`onEnter`), ArrowDown moves into the list. The placeholder says what it searches.
 */
export function SearchRow(props: {
  inputRef: RefObject<HTMLInputElement | null>;
  tab: MainTab;
  query: string;
  onQuery: (query: string) => void;
  onEnter: () => void;
  onArrowDown: () => void;
}) {
  return (
    <div className="search-row">
      <input
        ref={props.inputRef}
        type="search"
        aria-label="Search"
        placeholder={props.tab === 'keys' ? 'Search name, tag, id or user   /' : 'Search tokens   /'}
        value={props.query}
        onChange={(event) => props.onQuery(event.target.value)}
        onKeyDown={(event) => {
          if (props.tab !== 'keys') return;
          if (event.key === 'Enter') {
            event.preventDefault();
            props.onEnter();
          } else if (event.key === 'ArrowDown') {
            event.preventDefault();
            props.onArrowDown();
          }
        }}
      />
    </div>
  );
}
