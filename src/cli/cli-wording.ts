// The core's messages are written for the desktop app and send people to its Settings. On the command
// line the same fix is a flag or a command, so those pointers are reworded before they are printed.

/** How to name the flags an address came from, when a message only says "the address". */
export const UPLOAD_ADDRESS = '--base-url (or KIEDROP_BASE_URL)';
export const ANY_ADDRESS = '--base-url or --credits-url (KIEDROP_BASE_URL, KIEDROP_CREDITS_URL)';

/**
 * `message` with every "in Settings" pointer replaced by the flag or command that does the same here.
 * `address` names where "the address" of a failed connection was set, as far as the caller knows.
 */
export function cliWording(message: string, address: string = UPLOAD_ADDRESS): string {
  return message
    .replace(/Check the address in Settings/gu, `Check ${address}`)
    .replace(/Check the API base URL in Settings/gu, 'Check --base-url (or KIEDROP_BASE_URL)')
    .replace(/Check the credits base URL in Settings/gu, 'Check --credits-url (or KIEDROP_CREDITS_URL)')
    .replace(/and save it in Settings/gu, 'and run `kiedrop key set`')
    .replace(/Check it in Settings/gu, 'Check the flag or variable that set it');
}
