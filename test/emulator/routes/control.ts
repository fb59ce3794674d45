// /__emulator/*: test control for emulators running in another process. No auth, not logged,
// never affected by faults.
//   GET    /__emulator/log     → the request log          DELETE /__emulator/log    → empty it
//   POST   /__emulator/faults  → add a Fault as JSON; a pattern path goes in "pathRegExp" (and "pathFlags")
//   DELETE /__emulator/faults  → remove all faults
//   POST   /__emulator/clock   → {"advanceMs": n} or {"setMs": epochMs}; answers {now, iso}
//   POST   /__emulator/links   → any of {"lifetimeMs", "overwriteRestartsClock", "cdnDelayMs", "linkRoot"}; answers all four
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Fault, FaultController, RequestLogEntry } from '../types';
import type { ControllableClock } from '../clock';
import type { LinkBehaviour } from '../storage';
import { errorBody } from '../api-failure';

export const CONTROL_PREFIX = '/__emulator/';

export interface ControlDeps {
  log: RequestLogEntry[];
  faults: FaultController;
  clock: ControllableClock;
  setLinkBehaviour(change: Partial<LinkBehaviour>): LinkBehaviour;
}

type Handler = (body: Record<string, unknown>) => unknown;

export async function handleControl(
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  deps: ControlDeps,
): Promise<void> {
  const routes: Record<string, Record<string, Handler>> = {
    log: {
      GET: () => deps.log,
      DELETE: () => {
        deps.log.length = 0;
        return { ok: true };
      },
    },
    faults: {
      POST: (body) => {
        deps.faults.add(faultFromJson(body));
        return { ok: true };
      },
      DELETE: () => {
        deps.faults.clear();
        return { ok: true };
      },
    },
    clock: {
      POST: (body) => {
        // advance()/set() run the expiry sweep themselves.
        if (typeof body.advanceMs === 'number') deps.clock.advance(body.advanceMs);
        else if (typeof body.setMs === 'number') deps.clock.set(body.setMs);
        else throw new TypeError('Send {"advanceMs": <ms>} or {"setMs": <ms since epoch>}');
        return { now: deps.clock.now(), iso: new Date(deps.clock.now()).toISOString() };
      },
    },
    links: {
      POST: (body) => {
        const { lifetimeMs, overwriteRestartsClock, cdnDelayMs, linkRoot } = body as Partial<LinkBehaviour>;
        return deps.setLinkBehaviour({
          ...(lifetimeMs !== undefined && { lifetimeMs }),
          ...(linkRoot !== undefined && { linkRoot }),
          ...(overwriteRestartsClock !== undefined && { overwriteRestartsClock }),
          ...(cdnDelayMs !== undefined && { cdnDelayMs }),
        });
      },
    },
  };
  const route = routes[path.slice(CONTROL_PREFIX.length)];
  const method = req.method ?? 'GET';
  if (!route)
    return reply(res, 404, errorBody(404, `Unknown control route ${path}; use log, faults, clock or links`));
  const handler = route[method];
  if (!handler) {
    return reply(res, 405, errorBody(405, 'Method not allowed'), { Allow: Object.keys(route).join(', ') });
  }
  try {
    const body = method === 'POST' ? await readSmallJson(req) : {};
    reply(res, 200, handler(body));
  } catch (err) {
    reply(res, 400, errorBody(400, (err as Error).message));
  }
}

function faultFromJson(body: Record<string, unknown>): Fault {
  const { pathRegExp, pathFlags, ...rest } = body;
  const fault = rest as Fault;
  if (typeof pathRegExp === 'string') {
    fault.path = new RegExp(pathRegExp, typeof pathFlags === 'string' ? pathFlags : undefined);
  } else if (fault.path !== undefined && typeof fault.path !== 'string') {
    throw new TypeError('Fault "path" must be a string; send a pattern as "pathRegExp"');
  }
  return fault;
}

async function readSmallJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  let text = '';
  for await (const chunk of req as AsyncIterable<Buffer>) {
    text += chunk.toString('utf8');
    if (text.length > 64 * 1024) throw new Error('Control request body is larger than 64 KiB');
  }
  const parsed: unknown = text.trim() === '' ? {} : JSON.parse(text);
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new TypeError('Control request body must be a JSON object');
  }
  return parsed as Record<string, unknown>;
}

function reply(
  res: ServerResponse,
  status: number,
  value: unknown,
  headers: Record<string, string> = {},
): void {
  const data = Buffer.from(JSON.stringify(value));
  res.writeHead(status, {
    ...headers,
    'Content-Type': 'application/json',
    'Content-Length': String(data.length),
  });
  res.end(data);
}
