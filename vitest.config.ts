import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/http/**/*.test.ts'],
    setupFiles: ['test/helpers/fail-on-console-error.ts'],
    testTimeout: 20_000,
  },
});
