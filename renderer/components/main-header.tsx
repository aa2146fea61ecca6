import { Icon } from './icons.js';

export type MainTab = 'keys' | 'tokens';

/**
 * The popup's header: the two tabs (arrow keys move between them) and Create key, Sync and Settings. One line
 * even at 320 px: icons, each named for a screen reader and titled for the eye.
 */
export function MainHeader(props: {
  tab: MainTab;
  onTab: (tab: MainTab) => void;
  syncing: boolean;
  onCreate: () => void;
  onSync: () => void;
  onSettings: () => void;
}) {
  const { tab } = props;
  return (
    <header className="header">
      <div role="tablist" aria-label="Credentials" className="tabs">
        {(['keys', 'tokens'] as const).map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            id={`tab-${name}`}
            aria-selected={tab === name}
            aria-controls={`panel-${name}`}
            tabIndex={tab === name ? 0 : -1}
            onClick={() => props.onTab(name)}
            onKeyDown={(event) => {
              if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') {
                const next = name === 'keys' ? 'tokens' : 'keys';
                props.onTab(next);
                document.getElementById(`tab-${next}`)?.focus();
              }
            }}
          >
            {name === 'keys' ? 'API keys' : 'V1 tokens'}
          </button>
        ))}
      </div>
      <div className="header-actions">
        {tab === 'keys' && (
          <button
            type="button"
            className="icon-button"
            aria-label="Create key"
            title="Create key"
            onClick={props.onCreate}
          >
            <Icon name="plus" />
          </button>
        )}
        {/* "Sync" is its name (what the tray menu says too); the tooltip says what it does, in plain words. */}
        <button
          type="button"
          className="icon-button"
          aria-label="Sync"
          title="Get the latest keys from Telnyx"
          disabled={props.syncing}
          onClick={props.onSync}
        >
          <Icon name="sync" />
        </button>
        <button
          type="button"
          className="icon-button"
          aria-label="Settings"
          title="Settings"
          onClick={props.onSettings}
        >
          <Icon name="gear" />
        </button>
      </div>
    </header>
  );
}
