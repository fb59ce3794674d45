// A clipboard write is read back before anyone is told "copied": on Wayland a write from an app without a
// focused window is dropped without an error (DESIGN §8 rule 11).

export const CLIPBOARD_REFUSED =
  'the desktop did not take the copy (on Wayland only a focused window may write to the clipboard).';

/** Writes, then reads back; rejects with the reason when the clipboard does not hold the text. */
export async function writeVerified(
  target: { writeText(text: string): Promise<void>; readText(): Promise<string> },
  text: string,
): Promise<void> {
  await target.writeText(text);
  if ((await target.readText()) !== text) throw new Error(CLIPBOARD_REFUSED);
}
