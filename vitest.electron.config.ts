import { defineConfig } from 'vitest/config';

// Only for `npm run test:electron`: these tests launch the real Electron runtime.
export default defineConfig({
  test: {
    include: ['test/electron/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
