// Clipboard images have no name, so they get one from the local time they were taken:
// clipboard-20250314-093005.png, which sorts by time in any file list.

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

export function clipboardImageName(at: Date): string {
  const date = `${pad(at.getFullYear(), 4)}${pad(at.getMonth() + 1)}${pad(at.getDate())}`;
  const time = `${pad(at.getHours())}${pad(at.getMinutes())}${pad(at.getSeconds())}`;
  return `clipboard-${date}-${time}.png`;
}
