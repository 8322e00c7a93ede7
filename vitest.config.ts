import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['**/node_modules/**', 'test/fixtures/**'],
    testTimeout: 30_000,
    hookTimeout: 600_000,
    // e2e files boot real servers; keep them from fighting over the two cores.
    fileParallelism: true,
    maxWorkers: 2,
  },
});
