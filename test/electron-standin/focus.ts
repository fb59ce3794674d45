// Which of the app's windows has the keyboard focus. Wayland compositors hand the clipboard only to a
// focused client, so the stand-in's clipboard asks this.
let focusedId: number | null = null;

export function setFocused(id: number | null): void {
  focusedId = id;
}

export function focusedWindowId(): number | null {
  return focusedId;
}
