// How long KieDrop believes a link lives, and why: shown next to History's countdowns and in Settings.

export interface LearnedLifetime {
  /** The shortest lifetime seen lately, in ms. */
  lifetimeMs: number;
  /** How many links were seen to die early in that time. */
  observedOn: number;
}

export interface LinkLifetime {
  /** What every countdown uses, in ms. */
  believedMs: number;
  /** setting: the "Links last" setting; learned: links seen to die early; assumed: the documented 3 days. */
  source: 'setting' | 'learned' | 'assumed';
  /** What was learned lately, whether or not a setting overrides it; null when no link died early. */
  learned: LearnedLifetime | null;
  /** The documented lifetime (3 days), which stored expiries are computed with. */
  assumedMs: number;
}
