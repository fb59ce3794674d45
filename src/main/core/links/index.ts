// Link text for the clipboard: URL, Markdown, HTML or a custom template. The one implementation
// every "copy link" path (window, share, clipboard upload, CLI) uses.
export {
  escapeHtml,
  formatLink,
  formatLinks,
  isLinkFormat,
  LINK_FORMATS,
  TEMPLATE_FIELDS,
} from './link-format';
export type { LinkFields, LinkFormat } from './link-format';
export { formatSize } from './format-size';
