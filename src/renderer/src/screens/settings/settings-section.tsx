// One titled group on the Settings screen; the heading names the region for screen readers.
import type { ReactNode } from 'react';

export interface SettingsSectionProps {
  /** The heading's id, which labels the section. */
  id: string;
  title: ReactNode;
  testId?: string;
  children: ReactNode;
}

export function SettingsSection({ id, title, testId, children }: SettingsSectionProps) {
  return (
    <section className="settings-section" aria-labelledby={id} data-testid={testId}>
      <h2 id={id} className="section-title">
        {title}
      </h2>
      <div className="panel settings-panel">{children}</div>
    </section>
  );
}
