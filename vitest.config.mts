import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    // Synthesis tests are CPU-bound; two cores.
    maxWorkers: 2,
    testTimeout: 60_000,
    reporters: ['default'],
  },
});
