// The only thing ever shown about a key: its last four characters. Short keys show nothing, because
// four characters of a short key would give away too much of it.
const HINT_CHARS = 4;
const MIN_LENGTH_FOR_HINT = 12;

export function keyHint(key: string): string {
  const trimmed = key.trim();
  if (trimmed.length < MIN_LENGTH_FOR_HINT) return '…';
  return `…${trimmed.slice(-HINT_CHARS)}`;
}
