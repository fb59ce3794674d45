import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The core must run in plain Node and the renderer in a sandboxed page: ESLint refuses Electron there.
const eslint = new ESLint();
const importsElectron = "import { app } from 'electron';\nexport const name = app.getName();\n";

async function electronErrors(filePath: string): Promise<number> {
  const [result] = await eslint.lintText(importsElectron, { filePath });
  return result?.messages.filter((m) => m.ruleId === 'no-restricted-imports').length ?? -1;
}

describe('layer rules', () => {
  it('forbids importing electron in src/main/core', async () => {
    expect(await electronErrors('src/main/core/api/example.ts')).toBe(1);
  });

  it('forbids importing electron in the renderer', async () => {
    expect(await electronErrors('src/renderer/src/example.tsx')).toBe(1);
  });

  it('allows electron in the main-process glue', async () => {
    expect(await electronErrors('src/main/example-window.ts')).toBe(0);
  });
});
