// Turns what the user typed into a safe full-text or LIKE pattern. The trigram index needs at least
// three characters; shorter queries fall back to a LIKE scan, which is still quick for so few letters.

export const MIN_FTS_CHARS = 3;

/** Characters, not UTF-16 units: "图片" is two characters. */
export function charCount(text: string): number {
  return [...text].length;
}

export function useFts(query: string): boolean {
  return charCount(query) >= MIN_FTS_CHARS;
}

/** The query as one FTS5 phrase: quotes doubled, so operators and punctuation are matched literally. */
export function ftsPhrase(query: string): string {
  return `"${query.replaceAll('"', '""')}"`;
}

/** A `%…%` LIKE pattern for use with `ESCAPE '\'`. */
export function likeContains(query: string): string {
  return `%${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
