// Failures of the right-click installers, each with a message that says what to do.

export type ShellIntegrationErrorKind =
  'invalid-exe' | 'foreign-file' | 'no-runner' | 'command-failed' | 'io';

export class ShellIntegrationError extends Error {
  readonly kind: ShellIntegrationErrorKind;

  constructor(kind: ShellIntegrationErrorKind, message: string) {
    super(message);
    this.name = 'ShellIntegrationError';
    this.kind = kind;
  }
}

export function isShellIntegrationError(err: unknown): err is ShellIntegrationError {
  return err instanceof ShellIntegrationError;
}
