// How an installed file says "KieDrop made me". Uninstall removes only files that carry this line,
// and install refuses to overwrite a file at our path that does not: it belongs to someone else.
// When install had to create folders (a fresh ~/.local/share/nemo/actions), the topmost one is
// noted next to the marker, so uninstall can remove exactly those folders and no others.
// The program an entry starts is noted too, so status can say when that program no longer exists
// (KieDrop was moved or removed) instead of only "points to another copy".

export const MARKER = 'Created by KieDrop';
export const MARKER_LINE_TEXT = `${MARKER}: turn "Share with KieDrop" off in KieDrop's Settings to remove it.`;
const CREATED_DIR_LABEL = 'KieDrop created folder: ';
const PROGRAM_LABEL = 'KieDrop program: ';

export type CommentStyle = 'hash' | 'xml';

function comment(style: CommentStyle, text: string): string {
  return style === 'hash' ? `# ${text}` : `<!-- ${text} -->`;
}

export function markerComment(style: CommentStyle): string {
  return comment(style, MARKER_LINE_TEXT);
}

export function hasMarker(text: string): boolean {
  return text.includes(MARKER);
}

/** Puts the created-folder note on the line after the marker. */
export function addCreatedDirNote(text: string, style: CommentStyle, dir: string): string {
  const lines = text.split('\n');
  const at = lines.findIndex((l) => l.includes(MARKER));
  if (at < 0) throw new Error('internal: generated text has no KieDrop marker');
  // XML comments may not contain "--"; folder names rarely do, but a broken plist would be worse.
  const safeDir = style === 'xml' ? dir.replace(/--/g, '-\u2060-') : dir;
  lines.splice(at + 1, 0, comment(style, `${CREATED_DIR_LABEL}${safeDir}`));
  return lines.join('\n');
}

/** The created-folder note, if any, and the text without it (to compare with a fresh copy). */
export function readCreatedDirNote(text: string): { dir: string | null; text: string } {
  const lines = text.split('\n');
  const at = lines.findIndex((l) => l.includes(CREATED_DIR_LABEL));
  if (at < 0) return { dir: null, text };
  const line = lines[at] as string;
  const start = line.indexOf(CREATED_DIR_LABEL) + CREATED_DIR_LABEL.length;
  const raw = line.endsWith(' -->') ? line.slice(start, -4) : line.slice(start);
  lines.splice(at, 1);
  return { dir: raw.replace(/-\u2060-/g, '--'), text: lines.join('\n') };
}

/** Puts the program note on the line after the marker. */
export function addProgramNote(text: string, style: CommentStyle, program: string): string {
  const lines = text.split('\n');
  const at = lines.findIndex((l) => l.includes(MARKER));
  if (at < 0) throw new Error('internal: generated text has no KieDrop marker');
  const safe = style === 'xml' ? program.replace(/--/g, '-\u2060-') : program;
  lines.splice(at + 1, 0, comment(style, `${PROGRAM_LABEL}${safe}`));
  return lines.join('\n');
}

/** The program an installed entry starts, when its file carries the note (entries of older versions do not). */
export function readProgramNote(text: string): string | null {
  const line = text.split('\n').find((l) => l.includes(PROGRAM_LABEL));
  if (line === undefined) return null;
  const start = line.indexOf(PROGRAM_LABEL) + PROGRAM_LABEL.length;
  const raw = line.endsWith(' -->') ? line.slice(start, -4) : line.slice(start);
  return raw.replace(/-\u2060-/g, '--');
}
