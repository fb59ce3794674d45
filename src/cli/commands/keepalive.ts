import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { createApiClient, type ApiClient } from '../../main/core/api';
import { createAgentRouter } from '../../main/core/api/proxy-agent';
import {
  DEFAULT_KEEPALIVE_LEAD_HOURS,
  runKeepAlivePass,
  type KeepAliveOutcome,
} from '../../main/core/keepalive';
import { createJobStore } from '../../main/core/queue/job-store';
import { formatLeaseOwner, newLeaseOwner } from '../../main/core/queue/lease-owner';
import { MAX_KEEPALIVE_LEAD_HOURS, settingsShape } from '../../main/core/settings/settings-schema';
import type { ParsedArgs } from '../args';
import { booleanFlag } from '../args';
import type { CliContext } from '../context';
import { cliDataDir, withEngine } from '../engine-session';
import { EXIT_FAILURE, EXIT_OK } from '../errors';
import { formatExpiry, formatLocalDateTime } from '../format';
import { wholeNumberFlag } from '../number-flags';
import { historyRef } from '../record-ids';
import { resolveApiKey, resolveCliConfig } from '../session';
import { readTimeoutKnobs } from '../test-knobs';
import { cliVersion } from '../version';

// `kiedrop keepalive`: one keep-alive pass over the pinned entries, then exit — for cron or a systemd
// timer. It takes the same per-entry lease as the app, so running both at once uploads each link once.

const COMMAND = 'keepalive';
const HOUR_MS = 60 * 60 * 1000;

/** --lead-hours, else the app's setting, else 12. A damaged settings file is not this command's business. */
function leadHours(ctx: CliContext, parsed: ParsedArgs): number {
  const flag = wholeNumberFlag(parsed, 'lead-hours', { min: 1, max: MAX_KEEPALIVE_LEAD_HOURS }, COMMAND);
  if (flag !== undefined) return flag;
  try {
    const saved = (
      JSON.parse(readFileSync(join(cliDataDir(ctx), 'settings.json'), 'utf8')) as Record<string, unknown>
    )['keepAliveLeadHours'];
    const checked = settingsShape.keepAliveLeadHours.safeParse(saved);
    if (checked.success) return checked.data;
  } catch {
    // No settings file (the app never ran) or an unreadable one: the default.
  }
  return DEFAULT_KEEPALIVE_LEAD_HOURS;
}

function routeWords(o: KeepAliveOutcome): string {
  if (o.route === 'local-file') return 'from the unchanged local file';
  if (o.route === 'followed-file') return 'from the changed local file, as this pin follows the file';
  if (o.route === 'saved-copy') return "from KieDrop's local copy of the link's bytes";
  return 'by having the service fetch the link itself';
}

function line(o: KeepAliveOutcome, now: Date): string {
  const who = `${historyRef(o.historyId)}  ${o.fileName}`;
  switch (o.kind) {
    case 'kept-alive': {
      const until = new Date(o.expiresAt ?? '');
      const times = o.keptAliveCount ?? 0;
      return (
        `${who}  kept alive at the same link ${routeWords(o)}; now expires ${formatLocalDateTime(until)} ` +
        `(${formatExpiry(until, now)}; kept alive ${times} time${times === 1 ? '' : 's'})  ${o.downloadUrl}`
      );
    }
    case 'url-changed':
      return (
        `${who}  the service answered a NEW link; the old one is marked replaced and the pin moved to ` +
        `${historyRef(o.newHistoryId ?? 0)}. Share the new link: ${o.newDownloadUrl ?? ''}`
      );
    case 'clock-not-restarted':
      return (
        `${who}  died at its first expiry although it was uploaded again: keep-alive does not work for ` +
        `links at ${o.scope ?? ''}, so pinning is off there. Renew it with \`kiedrop renew ${historyRef(o.historyId)}\`.`
      );
    case 'blocked':
      return `${who}  not kept alive: keep-alive does not work for links at ${o.scope ?? ''}.`;
    case 'missed':
      return `${who}  died before it could be kept alive  ${o.downloadUrl}`;
    default:
      return `${who}  ${o.message ?? 'could not be kept alive'}`;
  }
}

function toJson(o: KeepAliveOutcome) {
  const { cause: _cause, ...plain } = o;
  return plain;
}

export async function runKeepalive(ctx: CliContext, parsed: ParsedArgs): Promise<number> {
  const json = booleanFlag(parsed, 'json');
  const hours = leadHours(ctx, parsed);
  const config = resolveCliConfig(ctx, parsed);
  const timeouts = readTimeoutKnobs(ctx.env);
  const userAgent = `kiedrop-cli/${cliVersion()}`;
  // The key is looked up only when an upload is due: a pass with nothing to do needs none.
  return withEngine(ctx, parsed, { needsKey: false }, async ({ engine }) => {
    let client: ApiClient | undefined;
    const agents = createAgentRouter(config.proxy);
    try {
      const report = await runKeepAlivePass({
        db: engine.db,
        history: engine.history,
        jobs: createJobStore(engine.db),
        client: async () => {
          client ??= createApiClient({
            ...config.endpoints,
            apiKey: (await resolveApiKey(ctx, config)).apiKey,
            userAgent,
            proxy: config.proxy,
            ...timeouts,
          });
          return client;
        },
        now: () => ctx.now().getTime(),
        leadMs: hours * HOUR_MS,
        owner: formatLeaseOwner(newLeaseOwner(hostname(), process.pid)),
        check: { agents, signal: ctx.signal, userAgent },
      });
      const lost = report.outcomes.filter((o) =>
        ['failed', 'clock-not-restarted', 'missed'].includes(o.kind),
      );
      if (json) {
        ctx.stdout.write(
          `${JSON.stringify({ leadHours: hours, missed: report.missed, outcomes: report.outcomes.map(toJson) }, null, 2)}\n`,
        );
        return lost.length === 0 ? EXIT_OK : EXIT_FAILURE;
      }
      const now = ctx.now();
      for (const o of report.outcomes) {
        if (o.kind === 'missed') continue;
        (o.kind === 'failed' ? ctx.stderr : ctx.stdout).write(`${line(o, now)}\n`);
      }
      const missed = report.outcomes.filter((o) => o.kind === 'missed');
      if (missed.length > 0) {
        const n = missed.length;
        ctx.stdout.write(
          `${n} pinned link${n === 1 ? '' : 's'} died while KieDrop was not running; renew ` +
            `${n === 1 ? 'it' : 'them'} with \`kiedrop renew ID\` for a new link:\n` +
            missed.map((o) => `${line(o, now)}\n`).join(''),
        );
      }
      if (report.outcomes.length === 0) {
        ctx.stdout.write(`Nothing to keep alive: no pinned link expires within ${hours} h.\n`);
      }
      return lost.length === 0 ? EXIT_OK : EXIT_FAILURE;
    } finally {
      client?.close();
      agents.closeIdle();
    }
  });
}
