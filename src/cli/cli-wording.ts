// The core's messages are written for the desktop app and send people to its Settings. On the command
// line the same fix is a flag or a command, so those pointers are reworded before they are printed.

const REWORDINGS: readonly (readonly [RegExp, string])[] = [
  [/Check the address in Settings/gu, 'Check --base-url (or KIEDROP_BASE_URL)'],
  [/Check the API base URL in Settings/gu, 'Check --base-url (or KIEDROP_BASE_URL)'],
  [/Check the credits base URL in Settings/gu, 'Check --credits-url (or KIEDROP_CREDITS_URL)'],
  [/and save it in Settings/gu, 'and run `kiedrop key set`'],
  [/Check it in Settings/gu, 'Check the flag or variable that set it'],
];

/** `message` with every "in Settings" pointer replaced by the flag or command that does the same here. */
export function cliWording(message: string): string {
  let text = message;
  for (const [pattern, replacement] of REWORDINGS) text = text.replace(pattern, replacement);
  return text;
}
