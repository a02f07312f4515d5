import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['electron/**/*.test.ts', 'tests/unit/**/*.test.ts', 'renderer/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
