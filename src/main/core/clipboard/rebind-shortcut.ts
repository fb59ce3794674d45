// Changing the "Upload clipboard" shortcut without ever losing it: the new one is registered first,
// and the old one is released only once the new one works. When another app already owns the new
// keys, the OS refuses the registration and the old shortcut simply stays.
import { parseAccelerator } from './accelerator';

/** The part of Electron's globalShortcut this needs (with the callback already bound by the caller). */
export interface ShortcutRegistry {
  register(accelerator: string): boolean;
  unregister(accelerator: string): void;
  isRegistered(accelerator: string): boolean;
}

export type RebindResult =
  { ok: true; active: string | null } | { ok: false; active: string | null; message: string };

function canonical(accelerator: string): string | null {
  const parsed = parseAccelerator(accelerator);
  return parsed.ok ? parsed.accelerator : null;
}

function keptMessage(old: string | null): string {
  return old === null ? 'No shortcut is set.' : `${old} still works.`;
}

/** `next` null or '' turns the shortcut off. */
export function rebindShortcut(
  registry: ShortcutRegistry,
  old: string | null,
  next: string | null,
): RebindResult {
  if (next === null || next.trim() === '') {
    if (old !== null) registry.unregister(old);
    return { ok: true, active: null };
  }
  const parsed = parseAccelerator(next);
  if (!parsed.ok) return { ok: false, active: old, message: `${parsed.message} ${keptMessage(old)}` };
  const wanted = parsed.accelerator;
  if (old !== null && canonical(old) === wanted) {
    // Same keys, maybe spelled differently: make sure it is registered, nothing else to do.
    if (!registry.isRegistered(old)) registry.register(old);
    return { ok: true, active: old };
  }

  let registered: boolean;
  try {
    registered = registry.register(wanted);
  } catch {
    registered = false;
  }
  if (!registered || !registry.isRegistered(wanted)) {
    return {
      ok: false,
      active: old,
      message: `${wanted} is already used by another app (or by the system), so it could not be set. ${keptMessage(old)}`,
    };
  }
  if (old !== null) registry.unregister(old);
  return { ok: true, active: wanted };
}
