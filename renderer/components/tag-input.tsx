import { useId, useImperativeHandle, useState, type Ref } from 'react';
import { checkTags, MAX_TAGS } from '../../electron/common/tags.js';
import { displayText, isPlainText } from '../../electron/common/text.js';
import { ErrorAlert } from './dialog.js';
import '../styles/tag-input.css';

/** What a form asks of the tag field when it is submitted. */
export type TagInputHandle = {
  /**
   * Adds the text still in the field (typed, never confirmed with Enter or a comma) as tags, and returns every
   * tag; null when that text is refused (the field says why, and the form should not be sent).
   */
  commitDraft(): string[] | null;
};

/**
 * Tags for someone who is not a developer: type and press Enter (or a comma) to add; each tag has a Remove
 * button; tags already in use are suggested; the eleventh is refused in plain words. Text left in the field is
 * added when the form is sent (`commitDraft`), never silently dropped.
 */
export function TagInput(props: {
  tags: string[];
  onChange: (tags: string[]) => void;
  suggestions: readonly string[];
  ref?: Ref<TagInputHandle>;
}) {
  const [draft, setDraft] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const hintId = useId();
  const full = props.tags.length >= MAX_TAGS;

  /** Adds the comma-separated tags in `raw`; returns every tag, or null when they were refused. */
  const add = (raw: string): string[] | null => {
    const parts = raw
      .split(',')
      .map((p) => p.trim())
      .filter(Boolean);
    if (parts.length === 0) return props.tags;
    // The chips already passed (or came from Telnyx as they are): only the new parts are checked.
    const checked = checkTags([...props.tags, ...parts], { existing: props.tags });
    if (!checked.ok) {
      setProblem(checked.message);
      return null;
    }
    setProblem(null);
    props.onChange(checked.tags);
    setDraft('');
    return checked.tags;
  };

  useImperativeHandle(props.ref, () => ({
    commitDraft: () => {
      if (draft.trim() === '') return props.tags;
      if (full) {
        setProblem(`A key can have at most ${MAX_TAGS} tags. Remove one, or clear the text in Tags.`);
        return null;
      }
      return add(draft);
    },
  }));

  const lower = new Set(props.tags.map((t) => t.toLowerCase()));
  // A tag from another key with a control character would be refused here: don't offer it.
  const suggestions = props.suggestions
    .filter((s) => isPlainText(s))
    .filter((s) => !lower.has(s.toLowerCase()) && s.toLowerCase().startsWith(draft.trim().toLowerCase()))
    .slice(0, 6);

  return (
    <div className="tag-input">
      <label>
        Tags
        <input
          type="text"
          value={draft}
          aria-describedby={hintId}
          placeholder={full ? 'Ten tags is the most a key can have' : 'e.g. prod, sms'}
          onChange={(event) => {
            const value = event.target.value;
            if (value.endsWith(',')) void add(value);
            else setDraft(value);
          }}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              if (full && draft.trim()) setProblem(`A key can have at most ${MAX_TAGS} tags.`);
              else void add(draft);
            } else if (event.key === 'Backspace' && draft === '' && props.tags.length) {
              props.onChange(props.tags.slice(0, -1));
            }
          }}
        />
      </label>
      <p id={hintId} className="hint">
        Press Enter or a comma after each tag. Up to {MAX_TAGS} tags ({props.tags.length} so far).
      </p>
      {props.tags.length > 0 && (
        <ul className="chips" aria-label="Chosen tags">
          {props.tags.map((tag) => (
            <li key={tag} className="chip">
              {displayText(tag)}
              <button
                type="button"
                aria-label={`Remove tag ${displayText(tag)}`}
                onClick={() => props.onChange(props.tags.filter((t) => t !== tag))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      {suggestions.length > 0 && !full && (
        <div className="suggestions" aria-label="Tags already in use" role="group">
          {suggestions.map((tag) => (
            <button
              type="button"
              key={tag}
              className="suggestion"
              aria-label={`Add tag ${tag}`}
              onClick={() => void add(tag)}
            >
              + {tag}
            </button>
          ))}
        </div>
      )}
      <ErrorAlert message={problem} />
    </div>
  );
}
