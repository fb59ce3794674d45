// The command line words a failure's fix by its code: a flag, a variable or a command, never the app's
// Settings, however the core happens to word its own sentence.
import { describe, expect, it } from 'vitest';
import { ANY_ADDRESS, cliWording } from '../../src/cli/cli-wording';
import { failedJobsTable, jobsTable } from '../../src/cli/history-table';
import { jobSnapshot } from '../support/job-snapshot';

const REFUSED = { code: 'network.refused', params: { host: '127.0.0.1:9' } };

describe('a failure on the command line', () => {
  it('names --base-url for a refused connection, whatever the core sentence says', () => {
    const reworded =
      'Could not connect to 127.0.0.1:9 (refused). Open Settings → Network and fix the address.';
    expect(cliWording(reworded, REFUSED)).toBe(
      'Could not connect to 127.0.0.1:9: connection refused. ' +
        'Check --base-url (or KIEDROP_BASE_URL) and that the server is running.',
    );
    expect(cliWording(reworded, REFUSED, ANY_ADDRESS)).toContain(
      'connection refused. Check --base-url or --credits-url (KIEDROP_BASE_URL, KIEDROP_CREDITS_URL)',
    );
  });

  it('keeps the attempts a failure was given up after', () => {
    const failed = { code: 'network.refused', params: { host: '127.0.0.1:9', gaveUpAfter: 3 } };
    expect(cliWording('Anything. (Gave up after 3 attempts.)', failed)).toMatch(
      /and that the server is running\. \(Gave up after 3 attempts\.\)$/u,
    );
  });

  it("puts its code's hint where the core sends people to Settings, and keeps the rest", () => {
    const notFound = {
      code: 'api.refused',
      params: { status: 404, detail: 'x' },
    };
    expect(
      cliWording(
        'The server at 127.0.0.1:5 has no such endpoint (404): POST /nope/api/file-stream-upload. ' +
          'Fix the API base URL under Settings → Network.',
        notFound,
      ),
    ).toBe(
      'The server at 127.0.0.1:5 has no such endpoint (404): POST /nope/api/file-stream-upload. ' +
        'Check --base-url (or KIEDROP_BASE_URL).',
    );
    expect(
      cliWording('No API key is set. Get one at kie.ai/api-key and save it in Settings.', {
        code: 'key.malformed',
      }),
    ).toBe('No API key is set. Get one at kie.ai/api-key and run `kiedrop key set`.');
    expect(
      cliWording('The credits answer is odd. Check the credits base URL in Settings.', {
        code: 'api.invalid-response',
      }),
    ).toBe('The credits answer is odd. Check --credits-url (or KIEDROP_CREDITS_URL).');
  });

  it('never says Settings, even for a failure it has no code or hint for', () => {
    expect(cliWording('Something new went wrong. See Settings for more.', null)).toBe(
      'Something new went wrong. Check the flag or variable that set it.',
    );
    expect(cliWording('Nothing to reword here.', { code: 'internal' })).toBe('Nothing to reword here.');
  });

  it('is how `history --failed` and `queue` give a failed job its reason', () => {
    const sentence =
      'Could not connect to 127.0.0.1:9: connection refused. Check the address in Settings and that the server is running.';
    const [, row] = failedJobsTable([
      {
        jobId: 4,
        localPath: '/x/a.png',
        sourceUrl: null,
        fileName: 'a.png',
        errorKind: 'network',
        lastError: sentence,
        errorCode: REFUSED.code,
        errorParams: REFUSED.params,
        attempts: 8,
        finishedAt: 0,
      },
    ]);
    expect(row).toContain('Check --base-url (or KIEDROP_BASE_URL)');
    expect(row).not.toContain('Settings');
    const failed = jobSnapshot(5, {
      status: 'failed',
      lastError: sentence,
      errorCode: REFUSED.code,
      errorParams: REFUSED.params,
    });
    const lines = jobsTable([failed], 0).join('\n');
    expect(lines).toContain('Check --base-url (or KIEDROP_BASE_URL)');
    expect(lines).not.toContain('Settings');
  });
});
