import { displayText } from '../../electron/common/text.js';
import '../styles/tag-filters.css';

/** The most used tags as toggle buttons (`Tag «tag»`, pressed or not): one tap narrows the list to them. */
export function TagFilters(props: { tags: string[]; pressed: string[]; onToggle: (tag: string) => void }) {
  if (props.tags.length === 0) return null;
  return (
    <div className="tag-filters" role="group" aria-label="Filter by tag">
      {props.tags.map((tag) => (
        <button
          key={tag}
          type="button"
          className="tag-filter"
          aria-label={`Tag ${displayText(tag)}`}
          aria-pressed={props.pressed.includes(tag)}
          onClick={() => props.onToggle(tag)}
        >
          {displayText(tag)}
        </button>
      ))}
    </div>
  );
}
