import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // npm run mutate runs only the test files that reach the mutated module.
    include: process.env.AKS_HUB_MUTATE_TESTS?.split(',') ?? ['test/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    // Synthesis tests are CPU-bound; two cores.
    maxWorkers: 2,
    // Under mutation testing, the tests run in Stryker's test runner process, one file after another.
    ...(process.env.AKS_HUB_MUTATE_TESTS && { pool: 'threads', maxWorkers: 1, isolate: false, fileParallelism: false }),
    testTimeout: 60_000,
    reporters: ['default'],
  },
});
