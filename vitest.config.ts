// The Svelte plugin compiles the renderer's runes modules (`*.svelte.ts`) for their unit tests.
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [svelte()],
  test: {
    include: ['electron/**/*.test.ts', 'tests/unit/**/*.test.ts', 'renderer/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
