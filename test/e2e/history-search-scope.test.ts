// A search in a big history says how far its count goes: a common term counts only what can be listed
// ("more than 1,000"), and a one- or two-character term looks through the newest 50,000 entries only
// (src/main/core/history/history-query.ts). Without these words "3 links" would read as all there are.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEARCH_COUNT_CAP, SHORT_SEARCH_SCOPE } from '../../src/main/core/history/history-query';
import { startE2eRun } from './support/e2e-run';
import type { E2eRun } from './support/e2e-run';
import { navButton } from './support/page-actions';

let run: E2eRun;
const ENTRIES = SHORT_SEARCH_SCOPE + 10;

beforeAll(async () => {
  run = await startE2eRun({ saveKey: true });
  await navButton(run.page, 'Upload').waitFor({ timeout: 30_000 });
  // A history bigger than a short search looks through: entries written straight into the database, the
  // oldest ten named "zq-…" so only a search of everything would find them.
  const now = Date.now();
  run.h.engine.db.conn.exec(`
    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${ENTRIES})
    INSERT INTO history (size, method, source, upload_path, file_name, file_path, download_url, mime_type,
                         uploaded_at, expires_at, created_at)
    SELECT 10, 'stream', 'local', 'bench', CASE WHEN i <= 10 THEN 'zq-' || i ELSE 'photo-' || i END || '.png',
           'kieai/1/bench/' || i || '.png', 'https://files.example/kieai/1/bench/' || i || '.png', 'image/png',
           ${now} - (${ENTRIES} - i) * 1000, ${now} + 86400000, ${now}
    FROM n`);
}, 180_000);

afterAll(async () => {
  await run?.dispose();
});

describe('the History count for searches in a big history', () => {
  it('says "more than" for a common term, and which entries a short term searched', async () => {
    const { page } = run;
    await navButton(page, 'History').click();
    const search = page.getByRole('searchbox');
    const count = page.getByTestId('history-count');

    await search.fill('photo');
    await expect
      .poll(() => count.textContent(), { timeout: 20_000 })
      .toContain(`more than ${SEARCH_COUNT_CAP.toLocaleString('en')} links`);

    await search.fill('zq');
    await expect
      .poll(() => count.textContent(), { timeout: 20_000 })
      .toContain(`searched the newest ${SHORT_SEARCH_SCOPE.toLocaleString('en')}`);

    // Three characters search everything: the ten oldest entries are found, and nothing is qualified.
    await search.fill('zq-');
    await expect.poll(() => count.textContent(), { timeout: 20_000 }).toBe('10 links');
  });
});
