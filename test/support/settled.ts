// Fixtures hand out values their vitest hooks set (an emulator, a temp folder). Read at the top level of
// a test file, before any hook ran, such a value does not exist yet: say so instead of passing undefined on.

/** `value`, once the hook that sets it has run; otherwise a clear error naming it. */
export function settled<T>(value: T | undefined, name: string): T {
  if (value === undefined) {
    throw new Error(
      `${name} is set by the fixture's hooks: use it inside a test or a hook, not at load time`,
    );
  }
  return value;
}
