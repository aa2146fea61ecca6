import { displayText } from '../../electron/common/text.js';
import '../styles/tag-filters.css';

/**
 * The most used tags as toggle buttons (`Tag «tag»`, pressed or not): one tap narrows the list to them. First,
 * when Telnyx reports last use, `Not used for «n» days` (see `unused-keys.ts`).
 */
export function TagFilters(props: {
  tags: string[];
  pressed: string[];
  onToggle: (tag: string) => void;
  unused: { days: number; pressed: boolean; onToggle: () => void } | null;
}) {
  const { unused } = props;
  if (props.tags.length === 0 && !unused) return null;
  return (
    <div className="tag-filters" role="group" aria-label="Quick filters">
      {unused && (
        <button type="button" className="tag-filter" aria-pressed={unused.pressed} onClick={unused.onToggle}>
          Not used for {unused.days} days
        </button>
      )}
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
