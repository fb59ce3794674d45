// "Copy link" text: a bare URL, Markdown, HTML, BBCode (forums), or the user's own template. The name is escaped for
// the target format, so a file called `a](x)` or `<b>` cannot change what the pasted text does.
import type { HistoryEntry } from '../history';
import { formatSize } from './format-size';

export type LinkFormat = 'url' | 'markdown' | 'html' | 'bbcode' | 'custom';

export const LINK_FORMATS: readonly LinkFormat[] = ['url', 'markdown', 'html', 'bbcode', 'custom'];

/** What a link needs from an upload; a HistoryEntry has all of it. */
export type LinkFields = Pick<HistoryEntry, 'fileName' | 'downloadUrl' | 'mimeType' | 'expiresAt' | 'size'>;

/** The fields a custom template may use. Anything else in braces is left as typed. */
export const TEMPLATE_FIELDS = ['url', 'name', 'expires', 'size'] as const;

function isImage(entry: LinkFields): boolean {
  return entry.mimeType.toLowerCase().startsWith('image/');
}

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

// Brackets would end the link text early; a backslash would escape our own escapes.
function markdownText(text: string): string {
  return text.replace(/[\\[\]]/g, (c) => `\\${c}`);
}

// Parentheses, spaces and angle brackets end or break a Markdown link destination. Percent-encoded
// by hand: encodeURIComponent leaves "(" and ")" as they are.
function markdownUrl(url: string): string {
  return url.replace(/[()\s<>]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

// BBCode has no escape character: a bracket in the name could close the tag early, so it becomes a
// parenthesis. In the link, brackets and spaces are percent-encoded, which keeps the address the same.
function bbcodeText(text: string): string {
  return text.replace(/\[/g, '(').replace(/\]/g, ')');
}

function bbcodeUrl(url: string): string {
  return url.replace(/[[\]\s]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

function fillTemplate(template: string, entry: LinkFields): string {
  const values: Record<(typeof TEMPLATE_FIELDS)[number], string> = {
    url: entry.downloadUrl,
    name: entry.fileName,
    expires: entry.expiresAt,
    size: formatSize(entry.size),
  };
  // A replacement function, so "$&" in a file name is inserted literally.
  return template.replace(/\{(url|name|expires|size)\}/g, (_m, field: keyof typeof values) => values[field]);
}

export function formatLink(entry: LinkFields, format: LinkFormat, customTemplate = '{url}'): string {
  const url = entry.downloadUrl;
  const name = entry.fileName;
  switch (format) {
    case 'url':
      return url;
    case 'markdown': {
      const link = `[${markdownText(name)}](${markdownUrl(url)})`;
      return isImage(entry) ? `!${link}` : link;
    }
    case 'html':
      return isImage(entry)
        ? `<img src="${escapeHtml(url)}" alt="${escapeHtml(name)}">`
        : `<a href="${escapeHtml(url)}">${escapeHtml(name)}</a>`;
    case 'bbcode':
      return isImage(entry)
        ? `[img]${bbcodeUrl(url)}[/img]`
        : `[url=${bbcodeUrl(url)}]${bbcodeText(name)}[/url]`;
    case 'custom':
      return fillTemplate(customTemplate, entry);
  }
}

/** Several uploads: one link per line, in the order given. */
export function formatLinks(
  entries: readonly LinkFields[],
  format: LinkFormat,
  customTemplate?: string,
): string {
  return entries.map((e) => formatLink(e, format, customTemplate)).join('\n');
}

export function isLinkFormat(value: string): value is LinkFormat {
  return (LINK_FORMATS as readonly string[]).includes(value);
}
