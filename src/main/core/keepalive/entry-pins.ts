// Each listed history entry with its pin, for History and `kiedrop history`: one lookup by key for the
// page, never one per row. The next keep-alive is due the lead time before the expiry KieDrop believes.
import type { KieDropDb } from '../db';
import type { HistoryEntry } from '../history';
import { PinStore } from './pin-store';

export function withPins(
  db: KieDropDb,
  entries: HistoryEntry[],
  leadMs: number,
  nowMs: number,
): HistoryEntry[] {
  if (entries.length === 0) return entries;
  const pins = new PinStore(db).forEntries(entries.map((e) => e.id));
  if (pins.size === 0) return entries;
  return entries.map((e) => {
    const pin = pins.get(e.id);
    if (pin === undefined) return e;
    const due = pin.pinned ? new Date(Date.parse(e.expiresAt) - leadMs).toISOString() : null;
    return {
      ...e,
      pin: {
        pinned: pin.pinned,
        keptAliveCount: pin.keptAliveCount,
        lastAt: pin.lastAt,
        lastOutcome: pin.lastOutcome,
        lastAgeMs: pin.lastAt === null ? null : nowMs - Date.parse(pin.lastAt),
        nextAt: due,
      },
    };
  });
}
