// Picks the agent for each request: a direct keep-alive agent, or a tunnel through the proxy the
// configuration names for that target. Every target goes through CONNECT (http:// ones too), so the
// proxy only relays bytes: Expect: 100-continue, backpressure and keep-alive behave exactly as direct,
// and a refusal is always the proxy's own answer, never mistaken for the API's.
import http from 'node:http';
import type https from 'node:https';
import { proxyFromEnv } from './env-proxy';
import { httpsModule } from './https-module';
import { parseProxyUrl, proxyDisplayName, proxyPasswordForms } from './proxy-config';
import type { ProxyConfig, ProxyEnvironment } from './proxy-config';
import { parseSystemProxy } from './system-proxy';
import type { TunnelAgent } from './tunnel-agent';
import type * as TunnelModule from './tunnel-agent';

/** The proxy a request goes through, as messages may show it. */
export interface ProxyHop {
  /** "host:port", never the user name or password. */
  name: string;
  /** Where the user set it, completing "Check the proxy address …": "in Settings", "in HTTPS_PROXY". */
  origin: string;
}

export interface AgentRoute {
  agent: http.Agent;
  /** Null when the request goes directly to the target. */
  proxy: ProxyHop | null;
  /** Closes what `req` still holds that destroying it cannot reach (a CONNECT the proxy has not
   * answered yet). Call it whenever a request is given up. */
  abandon?(req: http.ClientRequest): void;
}

export interface AgentRouter {
  /** Throws ApiError('invalid-input') when the proxy that applies is not a usable URL. */
  route(target: URL): Promise<AgentRoute>;
  /** Passwords of the proxies used so far, so an error that somehow carries one can be scrubbed. */
  secrets(): string[];
  /** Closes idle keep-alive sockets (direct and tunnelled); requests in flight are left alone. */
  closeIdle(): void;
}

const SYSTEM_ORIGIN = 'in the system proxy settings';

// Loaded the first time a request goes through a proxy: the tunnel library and what it brings along cost
// about 25 ms of every start, paid otherwise by every `kiedrop` command that never uses a proxy.
let tunnelModule: Promise<typeof TunnelModule> | undefined;
const loadTunnelAgent = (): Promise<typeof TunnelModule> => (tunnelModule ??= import('./tunnel-agent'));

export function createAgentRouter(config: ProxyConfig = { mode: 'none' }): AgentRouter {
  const direct: { http: http.Agent; https?: https.Agent } = { http: new http.Agent({ keepAlive: true }) };
  const directHttps = (): https.Agent => (direct.https ??= new (httpsModule().Agent)({ keepAlive: true }));
  // One tunnel agent per proxy URL, so consecutive requests reuse its tunnels.
  const tunnels = new Map<string, TunnelAgent>();
  const secrets = new Set<string>();

  const directly = (target: URL): AgentRoute => ({
    agent: target.protocol === 'https:' ? directHttps() : direct.http,
    proxy: null,
  });

  const through = async (value: string, origin: string): Promise<AgentRoute> => {
    const url = parseProxyUrl(value, origin);
    const { TunnelAgent } = await loadTunnelAgent();
    let agent = tunnels.get(url.href);
    if (agent === undefined) {
      agent = new TunnelAgent(url.href, { keepAlive: true });
      tunnels.set(url.href, agent);
      for (const secret of proxyPasswordForms(url)) secrets.add(secret);
    }
    const tunnel = agent;
    return {
      agent: tunnel,
      proxy: { name: proxyDisplayName(url), origin },
      abandon: (req) => tunnel.abandon(req),
    };
  };

  const fromEnv = async (target: URL, env: ProxyEnvironment = process.env): Promise<AgentRoute> => {
    const found = proxyFromEnv(target, env);
    return found === null ? directly(target) : through(found.url, `in ${found.variable}`);
  };

  const fromSystem = async (
    target: URL,
    resolve: (url: string) => Promise<string>,
    env?: ProxyEnvironment,
  ): Promise<AgentRoute> => {
    let answer: string | null;
    try {
      answer = parseSystemProxy(await resolve(target.href));
    } catch {
      // The OS could not say (no session yet, PAC script failed): the environment is the next best guess.
      answer = null;
    }
    return answer === null ? fromEnv(target, env) : through(answer, SYSTEM_ORIGIN);
  };

  return {
    async route(target) {
      switch (config.mode) {
        case 'none':
          return directly(target);
        case 'env':
          return fromEnv(target, config.env);
        case 'manual':
          return through(config.url, config.origin ?? 'in Settings');
        case 'system':
          return fromSystem(target, config.resolve, config.env);
      }
    },
    secrets: () => [...secrets],
    closeIdle() {
      for (const agent of [direct.http, ...(direct.https ? [direct.https] : []), ...tunnels.values()]) {
        for (const sockets of Object.values(agent.freeSockets)) {
          for (const socket of sockets ?? []) socket.destroy();
        }
      }
    },
  };
}
