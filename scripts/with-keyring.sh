#!/usr/bin/env bash
# Runs a command inside a private D-Bus session with an unlocked gnome-keyring, HOME and XDG folders in a
# temp dir, so keychain tests use a real Secret Service and never touch a person's own keyring.
set -euo pipefail
if ! command -v dbus-run-session >/dev/null || ! command -v gnome-keyring-daemon >/dev/null; then
  echo "with-keyring: dbus-run-session or gnome-keyring-daemon is missing (apt-get install dbus gnome-keyring)" >&2
  exit 1
fi
tmp=$(mktemp -d -t keytray-keyring.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/data" "$tmp/config" "$tmp/cache" "$tmp/run"
chmod 700 "$tmp/run"
export REAL_HOME="${HOME:-}" HOME="$tmp" XDG_DATA_HOME="$tmp/data" XDG_CONFIG_HOME="$tmp/config" \
  XDG_CACHE_HOME="$tmp/cache" XDG_RUNTIME_DIR="$tmp/run" KEYTRAY_TEST_KEYRING=1
# npm and Playwright keep their caches under the real HOME.
export npm_config_cache="${npm_config_cache:-$REAL_HOME/.npm}"
exec dbus-run-session -- bash -c '
  echo -n pw | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1
  exec "$@"' with-keyring "$@"
