// What "copy link" puts on the clipboard in each format.
import { describe, expect, it } from 'vitest';
import { formatLink, formatLinks, formatSize } from '../../src/main/core/links';
import type { LinkFields } from '../../src/main/core/links';

const image: LinkFields = {
  fileName: 'cat.png',
  downloadUrl: 'https://files.example/u/cat.png',
  mimeType: 'image/png',
  expiresAt: '2025-03-17T09:30:05.000Z',
  size: 1536,
};
const doc: LinkFields = {
  fileName: 'report.pdf',
  downloadUrl: 'https://files.example/u/report.pdf',
  mimeType: 'application/pdf',
  expiresAt: '2025-03-17T10:00:00.000Z',
  size: 5_400_000,
};

describe('formatLink', () => {
  it('bbcode: [img] for images, [url=…] with the name otherwise', () => {
    expect(formatLink(image, 'bbcode')).toBe('[img]https://files.example/u/cat.png[/img]');
    expect(formatLink(doc, 'bbcode')).toBe('[url=https://files.example/u/report.pdf]report.pdf[/url]');
  });

  it('bbcode: brackets in the name or the link cannot close the tag early', () => {
    const odd = { ...doc, fileName: 'a[/url][b].txt', downloadUrl: 'https://f.example/a [1].txt' };
    expect(formatLink(odd, 'bbcode')).toBe('[url=https://f.example/a%20%5B1%5D.txt]a(/url)(b).txt[/url]');
  });

  it('url: the bare link', () => {
    expect(formatLink(image, 'url')).toBe('https://files.example/u/cat.png');
  });

  it('markdown: an image embed for images, a link for anything else', () => {
    expect(formatLink(image, 'markdown')).toBe('![cat.png](https://files.example/u/cat.png)');
    expect(formatLink(doc, 'markdown')).toBe('[report.pdf](https://files.example/u/report.pdf)');
  });

  it('markdown: brackets in the name and parentheses or spaces in the link cannot break the syntax', () => {
    const odd = { ...doc, fileName: 'a](evil) [x].txt', downloadUrl: 'https://f.example/a (1).txt' };
    expect(formatLink(odd, 'markdown')).toBe('[a\\](evil) \\[x\\].txt](https://f.example/a%20%281%29.txt)');
  });

  it('html: <img> for images, <a> otherwise, with names and links escaped', () => {
    expect(formatLink(image, 'html')).toBe('<img src="https://files.example/u/cat.png" alt="cat.png">');
    const odd = { ...doc, fileName: '<b>"Q&A"</b>.pdf', downloadUrl: 'https://f.example/q?a=1&b=2' };
    expect(formatLink(odd, 'html')).toBe(
      '<a href="https://f.example/q?a=1&amp;b=2">&lt;b&gt;&quot;Q&amp;A&quot;&lt;/b&gt;.pdf</a>',
    );
  });

  it('custom: fills {url}, {name}, {expires} (ISO) and {size}, leaving other braces alone', () => {
    const t = '[url={url}]{name}[/url] ({size}, until {expires}) {other}';
    expect(formatLink(doc, 'custom', t)).toBe(
      '[url=https://files.example/u/report.pdf]report.pdf[/url] (5.1 MB, until 2025-03-17T10:00:00.000Z) {other}',
    );
  });

  it('custom: a "$&" in a file name is inserted literally', () => {
    expect(formatLink({ ...doc, fileName: 'cost $& more.txt' }, 'custom', '{name}')).toBe('cost $& more.txt');
  });
});

describe('formatLinks', () => {
  it('puts one link per line, in the order given', () => {
    expect(formatLinks([doc, image], 'url')).toBe(
      'https://files.example/u/report.pdf\nhttps://files.example/u/cat.png',
    );
    expect(formatLinks([image, doc], 'custom', '{name}: {url}').split('\n')).toEqual([
      'cat.png: https://files.example/u/cat.png',
      'report.pdf: https://files.example/u/report.pdf',
    ]);
  });

  it('gives an empty string for no entries', () => {
    expect(formatLinks([], 'markdown')).toBe('');
  });
});

describe('formatSize', () => {
  it('reads like a file manager', () => {
    expect(formatSize(512)).toBe('512 B');
    expect(formatSize(1536)).toBe('1.5 KB');
    expect(formatSize(1024 * 1024 - 1)).toBe('1.0 MB');
    expect(formatSize(150 * 1024 * 1024)).toBe('150 MB');
  });
});
