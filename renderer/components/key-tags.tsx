import { useLayoutEffect, useRef, useState } from 'react';
import { displayText } from '../../electron/common/text.js';

/**
 * A key's tags on one line of its row: whole tags only (a tag that does not fit moves off the line whole,
 * never cut mid-word), and "+N" for the ones that did not fit, which shows them on hover (its title) and when
 * the row has focus. The row's accessible name lists every tag, so this is for the eye (aria-hidden).
 */
export function KeyTags(props: { tags: readonly string[]; said: readonly string[] }) {
  const chips = useRef<HTMLSpanElement>(null);
  const [hidden, setHidden] = useState(0);

  // Chips wrap onto lines the row clips; the ones below the first line are the hidden ones. Measured again
  // when the line changes width (the popup resized, or "+N" took room and pushed one more off).
  useLayoutEffect(() => {
    const line = chips.current;
    if (!line) return;
    const measure = () => {
      const all = [...line.querySelectorAll<HTMLElement>('.tag')];
      const top = all[0]?.offsetTop ?? 0;
      setHidden(all.filter((chip) => chip.offsetTop > top).length);
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(line);
    return () => observer.disconnect();
  }, [props.tags]);

  const shown = props.tags.map(displayText);
  const rest = shown.slice(shown.length - hidden);
  return (
    <div className="key-line tags" aria-hidden="true">
      {props.said.map((text) => (
        <span key={text} className="said">
          {text}
        </span>
      ))}
      <span className="tag-chips" ref={chips}>
        {shown.map((tag, i) => (
          <span key={`${i}:${tag}`} className="tag" title={tag}>
            {tag}
          </span>
        ))}
      </span>
      {hidden > 0 && (
        <span className="more-tags" title={rest.join(', ')} data-rest={rest.join(', ')}>
          +{hidden}
        </span>
      )}
    </div>
  );
}
