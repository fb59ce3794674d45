// The renderer pages carry a strict Content-Security-Policy meta tag. Under `npm run dev` Vite adds
// inline code to them (@vitejs/plugin-react's refresh preamble, CSS as <style> tags) and an HMR
// websocket, which that policy refuses. This plugin rewrites the tag in pages the dev server sends:
// inline scripts and styles get a fresh nonce per response (never 'unsafe-inline'), and the HMR socket
// is allowed. `apply: 'serve'` keeps it out of the production build, which ships the policy as written.
import { randomBytes } from 'node:crypto';
import type { Plugin, ResolvedConfig } from 'vite';

/** The page's policy with the dev server's additions; every other directive is kept as written. */
export function devPolicy(csp: string, nonce: string, socket: string): string {
  const directives = new Map<string, string[]>();
  for (const part of csp.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) directives.set(name.toLowerCase(), sources);
  }
  const defaults = directives.get('default-src') ?? [];
  const add = (name: string, source: string): void => {
    directives.set(name, [...(directives.get(name) ?? defaults), source]);
  };
  add('script-src', `'nonce-${nonce}'`);
  add('style-src', `'nonce-${nonce}'`);
  add('connect-src', socket);
  return [...directives].map(([name, sources]) => [name, ...sources].join(' ')).join('; ');
}

/** Where the HMR client connects: the host the page is opened on (as electron-vite resolves it). */
function hmrSocket({ server }: ResolvedConfig): string {
  const hmrHost = typeof server.hmr === 'object' ? server.hmr.host : undefined;
  const wildcard = server.host === true || server.host === '0.0.0.0' || server.host === '::';
  const host = hmrHost ?? (typeof server.host === 'string' && !wildcard ? server.host : 'localhost');
  return `${server.https ? 'wss' : 'ws'}://${host}:*`;
}

const CSP_META = /<meta\b[^>]*http-equiv\s*=\s*["']content-security-policy["'][^>]*>/i;

export function devCsp(): Plugin {
  let socket = 'ws://localhost:*';
  return {
    name: 'kiedrop:dev-csp',
    apply: 'serve',
    configResolved(config) {
      socket = hmrSocket(config);
    },
    transformIndexHtml: {
      // After the other plugins, so the preamble they inject is there to get the nonce.
      order: 'post',
      handler(html) {
        const meta = CSP_META.exec(html);
        const csp = meta && /content\s*=\s*"([^"]*)"/i.exec(meta[0])?.[1];
        if (!meta || csp == null) return;
        const nonce = randomBytes(18).toString('base64');
        // First in <head>: Vite prepends its own scripts, and a meta policy covers only what follows it.
        // The csp-nonce tag is where Vite's client reads the nonce for the <style> tags it adds.
        const metas =
          `<meta http-equiv="Content-Security-Policy" content="${devPolicy(csp, nonce, socket)}" />` +
          `<meta property="csp-nonce" nonce="${nonce}" />`;
        return html
          .replace(meta[0], '')
          .replace(/<(script|style)\b(?![^>]*\bnonce=)/gi, `<$1 nonce="${nonce}"`)
          .replace(/<head\b[^>]*>/i, (head) => `${head}${metas}`);
      },
    },
  };
}
