// The error Settings shows next to a field, found by the field's label.
import type { Page } from 'playwright-core';

/** Waits up to `timeoutMs` for the alert in the setting row labelled `label`, and returns its text. */
export async function errorNextTo(page: Page, label: string, timeoutMs = 10_000): Promise<string> {
  const row = page.locator('.setting', { has: page.getByLabel(label, { exact: true }) });
  const alert = row.getByRole('alert');
  await alert.waitFor({ timeout: timeoutMs });
  return (await alert.textContent()) ?? '';
}
