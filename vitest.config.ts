import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['contracts/**/*.spec.ts', 'server/**/*.spec.ts', 'cli/**/*.spec.ts', 'web/**/*.spec.ts', 'e2e/support/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
