#!/bin/sh
# Runs a command inside a private D-Bus session with an unlocked gnome-keyring, so the tests talk to a real
# Secret Service (the one KieDrop uses on Linux) without touching the user's own keyring.
# Needs Debian's dbus and gnome-keyring packages.
set -e
if [ -n "${KIEDROP_KEYRING_READY:-}" ]; then exec "$@"; fi
for tool in dbus-run-session gnome-keyring-daemon; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "The tests need a real keychain: install Debian's dbus and gnome-keyring packages ($tool is missing)." >&2
    exit 1
  fi
done
keyring_home=$(mktemp -d)
trap 'rm -rf "$keyring_home"' EXIT
# The daemon keeps its keyring files under its own HOME; the command keeps the caller's environment.
dbus-run-session -- sh -c '
  printf kiedrop-test | HOME="$0" XDG_DATA_HOME="$0/data" gnome-keyring-daemon --unlock --components=secrets >/dev/null
  KIEDROP_KEYRING_READY=1 exec "$@"' "$keyring_home" "$@"
