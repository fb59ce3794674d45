// Which release counts as newer, and which feed a packaged build asks (from electron-builder's app-update.yml).
import { describe, expect, it } from 'vitest';
import { isNewerVersion, parseLatestRelease, parsePublishConfig } from '../../src/main/core/updates';

describe('isNewerVersion', () => {
  it('orders releases by major, minor and patch, with or without a leading v', () => {
    expect(isNewerVersion('v0.2.0', '0.1.9')).toBe(true);
    expect(isNewerVersion('0.10.0', '0.9.0')).toBe(true);
    expect(isNewerVersion('1.0.0', '1.0.0')).toBe(false);
    expect(isNewerVersion('0.9.9', '1.0.0')).toBe(false);
  });

  it('puts a pre-release before its release, and compares pre-releases as semver does', () => {
    expect(isNewerVersion('1.0.0', '1.0.0-beta.2')).toBe(true);
    expect(isNewerVersion('1.0.0-beta.2', '1.0.0')).toBe(false);
    expect(isNewerVersion('1.0.0-beta.10', '1.0.0-beta.2')).toBe(true);
    expect(isNewerVersion('1.0.0-rc.1', '1.0.0-beta.9')).toBe(true);
  });

  it('never calls something that is not a version newer', () => {
    expect(isNewerVersion('nightly', '0.1.0')).toBe(false);
    expect(isNewerVersion('2.0.0', 'harness')).toBe(false);
  });
});

describe('parsePublishConfig (resources/app-update.yml)', () => {
  it('reads a GitHub feed, quoted or not', () => {
    const text =
      'owner: kiedrop-team\nrepo: "kiedrop"\nprovider: github\nupdaterCacheDirName: kiedrop-updater\n';
    expect(parsePublishConfig(text)).toEqual({
      apiBaseUrl: 'https://api.github.com',
      owner: 'kiedrop-team',
      repo: 'kiedrop',
    });
  });

  it('has no feed for another provider, a missing repo, or names that are not GitHub names', () => {
    expect(parsePublishConfig('provider: generic\nurl: https://example.com/\n')).toBeNull();
    expect(parsePublishConfig('provider: github\nowner: someone\n')).toBeNull();
    expect(parsePublishConfig('provider: github\nowner: a/../b\nrepo: x\n')).toBeNull();
  });
});

describe('parseLatestRelease', () => {
  it('takes the version from the tag and the page address', () => {
    expect(
      parseLatestRelease(
        JSON.stringify({ tag_name: 'v1.4.0', html_url: 'https://github.com/o/r/releases/tag/v1.4.0' }),
      ),
    ).toEqual({ version: '1.4.0', url: 'https://github.com/o/r/releases/tag/v1.4.0' });
  });

  it('says what is wrong with an answer that is not a release', () => {
    expect(() => parseLatestRelease('<html>')).toThrow('did not answer with JSON');
    expect(() => parseLatestRelease(JSON.stringify({ tag_name: 'latest', html_url: 'https://x' }))).toThrow(
      'tag is not a version ("latest")',
    );
    expect(() =>
      parseLatestRelease(JSON.stringify({ tag_name: 'v1.0.0', html_url: 'javascript:alert(1)' })),
    ).toThrow('no web page address');
  });
});
