import type { HistoryEntry, HistoryStore } from '../../main/core/history';
import { createAgentRouter } from '../../main/core/api/proxy-agent';
import { checkLinks, LinkCheckStore, type LinkHealth, type LinkProbe } from '../../main/core/health';
import type { ParsedArgs } from '../args';
import { booleanFlag } from '../args';
import type { CliContext } from '../context';
import { withEngine } from '../engine-session';
import { EXIT_FAILURE, EXIT_OK, UsageError } from '../errors';
import { formatLocalDateTime } from '../format';
import { historyEntryFor, historyRef, parseRecordId } from '../record-ids';
import { resolveCliConfig } from '../session';
import { cliVersion } from '../version';

// `kiedrop check`: asks each link's host whether it still serves the file. Links are public, so no key
// is needed; requests go through the same proxy as uploads. Every result is stored with the entry.

const COMMAND = 'check';
const PAGE = 500;

function allCurrentEntries(history: HistoryStore): HistoryEntry[] {
  const entries: HistoryEntry[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = history.list({ status: 'all', limit: PAGE, offset }).entries;
    // An overwritten entry's link now serves another file: checking it says nothing about this entry.
    entries.push(...page.filter((e) => e.replacedBy === null));
    if (page.length < PAGE) return entries;
  }
}

function describe(probe: LinkProbe, health: LinkHealth | undefined): string {
  switch (probe.state) {
    case 'alive':
      return `alive (${probe.detail})`;
    case 'gone': {
      const since = health?.goneSince;
      return `gone (${probe.detail}; first seen gone ${since ? formatLocalDateTime(new Date(since)) : 'now'})`;
    }
    case 'unreachable':
      return `host unreachable (${probe.detail}); the file may still be there`;
    default:
      return `no answer about the file (${probe.detail})`;
  }
}

export async function runCheck(ctx: CliContext, parsed: ParsedArgs): Promise<number> {
  const all = booleanFlag(parsed, 'all');
  const json = booleanFlag(parsed, 'json');
  if (all === parsed.positionals.length > 0) {
    throw new UsageError('pass history ids (h12 or 12) or --all, not both and not neither', COMMAND);
  }
  const refs = parsed.positionals.map((text) => parseRecordId(text, 'history', 'each id', COMMAND));
  const config = resolveCliConfig(ctx, parsed);

  return withEngine(ctx, parsed, { needsKey: false }, async ({ engine }) => {
    const entries = all
      ? allCurrentEntries(engine.history)
      : refs.map((r) => historyEntryFor(engine.history, r));
    const store = new LinkCheckStore(engine.db);
    const agents = createAgentRouter(config.proxy);
    const rows: { entry: HistoryEntry; probe: LinkProbe; health: LinkHealth | undefined }[] = [];
    try {
      const byId = new Map(entries.map((e) => [e.id, e]));
      await checkLinks(
        entries.map((e) => ({ id: e.id, url: e.downloadUrl })),
        { agents, signal: ctx.signal, userAgent: `kiedrop-cli/${cliVersion()}` },
        (link, probe) => {
          const entry = byId.get(link.id) as HistoryEntry;
          const health = store.record(entry.id, probe, ctx.now().getTime());
          rows.push({ entry, probe, health });
          if (!json)
            ctx.stdout.write(
              `${historyRef(entry.id)}  ${entry.fileName}  ${describe(probe, health)}  ${entry.downloadUrl}\n`,
            );
        },
      );
    } finally {
      agents.closeIdle();
    }
    if (json) {
      const order = new Map(entries.map((e, i) => [e.id, i]));
      rows.sort((a, b) => (order.get(a.entry.id) ?? 0) - (order.get(b.entry.id) ?? 0));
      const out = rows.map(({ entry, probe, health }) => ({
        id: entry.id,
        fileName: entry.fileName,
        downloadUrl: entry.downloadUrl,
        state: probe.state,
        ...(probe.status !== undefined && { status: probe.status }),
        detail: probe.detail,
        checkedAt: health?.checkedAt ?? ctx.now().toISOString(),
        goneSince: health?.goneSince ?? null,
      }));
      ctx.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
    } else if (entries.length === 0) {
      ctx.stdout.write('No links to check: the history is empty.\n');
    }
    // Cron-friendly: a non-zero exit says some link is not known to be alive.
    return rows.every((r) => r.probe.state === 'alive') ? EXIT_OK : EXIT_FAILURE;
  });
}
