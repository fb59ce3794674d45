// A setting that cannot be used or saved, with the field it concerns and a message a person can act on.
export type SettingsErrorKind = 'invalid-argument' | 'write-failed';

export class SettingsError extends Error {
  readonly kind: SettingsErrorKind;
  readonly field: string | null;

  constructor(
    kind: SettingsErrorKind,
    message: string,
    field: string | null = null,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'SettingsError';
    this.kind = kind;
    this.field = field;
  }
}
