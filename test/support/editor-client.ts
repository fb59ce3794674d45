// A real HTTP client for the editor server, as an editor's would be: Node's http with whatever
// headers a test wants to send (a forged Host included, which fetch would not allow).
import http from 'node:http';

export interface EditorAnswer {
  status: number;
  body: { success: boolean; result: string[]; message?: string };
}

export function postToEditorServer(
  port: number,
  opts: { path?: string; headers?: Record<string, string>; body?: string },
): Promise<EditorAnswer> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: opts.path ?? '/upload',
        // A connection per request, as an editor makes: none is reused after the server closed it.
        agent: false,
        headers: { Host: `127.0.0.1:${port}`, ...opts.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as EditorAnswer['body'],
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(opts.body ?? '');
  });
}
