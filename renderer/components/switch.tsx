import '../styles/switch.css';

/**
 * A toggle that says it is one: role=switch with aria-checked. Apart from the dialogs (`dialog.tsx`, which
 * re-exports it): every key row has one, and the dialogs load only when one first opens.
 */
export function Switch(props: {
  label: string;
  checked: boolean;
  onChange: (next: boolean) => void;
  tabIndex?: number;
  visibleLabel?: boolean;
}) {
  return (
    <button
      type="button"
      role="switch"
      className="switch"
      aria-checked={props.checked}
      aria-label={props.visibleLabel ? undefined : props.label}
      tabIndex={props.tabIndex}
      onClick={() => props.onChange(!props.checked)}
    >
      <span className="switch-track" aria-hidden="true">
        <span className="switch-thumb" />
      </span>
      {props.visibleLabel && <span>{props.label}</span>}
    </button>
  );
}
