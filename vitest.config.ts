import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts', 'test/e2e/**/*.test.ts'],
    // test/electron needs the Electron runtime: it runs only through `npm run test:electron`.
    exclude: ['test/electron/**', 'node_modules/**'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Builds out/ (app and CLI) once when it is older than the sources.
    globalSetup: ['test/global-setup.ts'],
  },
});
